/**
 * The command side of the adapter contract (issue 16 item 1), for every adapter through its real
 * SDK against its fake, on one app: a command in and its reply out where people read it; an
 * error answered privately where the platform has private replies; a setting refused to a
 * non-admin, saving nothing. The delivery side is test/e2e/adapter-contract.test.ts.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleInvocation } from "../../src/adapters/console/index.ts";
import { renderConsole } from "../../src/adapters/console/render.ts";
import { type DiscordAdapter, startDiscord } from "../../src/adapters/discord/index.ts";
import { registerCommands } from "../../src/adapters/discord/register.ts";
import { type LineAdapter, startLine } from "../../src/adapters/line/index.ts";
import { type LineMessage, lineVisibleText } from "../../src/adapters/line/render.ts";
import { type SlackAdapter, startSlack } from "../../src/adapters/slack/index.ts";
import { startTelegram, type TelegramAdapter } from "../../src/adapters/telegram/index.ts";
import { htmlToText } from "../../src/adapters/telegram/render.ts";
import type { Platform } from "../../src/core/invocation.ts";
import type { AdapterRoute } from "../../src/http/router.ts";
import { type HttpServer, startHttpServer } from "../../src/http/server.ts";
import { silentLogger } from "../../src/log.ts";
import { recordFirstSighting } from "../../src/storage/repos/seen-requests.ts";
import { readServedImage, saveServedImage } from "../../src/storage/repos/served-images.ts";
import { channels, workspaces } from "../../src/storage/schema/index.ts";
import { FakeDiscord } from "../fakes/discord.ts";
import { snowflake } from "../fakes/discord-payloads.ts";
import { FakeLine } from "../fakes/line.ts";
import { FakeSlack } from "../fakes/slack.ts";
import { visibleText } from "../fakes/slack-blocks.ts";
import { FakeTelegram } from "../fakes/telegram.ts";
import { createTestApp, type TestApp } from "../support/app.ts";

/** What a person sees after typing a command: the reply's text, and who can see it. */
interface Seen {
  text: string;
  /** Shown only to the asker (Slack ephemeral, Discord ephemeral flag). */
  private: boolean;
}

interface CommandHarness {
  platform: Platform;
  /** Whether the platform can show a reply to the asker only. Telegram and LINE groups cannot. */
  privateReplies: boolean;
  /** Whether anyone in the chat may change settings (the console: one local user). */
  everyoneAdmin: boolean;
  start(app: TestApp): Promise<void>;
  stop(): Promise<void>;
  /** The channel commands are typed in, as the platform names it (what the database stores). */
  channel: () => string;
  /** Types a command in the harness's shared channel as an admin or a plain member. */
  ask(text: string, who: "admin" | "member"): Promise<Seen>;
}

let app: TestApp;

function slackHarness(): CommandHarness {
  let fake: FakeSlack;
  let slack: SlackAdapter;
  const channel = "C0CONTRACT";

  return {
    platform: "slack",
    channel: () => channel,
    privateReplies: true,
    everyoneAdmin: false,
    async start(testApp) {
      fake = await FakeSlack.start({
        admins: ["U0ADMIN"],
        channels: [{ id: channel, name: "finance", member: true }],
      });
      slack = await startSlack({
        core: testApp.core,
        config: {
          mode: "socket",
          botToken: fake.botToken,
          appToken: fake.appToken,
          apiUrl: fake.apiUrl,
          admins: [],
        },
        log: silentLogger(),
      });
      await fake.waitForSocket();
    },
    async stop() {
      await slack?.stop();
      await fake?.close();
    },
    async ask(text, who) {
      const ack = await fake.sendSlashCommand({
        text,
        user_id: who === "admin" ? "U0ADMIN" : "U0MEMBER",
        channel_id: channel,
      });
      let answer = ack.payload;
      if (!answer.response_type) {
        await fake.waitFor(() => fake.responsesTo(ack.response_url).length > 0, 20_000, "the answer");
        answer = fake.responsesTo(ack.response_url)[0]!.body;
      }
      return {
        text: visibleText({ blocks: answer.blocks ?? [{ text: answer.text }] }),
        private: answer.response_type === "ephemeral",
      };
    },
  };
}

function discordHarness(): CommandHarness {
  let fake: FakeDiscord;
  let bot: DiscordAdapter;
  const general = snowflake();
  /** Discord takes typed options: the few texts this contract types, as paths. */
  const PATHS: Record<string, { path: string[]; options?: Record<string, string> }> = {
    "": { path: ["show"] },
    "digest on": { path: ["digest", "on"] },
    "earnings 99x": { path: ["earnings"], options: { period: "99x" } },
  };
  return {
    platform: "discord",
    channel: () => general,
    privateReplies: true,
    everyoneAdmin: false,
    async start(testApp) {
      fake = await FakeDiscord.start({
        guilds: [
          {
            id: snowflake(),
            name: "Acme Sellers",
            ownerId: snowflake(),
            channels: [{ id: general, name: "general" }],
          },
        ],
      });
      await registerCommands({
        token: fake.token,
        applicationId: fake.applicationId,
        apiUrl: fake.apiUrl,
        guildId: fake.guildId,
        commands: testApp.core.commands,
      });
      bot = await startDiscord({
        core: testApp.core,
        config: { token: fake.token, applicationId: fake.applicationId, apiUrl: fake.apiUrl },
        log: silentLogger(),
      });
    },
    async stop() {
      await bot?.stop();
      await fake?.close();
    },
    async ask(text, who) {
      const typed = PATHS[text];
      if (!typed) throw new Error(`the Discord harness has no path for "${text}"`);
      const record = await fake.sendInteraction({
        channelId: general,
        path: typed.path,
        ...(typed.options ? { options: typed.options } : {}),
        // Manage Server (32) makes an admin; a member has none of it.
        permissions: who === "admin" ? "32" : "0",
      });
      const shown = record.original && !record.original.deleted ? record.original : record.followups.at(-1);
      if (!shown) throw new Error(`nothing visible: ${JSON.stringify(record.events)}`);
      return { text: JSON.stringify(shown.embeds), private: (shown.flags & 64) === 64 };
    },
  };
}

function telegramHarness(): CommandHarness {
  let fake: FakeTelegram;
  let bot: TelegramAdapter;
  const group = -1009900;
  return {
    platform: "telegram",
    channel: () => String(group),
    privateReplies: false,
    everyoneAdmin: false,
    async start(testApp) {
      fake = await FakeTelegram.start({
        users: [
          { id: 2001, first_name: "Admin" },
          { id: 2002, first_name: "Member" },
        ],
        chats: [
          {
            id: group,
            type: "supergroup",
            title: "Acme",
            members: { 2001: "administrator", 2002: "member" },
          },
        ],
      });
      bot = await startTelegram({
        core: testApp.core,
        config: { token: fake.token, apiUrl: fake.apiUrl, admins: [] },
        log: silentLogger(),
      });
    },
    async stop() {
      await bot?.stop();
      await fake?.close();
    },
    async ask(text, who) {
      const before = fake.messagesIn(group).length;
      const asked = fake.userSays(
        group,
        who === "admin" ? 2001 : 2002,
        `/balance@${bot.username} ${text}`.trim(),
      );
      const [answer] = (await fake.waitForMessages(group, before + 1)).slice(before);
      // No private replies in Telegram groups: the answer is threaded under the asker's command.
      expect(answer!.replyTo).toBe(asked);
      return { text: htmlToText(answer!.text ?? ""), private: false };
    },
  };
}

function lineHarness(): CommandHarness {
  let fake: FakeLine;
  let http: HttpServer;
  let line: LineAdapter;
  const group = `C${"f".repeat(32)}`;
  const admin = `U${"1".repeat(32)}`;
  const member = `U${"2".repeat(32)}`;
  return {
    platform: "line",
    channel: () => group,
    privateReplies: false,
    everyoneAdmin: false,
    async start(testApp) {
      fake = await FakeLine.start({
        users: [admin, member],
        groups: { [group]: [admin, member] },
        allowHttpImages: true,
      });
      const routes: AdapterRoute[] = [];
      http = await startHttpServer({ app: testApp, port: 0, host: "127.0.0.1", adapterRoutes: routes });
      const db = testApp.database.db;
      line = await startLine({
        core: testApp.core,
        config: {
          channelSecret: fake.channelSecret,
          channelAccessToken: fake.accessToken,
          apiUrl: fake.apiUrl,
          publicUrl: http.url,
          admins: [admin],
        },
        log: silentLogger(),
        replayStore: {
          firstSighting: (key, expiresAt) => recordFirstSighting(db, key, expiresAt, new Date()),
        },
        images: {
          save: (id, png, expiresAt) => saveServedImage(db, id, png, expiresAt, new Date()),
          read: (id) => readServedImage(db, id, new Date()),
        },
      });
      routes.push(...line.routes);
      fake.webhookUrl = `${http.url}/line/webhook`;
    },
    async stop() {
      await line?.stop();
      await http?.close();
      await fake?.close();
    },
    async ask(text, who) {
      const before = fake.sentTo(group).length;
      expect(
        await fake.userSays(
          { type: "group", groupId: group, userId: who === "admin" ? admin : member },
          `/balance ${text}`.trim(),
        ),
      ).toBe(200);
      await line.idle();
      const [answer] = fake.sentTo(group).slice(before);
      // The reply token answers the one event; LINE has no reply visible to one member of a group.
      expect(answer?.via).toBe("reply");
      return { text: lineVisibleText(answer!.messages as unknown as LineMessage[]), private: false };
    },
  };
}

function consoleHarness(): CommandHarness {
  return {
    platform: "console",
    channel: () => "console",
    privateReplies: false,
    everyoneAdmin: true,
    start: async () => {},
    stop: async () => {},
    async ask(text) {
      const answer = await app.core.dispatch(consoleInvocation(text));
      return { text: renderConsole(answer), private: false };
    },
  };
}

const harnesses = [consoleHarness(), slackHarness(), discordHarness(), telegramHarness(), lineHarness()];

beforeAll(async () => {
  app = await createTestApp({ sandbox: { historyDays: 10, ordersPerDay: 2 } });
  for (const h of harnesses) await h.start(app);
});

afterAll(async () => {
  for (const h of harnesses) await h.stop();
  await app?.close();
});

/** Whether the harness's channel has its digest on, as stored. */
async function digestOn(h: CommandHarness): Promise<boolean> {
  const rows = await app.database.db
    .select({ on: channels.digestEnabled })
    .from(channels)
    .innerJoin(workspaces, eq(channels.workspaceId, workspaces.id))
    .where(and(eq(workspaces.platform, h.platform), eq(channels.externalId, h.channel())));
  return rows.some((r) => r.on);
}

describe.each(harnesses)("the command contract: $platform", (h) => {
  it("answers /balance where everyone in the channel sees it, with every shop and its clocks", async () => {
    const seen = await h.ask("", "member");
    expect(seen.private).toBe(false);
    expect(seen.text).toContain("Sandbox Outdoor (US)");
    expect(seen.text).toMatch(/settled/i);
    expect(seen.text).toMatch(/pending/i);
  });

  it("answers a mistyped command with what is wrong and an example, privately where it can", async () => {
    const seen = await h.ask("earnings 99x", "member");
    expect(seen.text).toMatch(/99x/);
    expect(seen.text).toMatch(/7d|30d|example/i);
    expect(seen.text).not.toMatch(/at .*\.ts:\d+|stack/i);
    expect(seen.private).toBe(h.privateReplies);
  });

  it("refuses a setting to someone who is not an admin, saying who may, and saves nothing", async () => {
    if (h.everyoneAdmin) return expect(h.platform).toBe("console");
    const refused = await h.ask("digest on", "member");
    expect(refused.text).toMatch(/admin|Manage Server/i);
    expect(refused.private).toBe(h.privateReplies);
    expect(await digestOn(h)).toBe(false);
    const allowed = await h.ask("digest on", "admin");
    expect(allowed.text).not.toMatch(/admin only|only admins|needs an? admin|Manage Server permission/i);
    expect(await digestOn(h)).toBe(true);
  });
});
