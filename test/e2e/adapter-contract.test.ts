/**
 * The delivery contract every chat adapter passes against its fake (issue 16 item 1): what the
 * outbox relies on when it posts a digest or an alert. One suite, run for each platform by a
 * small harness that knows how to start the platform's fake and read what a person sees there.
 * Commands in and refusals out are driven through each SDK in the platform's own e2e file.
 */
import { messagingApi } from "@line/bot-sdk";
import { createCanvas } from "@napi-rs/canvas";
import { Api } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConsoleDelivery } from "../../src/adapters/console/deliver.ts";
import { createDiscordDelivery } from "../../src/adapters/discord/deliver.ts";
import { createLineDelivery } from "../../src/adapters/line/deliver.ts";
import { type LineMessage, lineVisibleText, renderLine } from "../../src/adapters/line/render.ts";
import { createSlackDelivery } from "../../src/adapters/slack/deliver.ts";
import { createTelegramDelivery } from "../../src/adapters/telegram/deliver.ts";
import { htmlToText } from "../../src/adapters/telegram/render.ts";
import type { Platform } from "../../src/core/invocation.ts";
import { type Reply, reply } from "../../src/core/reply.ts";
import { DeliveryError, type DeliveryPort } from "../../src/delivery/port.ts";
import { silentLogger } from "../../src/log.ts";
import { FakeDiscord, PERMISSION } from "../fakes/discord.ts";
import { snowflake } from "../fakes/discord-payloads.ts";
import { FakeLine } from "../fakes/line.ts";
import { FakeSlack } from "../fakes/slack.ts";
import { FakeTelegram } from "../fakes/telegram.ts";

/** How a platform lets the outbox find a message it already sent, after a crash. */
type Dedupe = "find-posted" | "nonce" | "retry-key" | "none";

interface Harness {
  platform: Platform;
  dedupe: Dedupe;
  /** Whether the platform ever refuses a post for rate or access (the console never does). */
  refuses: boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
  port(): DeliveryPort;
  /** A channel the bot may post in, and one it may not. */
  channel: string;
  unpostable: string;
  /** Messages a person sees in the channel (a split reply counts each part, a chart its file). */
  count(channel: string): number;
  /** The text a person reads in the channel's messages from the `from`-th on. */
  textSince(channel: string, from: number): string;
  /** Chart images received in the channel. */
  images(channel: string): number;
  /** The next post is refused with 429 and a Retry-After of one second or more. */
  limitNext(): void;
}

function slackHarness(): Harness {
  let fake: FakeSlack;
  const inChannel = (channel: string) => [
    ...fake.workspace.messages
      .filter((m) => m.channel === channel)
      .map((m) => JSON.stringify(m.blocks ?? m.text)),
    ...fake.workspace.files
      .filter((f) => f.channelId === channel)
      .map((f) => f.initialComment ?? f.title ?? ""),
  ];
  return {
    platform: "slack",
    dedupe: "find-posted",
    refuses: true,
    channel: "C0FINANCE1",
    unpostable: "C0PRIVATE1",
    async start() {
      fake = await FakeSlack.start({
        channels: [
          { id: "C0FINANCE1", name: "finance", member: true },
          { id: "C0PRIVATE1", name: "owners", private: true },
        ],
        // The contract posts faster than the outbox's one-per-second pacing (which keeps the real
        // port inside Slack's limit); the 429 answer itself is provoked below (failNext).
        lenient: { rateLimits: true },
      });
    },
    stop: () => fake.close(),
    port: () => createSlackDelivery({ botToken: fake.botToken, apiUrl: fake.apiUrl, log: silentLogger() }),
    count: (channel) => inChannel(channel).length,
    textSince: (channel, from) => inChannel(channel).slice(from).join("\n"),
    images: (channel) => fake.workspace.files.filter((f) => f.channelId === channel).length,
    limitNext: () => fake.failNext("chat.postMessage", { status: 429, retryAfter: 1 }),
  };
}

function discordHarness(): Harness {
  let fake: FakeDiscord;
  const general = snowflake();
  const readOnly = snowflake();
  let port: ReturnType<typeof createDiscordDelivery> | undefined;
  return {
    platform: "discord",
    dedupe: "nonce",
    refuses: true,
    channel: general,
    unpostable: readOnly,
    async start() {
      fake = await FakeDiscord.start({
        guilds: [
          {
            id: snowflake(),
            name: "Acme Sellers",
            ownerId: snowflake(),
            channels: [
              { id: general, name: "general" },
              {
                id: readOnly,
                name: "announcements",
                overwrites: [{ target: "bot-role", deny: PERMISSION.SEND_MESSAGES }],
              },
            ],
          },
        ],
      });
    },
    async stop() {
      port?.destroy();
      await fake.close();
    },
    port: () => {
      port = createDiscordDelivery({ token: fake.token, apiUrl: fake.apiUrl });
      return port;
    },
    count: (channel) => fake.messagesIn(channel).length,
    textSince: (channel, from) =>
      fake
        .messagesIn(channel)
        .slice(from)
        .map((m) => JSON.stringify(m.embeds))
        .join("\n"),
    images: (channel) => fake.messagesIn(channel).reduce((n, m) => n + m.files.length, 0),
    limitNext: () => fake.failNextMessages({ kind: "rate_limit", retryAfterSeconds: 1 }),
  };
}

function telegramHarness(): Harness {
  let fake: FakeTelegram;
  const group = -1001200;
  const kicked = -1001300;
  return {
    platform: "telegram",
    dedupe: "none",
    refuses: true,
    channel: String(group),
    unpostable: String(kicked),
    async start() {
      fake = await FakeTelegram.start({
        users: [{ id: 1001, first_name: "Mai" }],
        chats: [
          { id: group, type: "supergroup", title: "Acme Sellers", members: { 1001: "creator" } },
          { id: kicked, type: "group", title: "Old team", members: {}, botStatus: "kicked" },
        ],
        // The contract posts faster than the throttler in front of the real port would allow; the
        // flood answer itself is exercised on purpose below (floodNext).
        rateLimits: false,
      });
    },
    stop: () => fake.close(),
    port: () => createTelegramDelivery(new Api(fake.token, { apiRoot: fake.apiUrl })),
    count: (channel) => fake.messagesIn(Number(channel)).length,
    textSince: (channel, from) =>
      fake
        .messagesIn(Number(channel))
        .slice(from)
        .map((m) => htmlToText(m.text ?? m.caption ?? ""))
        .join("\n"),
    images: (channel) => fake.messagesIn(Number(channel)).filter((m) => m.method === "sendPhoto").length,
    limitNext: () => fake.floodNext(group, 1),
  };
}

function lineHarness(): Harness {
  let fake: FakeLine;
  const group = `C${"c".repeat(32)}`;
  const gone = `C${"d".repeat(32)}`;
  return {
    platform: "line",
    dedupe: "retry-key",
    refuses: true,
    channel: group,
    unpostable: gone,
    async start() {
      fake = await FakeLine.start({ groups: { [group]: ["U1", "U2"] }, allowHttpImages: true });
    },
    stop: () => fake.close(),
    port: () =>
      createLineDelivery({
        client: new messagingApi.MessagingApiClient({
          channelAccessToken: fake.accessToken,
          baseURL: fake.apiUrl,
        }),
        // No bot server in this suite: the chart links point at the fake, which serves a PNG.
        render: async (r: Reply) => renderLine(r, (i) => `${fake.apiUrl}/test-images/${i}.png`),
      }),
    count: (channel) => fake.sentTo(channel).reduce((n, s) => n + s.messages.length, 0),
    textSince: (channel, from) =>
      lineVisibleText(
        fake
          .sentTo(channel)
          .flatMap((s) => s.messages)
          .slice(from) as unknown as LineMessage[],
      ),
    images: (channel) =>
      fake
        .sentTo(channel)
        .flatMap((s) => s.messages)
        .filter((m) => m.type === "image").length,
    limitNext: () => fake.limitNextPush(1),
  };
}

function consoleHarness(): Harness {
  const printed: string[] = [];
  return {
    platform: "console",
    dedupe: "none",
    refuses: false,
    channel: "console",
    unpostable: "console",
    start: async () => {},
    stop: async () => {},
    port: () => createConsoleDelivery((text) => printed.push(text)),
    count: () => printed.length,
    textSince: (_channel, from) => printed.slice(from).join("\n"),
    images: () => printed.filter((p) => /Chart: /.test(p)).length,
    limitNext: () => {},
  };
}

const report = reply({
  kind: "alert",
  title: "Payout arrived · Sandbox Outdoor (US)",
  sections: [{ fields: [{ label: "Amount", value: "$1,234.56", clock: "paid" }] }],
  footer: "as of 09:00 America/Los_Angeles",
});

/** Far longer than any platform's message: 40 sections of a 60-row table. */
const huge = reply({
  kind: "digest",
  title: "Daily digest · 40 shops",
  sections: Array.from({ length: 40 }, (_, s) => ({
    title: `Shop ${s + 1}`,
    table: {
      columns: [{ label: "Order" }, { label: "Settled", align: "right" as const }],
      rows: Array.from({ length: 60 }, (_, i) => [`Order 57${s}${i} <A&B>`, `$${i}.00`]),
    },
  })),
});

describe.each([consoleHarness(), slackHarness(), discordHarness(), telegramHarness(), lineHarness()])(
  "the delivery contract: $platform",
  (h) => {
    let port: DeliveryPort;
    let png: Uint8Array;
    beforeAll(async () => {
      png = new Uint8Array(await createCanvas(40, 20).encode("png"));
      await h.start();
      port = h.port();
    });
    afterAll(() => h.stop());

    it("posts a report once, with its figures and clock, where people read it", async () => {
      const from = h.count(h.channel);
      await port.post(h.channel, report, { dedupeKey: `contract:${h.platform}:1` });
      expect(h.count(h.channel)).toBe(from + 1);
      const text = h.textSince(h.channel, from);
      expect(text).toContain("$1,234.56");
      expect(text).toMatch(/paid/i);
    });

    it("cuts or splits a reply longer than the platform allows, deliberately, and says so", async () => {
      const from = h.count(h.channel);
      await port.post(h.channel, huge, { dedupeKey: `contract:${h.platform}:huge` });
      const text = h.textSince(h.channel, from);
      expect(text).toContain("Shop 1");
      // The console prints everything; every chat platform says what it left out.
      if (h.platform !== "console") expect(text).toMatch(/more|cut|not shown/i);
    });

    it("sends a chart as an image the platform shows", async () => {
      const before = h.images(h.channel);
      await port.post(
        h.channel,
        { ...report, charts: [{ filename: "earnings.png", png, alt: "Settled per day, last 7 days" }] },
        { dedupeKey: `contract:${h.platform}:chart` },
      );
      expect(h.images(h.channel)).toBe(before + 1);
    });

    it("finds a message again after a crash between sending and recording, by the platform's own means", async () => {
      const key = `contract:${h.platform}:crash`;
      const first = await port.post(h.channel, report, { dedupeKey: key });
      const count = h.count(h.channel);
      switch (h.dedupe) {
        case "find-posted":
          // The outbox asks before posting a re-claimed row again.
          expect(await port.findPosted!(h.channel, key)).toBe(first.messageId);
          break;
        case "nonce":
        case "retry-key": {
          // Posting again with the same key is recognised by the platform: no second message.
          const again = await port.post(h.channel, report, { dedupeKey: key });
          expect(h.count(h.channel)).toBe(count);
          expect(again.messageId).toBe(first.messageId);
          break;
        }
        case "none":
          // Telegram's Bot API can't read back what a bot sent, and the console is a local
          // terminal: no means exists, and the port does not pretend to have one (README: Telegram).
          expect(port.findPosted).toBeUndefined();
          break;
      }
    });

    it("parks a channel it can't post to, with what an admin should do", async () => {
      if (!h.refuses) return expect(h.platform).toBe("console");
      const error = await port
        .post(h.unpostable, report, { dedupeKey: `contract:${h.platform}:unpostable` })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DeliveryError);
      expect((error as DeliveryError).permanent).toBe(true);
      expect((error as DeliveryError).options.adminHint).toBeTruthy();
      expect(h.count(h.unpostable)).toBe(0);
    });
    it("turns a rate limit into a wait the outbox honours, posting nothing", async () => {
      if (!h.refuses) return expect(h.platform).toBe("console");
      h.limitNext();
      const before = h.count(h.channel);
      const error = await port
        .post(h.channel, report, { dedupeKey: `contract:${h.platform}:limited` })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DeliveryError);
      expect((error as DeliveryError).kind).toBe("rate_limited");
      expect((error as DeliveryError).options.retryAfterMs).toBeGreaterThanOrEqual(1000);
      expect((error as DeliveryError).permanent).toBe(false);
      expect(h.count(h.channel)).toBe(before);
    });
  },
);
