import { setTimeout as sleep } from "node:timers/promises";
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createDiscordDelivery } from "../../src/adapters/discord/deliver.ts";
import { type DiscordAdapter, startDiscord } from "../../src/adapters/discord/index.ts";
import { registerCommands } from "../../src/adapters/discord/register.ts";
import { validateDiscordCommands } from "../../src/adapters/discord/validate-commands.ts";
import { ALWAYS_CAN_POST } from "../../src/core/channel-access.ts";
import { type AnyCommand, defineCommand } from "../../src/core/define-command.ts";
import type { Core } from "../../src/core/dispatcher.ts";
import { DeliveryError } from "../../src/delivery/port.ts";
import { createLogger } from "../../src/log.ts";
import { alertRules, channels } from "../../src/storage/schema/index.ts";
import { FakeDiscord, type InteractionRecord, PERMISSION } from "../fakes/discord.ts";
import { snowflake } from "../fakes/discord-payloads.ts";
import { createTestApp, type TestApp } from "../support/app.ts";

const MANAGE_GUILD = "32";

let fake: FakeDiscord;
let bot: DiscordAdapter;
let app: TestApp;
let core: Core;
const logLines: string[] = [];

/** A command that takes longer than the adapter's deferral threshold, to exercise the deferred path. */
const slow = defineCommand({
  name: "slow",
  // Descriptions kept short: /balance has its localized descriptions count against Discord's 8,000-character budget.
  description: "Slow (test)",
  example: "/balance slow",
  options: z.object({
    refuse: z.boolean().optional().meta({ description: "Refuse" }),
  }),
  async run(_ctx, args) {
    await sleep(2_600);
    return args.refuse
      ? { kind: "error", title: "Not allowed", summary: "only for admins", sections: [], ephemeral: true }
      : { kind: "report", title: "Slow answer", summary: "took its time", sections: [], ephemeral: false };
  },
});

function withSlow(inner: Core): Core {
  const boom = defineCommand({
    ...slow,
    name: "boom",
    description: "Fails (test)",
    options: z.object({}),
  });
  const commands: readonly AnyCommand[] = [...inner.commands, slow, boom];
  return {
    ...inner,
    commands,
    async dispatch(invocation) {
      const path = invocation.options?.path.join(" ");
      if (path === "slow") return slow.run({} as never, slow.options.parse(invocation.options?.values));
      if (path === "boom") throw new Error("database exploded");
      return inner.dispatch(invocation);
    },
  };
}

/** Channels where the bot's permissions were narrowed, as an admin would do in Edit Channel → Permissions. */
const GENERAL = snowflake();
const READ_ONLY = snowflake();
const NO_FILES = snowflake();
const HIDDEN = snowflake();

beforeAll(async () => {
  fake = await FakeDiscord.start({
    guilds: [
      {
        id: snowflake(),
        name: "Acme Sellers",
        ownerId: snowflake(),
        channels: [
          { id: GENERAL, name: "general" },
          {
            id: READ_ONLY,
            name: "announcements",
            overwrites: [{ target: "bot-role", deny: PERMISSION.SEND_MESSAGES }],
          },
          { id: NO_FILES, name: "no-files", overwrites: [{ target: "bot", deny: PERMISSION.ATTACH_FILES }] },
          { id: HIDDEN, name: "owners", overwrites: [{ target: "everyone", deny: PERMISSION.VIEW_CHANNEL }] },
        ],
      },
    ],
  });
  app = await createTestApp();
  core = withSlow(app.core);
  await registerCommands({
    token: fake.token,
    applicationId: fake.applicationId,
    apiUrl: fake.apiUrl,
    guildId: fake.guildId,
    commands: core.commands,
  });
  bot = await startDiscord({
    core,
    config: { token: fake.token, applicationId: fake.applicationId, apiUrl: fake.apiUrl },
    log: createLogger({ level: "debug", destination: { write: (line: string) => logLines.push(line) } }),
  });
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  await app?.close();
});

/** What is saved for a Discord channel: digest on or off, and how many alert rules. */
async function settingsOf(externalId: string): Promise<{ digest: boolean; alerts: number }> {
  const db = app.database.db;
  const [channel] = await db.select().from(channels).where(eq(channels.externalId, externalId));
  if (!channel) return { digest: false, alerts: 0 };
  const rules = await db.select().from(alertRules).where(eq(alertRules.channelId, channel.id));
  return { digest: channel.digestEnabled, alerts: rules.length };
}

/** The registered subcommand path of the first subcommand with an option of this name. */
function pathOfOption(name: string): string[] {
  type Option = { name: string; type: number; options?: Option[] };
  const search = (options: Option[], path: string[]): string[] | undefined => {
    for (const option of options) {
      if (option.type === 1 && option.options?.some((o) => o.name === name)) return [...path, option.name];
      if (option.type === 2) {
        const found = search(option.options ?? [], [...path, option.name]);
        if (found) return found;
      }
    }
    return undefined;
  };
  const [balance] = fake.commands.guilds.get(fake.guildId) as unknown as Option[];
  const path = search(balance?.options ?? [], []);
  if (!path) throw new Error(`no registered subcommand has an option "${name}"`);
  return path;
}

/** What the user sees in the end: the original response, or the follow-up when the original was deleted. */
function visible(record: InteractionRecord) {
  const shown = record.original && !record.original.deleted ? record.original : record.followups.at(-1);
  if (!shown) throw new Error(`nothing visible: ${JSON.stringify(record.events)}`);
  return shown;
}

function embedText(record: InteractionRecord): string {
  return JSON.stringify(visible(record).embeds);
}

describe("discord.js against the fake Discord", () => {
  it("registers /balance with command JSON Discord accepts", () => {
    const put = fake.commands.puts.at(-1)!;
    expect(put.route).toBe(`/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`);
    expect(validateDiscordCommands(put.body)).toEqual([]);
    const [command] = put.body as { name: string; description: string; options: Record<string, unknown>[] }[];
    expect(command!.name).toBe("balance");
    // Discord's rules, checked independently of our validator.
    const walk = (options: Record<string, unknown>[], depth: number): void => {
      expect(options.length).toBeLessThanOrEqual(25);
      let optionalSeen = false;
      for (const option of options) {
        expect(String(option.name)).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
        expect(String(option.description).length).toBeGreaterThan(0);
        expect(String(option.description).length).toBeLessThanOrEqual(100);
        expect([1, 2, 3, 4, 5, 10, 11]).toContain(option.type);
        if (option.type === 1 || option.type === 2)
          walk((option.options as Record<string, unknown>[]) ?? [], depth + 1);
        else {
          if (option.required) expect(optionalSeen).toBe(false);
          else optionalSeen = true;
          expect(depth).toBeGreaterThan(0);
        }
      }
    };
    walk(command!.options, 0);
    const names = command!.options.map((o) => o.name);
    expect(names).toContain("show");
    expect(names).toContain("goal");
  });

  it("refuses to start with a wrong token, saying which setting to fix", async () => {
    const started = startDiscord({
      core,
      config: { token: "wrong-token", applicationId: fake.applicationId, apiUrl: fake.apiUrl },
      log: createLogger({ level: "silent" }),
    });
    await expect(started).rejects.toThrow(/DISCORD_TOKEN/);
    await expect(started).rejects.not.toThrow(/wrong-token/);
  });

  it("answers /balance within 3 s with the three clocks and the currency", async () => {
    const record = await fake.sendInteraction({ path: ["show"] });
    const callback = record.events[0]!;
    expect(callback).toMatchObject({ kind: "callback", type: 4, status: 204 });
    expect(callback.at).toBeLessThan(3_000);
    const text = embedText(record);
    expect(text).toMatch(/Pending/);
    expect(text).toMatch(/Settled, awaiting payout/);
    expect(text).toMatch(/Paid out/);
    expect(text).toMatch(/\$\d/);
    // The same figures the core gives this guild's workspace, nothing recomputed or lost on the way.
    const direct = await app.core.dispatch({
      platform: "discord",
      workspaceId: fake.guildId,
      channelId: fake.channelId,
      userId: "555555555555555555",
      isAdmin: false,
      options: { path: [], values: {} },
      correlationId: "direct",
      channel: ALWAYS_CAN_POST,
    });
    const values = direct.sections.flatMap((section) => (section.fields ?? []).map((f) => f.value));
    expect(values.length).toBeGreaterThanOrEqual(3);
    for (const value of values) expect(text).toContain(value);
    expect(visible(record).flags & 64).toBe(0);
  });

  it("autocompletes shop: with the names of this server's shops, matching any word", async () => {
    const all = await fake.sendInteraction({ path: ["chart"], options: { shop: "" }, focused: "shop" });
    expect(all.choices).toEqual([
      { name: "Sandbox Outdoor (US)", value: "Sandbox Outdoor (US)" },
      { name: "Sandbox Thời Trang (VN)", value: "Sandbox Thời Trang (VN)" },
      { name: "Sandbox Home (UK)", value: "Sandbox Home (UK)" },
    ]);
    const typed = await fake.sendInteraction({
      path: ["earnings"],
      options: { shop: "trang" },
      focused: "shop",
    });
    expect(typed.choices).toEqual([{ name: "Sandbox Thời Trang (VN)", value: "Sandbox Thời Trang (VN)" }]);
  });

  it("answers in the member's Discord language (interaction.locale)", async () => {
    const record = await fake.sendInteraction({ path: ["shops"], locale: "th" });
    expect(embedText(record)).toContain("ร้านค้าที่เชื่อมต่อ");
    expect(embedText(record)).toContain("เลือกร้านค้าในคำสั่งใดก็ได้ด้วย shop:<ชื่อ>");
  });

  it("uploads a three-shop chart as three PNGs, each shown in its shop's embed", async () => {
    const record = await fake.sendInteraction({ path: ["chart"], options: { period: "30d" } });
    const message = visible(record);
    expect(message.files).toHaveLength(3);
    for (const file of message.files) {
      expect([...file.data.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      const image = await loadImage(Buffer.from(file.data));
      expect(image.width).toBeGreaterThan(0);
    }
    const shown = message.embeds.map((e) => ({
      text: `${e.title ?? ""} ${e.description ?? ""}`,
      image: (e.image as { url?: string } | undefined)?.url,
    }));
    const us = shown.find((e) => e.text.includes("Sandbox Outdoor (US)"));
    const vn = shown.find((e) => e.text.includes("Sandbox Thời Trang (VN)"));
    expect(us?.image).toBe(`attachment://${message.files.find((f) => f.name.includes("outdoor"))?.name}`);
    expect(vn?.image).toBe(`attachment://${message.files.find((f) => f.name.includes("thoi-trang"))?.name}`);
    const uk = shown.find((e) => e.text.includes("Sandbox Home (UK)"));
    expect(uk?.image).toBe(`attachment://${message.files.find((f) => f.name.includes("home"))?.name}`);
  });

  it("defers a slow command in time, then edits the original with the answer", async () => {
    const record = await fake.sendInteraction({ path: ["slow"] });
    const [defer, edit] = record.events;
    expect(defer).toMatchObject({ kind: "callback", type: 5, status: 204 });
    expect(defer!.at).toBeLessThan(3_000);
    expect(edit).toMatchObject({ kind: "edit", status: 200 });
    expect(edit!.at).toBeGreaterThan(2_500);
    expect(record.original?.loading).toBe(false);
    expect(embedText(record)).toContain("Slow answer");
  });

  it("cannot edit an answer once the interaction token is 15 minutes old", async () => {
    const answered = fake.sendInteraction({ path: ["slow"] }, 6_000);
    const record = [...fake.interactions.values()].at(-1)!;
    while (record.events.length === 0) await sleep(20);
    expect(record.events[0]).toMatchObject({ kind: "callback", type: 5, status: 204 });
    // The answer is still being computed when the token dies.
    fake.advanceClock(15 * 60_000 + 1);
    await answered;
    const later = record.events.slice(1);
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((e) => e.status === 401)).toBe(true);
    expect(record.original?.loading).toBe(true);
  });

  it("sends a slow ephemeral answer privately and removes the public placeholder", async () => {
    const record = await fake.sendInteraction({ path: ["slow"], options: { refuse: true } });
    expect(record.events.map((e) => `${e.kind}${e.type ?? ""}`)).toEqual(["callback5", "followup", "delete"]);
    expect(record.events[0]!.at).toBeLessThan(3_000);
    expect(record.original?.deleted).toBe(true);
    expect(visible(record).flags & 64).toBe(64);
    expect(embedText(record)).toContain("Not allowed");
  });

  it("answers an internal failure with a short ephemeral message and a reference", async () => {
    const record = await fake.sendInteraction({ path: ["boom"] });
    const message = visible(record);
    expect(message.flags & 64).toBe(64);
    expect(message.content).toMatch(/ref [0-9a-f-]{36}/);
    expect(message.content).not.toMatch(/exploded/);
    const ref = /ref ([0-9a-f-]{36})/.exec(message.content)![1]!;
    const logged = logLines.filter((line) => line.includes(ref)).join("\n");
    expect(logged).toMatch(/database exploded/);
    // Everything logged about interactions is free of the bot token and interaction tokens.
    const all = logLines.join("\n");
    expect(all).not.toContain(fake.token);
    for (const interaction of fake.interactions.values()) expect(all).not.toContain(interaction.token);
  });

  it("refuses goal set to a member without Manage Server, ephemerally, and lets one with it", async () => {
    const refused = await fake.sendInteraction({ path: ["goal", "set"], options: { amount: "5000" } });
    expect(visible(refused).flags & 64).toBe(64);
    expect(embedText(refused)).toMatch(/Manage Server/);

    const allowed = await fake.sendInteraction({
      path: ["goal", "set"],
      options: { amount: "5000" },
      permissions: MANAGE_GUILD,
    });
    expect(embedText(allowed)).toMatch(/Goal set/i);
    expect(embedText(allowed)).toContain("5000");
  });

  it("refuses digest on where the bot may not send, naming the permission, and saves nothing", async () => {
    const refused = await fake.sendInteraction({
      path: ["digest", "on"],
      channelId: READ_ONLY,
      permissions: MANAGE_GUILD,
    });
    expect(visible(refused).flags & 64).toBe(64);
    const text = embedText(refused);
    expect(text).toMatch(/can't post the daily digest in this channel: I lack Send Messages/);
    expect(text).toMatch(/#announcements → Edit Channel → Permissions/);
    expect(text).toMatch(/nothing was saved/);
    expect(await settingsOf(READ_ONLY)).toEqual({ digest: false, alerts: 0 });

    const hidden = await fake.sendInteraction({
      path: ["digest", "on"],
      channelId: HIDDEN,
      permissions: MANAGE_GUILD,
    });
    expect(embedText(hidden)).toMatch(/I lack View Channel/);
    expect(await settingsOf(HIDDEN)).toEqual({ digest: false, alerts: 0 });

    const saved = await fake.sendInteraction({
      path: ["digest", "on"],
      channelId: GENERAL,
      permissions: MANAGE_GUILD,
    });
    expect(embedText(saved)).toMatch(/Daily digest in this channel: on/);
    expect(await settingsOf(GENERAL)).toMatchObject({ digest: true });
  });

  it("refuses alerts add where the bot may not attach the chart", async () => {
    const refused = await fake.sendInteraction({
      path: ["alerts", "add"],
      options: { kind: "payout" },
      channelId: NO_FILES,
      permissions: MANAGE_GUILD,
    });
    expect(embedText(refused)).toMatch(/can't post alerts in this channel: I lack Attach Files/);
    // Only what is missing is named as lacking; the fix lists the whole set to allow.
    expect(embedText(refused)).toMatch(/I lack Attach Files here\./);
    expect(await settingsOf(NO_FILES)).toEqual({ digest: false, alerts: 0 });
  });

  it("suggests time zones while typing", async () => {
    const record = await fake.sendInteraction({
      path: pathOfOption("zone"),
      options: { zone: "new_y" },
      focused: "zone",
    });
    expect(record.events[0]).toMatchObject({ kind: "callback", type: 8, status: 204 });
    expect(record.choices?.map((c) => c.value)).toContain("America/New_York");
    expect(record.choices!.length).toBeLessThanOrEqual(25);
  });

  it("suggests periods and lets a month through as typed", async () => {
    const record = await fake.sendInteraction({
      path: ["chart"],
      options: { period: "2026-0" },
      focused: "period",
    });
    expect(record.choices?.[0]?.value).toBe("2026-0");
    expect(record.choices!.length).toBeLessThanOrEqual(25);
  });
});

describe("Discord delivery", () => {
  const report = {
    kind: "digest" as const,
    title: "Daily digest",
    summary: "Earned $12.00",
    sections: [],
    ephemeral: false,
  };

  it("turns a 429 into rate_limited, and a retry after the wait posts exactly one message", async () => {
    const delivery = createDiscordDelivery({ token: fake.token, apiUrl: fake.apiUrl });
    const channelId = fake.channelId;
    const before = fake.messagesIn(channelId).length;
    fake.failNextMessages({ kind: "rate_limit", retryAfterSeconds: 1 });
    const error = await delivery
      .post(channelId, report, { dedupeKey: "digest:c1:2026-08-01" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect((error as DeliveryError).kind).toBe("rate_limited");
    const wait = (error as DeliveryError).options.retryAfterMs!;
    expect(wait).toBeGreaterThanOrEqual(1_000);
    expect(fake.messagesIn(channelId).length).toBe(before);

    await sleep(wait);
    const first = await delivery.post(channelId, report, { dedupeKey: "digest:c1:2026-08-01" });
    const again = await delivery.post(channelId, report, { dedupeKey: "digest:c1:2026-08-01" });
    expect(again.messageId).toBe(first.messageId);
    expect(fake.messagesIn(channelId).length).toBe(before + 1);
    expect(fake.messagesIn(channelId).at(-1)?.embeds[0]?.title).toBe("Daily digest");
    delivery.destroy();
  });

  it("maps Discord's refusals to typed errors with a fix for the admin", async () => {
    const delivery = createDiscordDelivery({ token: fake.token, apiUrl: fake.apiUrl });
    const cases = [
      [
        { kind: "error", status: 403, code: 50001, message: "Missing Access" },
        "missing_access",
        /View Channel/,
      ],
      [
        { kind: "error", status: 403, code: 50013, message: "Missing Permissions" },
        "missing_permissions",
        /Send Messages/,
      ],
      [
        { kind: "error", status: 404, code: 10003, message: "Unknown Channel" },
        "channel_not_found",
        /channel/,
      ],
      [{ kind: "error", status: 502, code: 0, message: "Bad Gateway" }, "transient", undefined],
    ] as const;
    for (const [fault, kind, hint] of cases) {
      fake.failNextMessages(fault);
      const error = (await delivery
        .post(fake.channelId, report, { dedupeKey: `k-${kind}` })
        .catch((e: unknown) => e)) as DeliveryError;
      expect(error.kind).toBe(kind);
      if (hint) expect(error.options.adminHint).toMatch(hint);
      expect(error.permanent).toBe(kind !== "transient");
    }
    const badToken = createDiscordDelivery({ token: "not-the-token", apiUrl: fake.apiUrl });
    const error = (await badToken
      .post(fake.channelId, report, { dedupeKey: "k-auth" })
      .catch((e: unknown) => e)) as DeliveryError;
    expect(error.kind).toBe("invalid_auth");
    expect(error.message).not.toContain("not-the-token");
    delivery.destroy();
    badToken.destroy();
  });

  it("is refused by Discord itself in a channel where the bot lost Send Messages", async () => {
    const delivery = createDiscordDelivery({ token: fake.token, apiUrl: fake.apiUrl });
    const error = (await delivery
      .post(READ_ONLY, report, { dedupeKey: "k-perms" })
      .catch((e: unknown) => e)) as DeliveryError;
    expect(error.kind).toBe("missing_permissions");
    expect(error.options.adminHint).toMatch(/Send Messages, Embed Links and Attach Files/);
    const hidden = (await delivery
      .post(HIDDEN, report, { dedupeKey: "k-hidden" })
      .catch((e: unknown) => e)) as DeliveryError;
    expect(hidden.kind).toBe("missing_access");
    expect(fake.messagesIn(READ_ONLY)).toHaveLength(0);
    delivery.destroy();
  });

  it("posts a chart as an attachment the embed points at", async () => {
    const delivery = createDiscordDelivery({ token: fake.token, apiUrl: fake.apiUrl });
    const png = new Uint8Array(await createCanvas(20, 10).encode("png"));
    const { messageId } = await delivery.post(
      fake.channelId,
      { ...report, charts: [{ filename: "x.png", png, alt: "earnings, last 7 days" }] },
      { dedupeKey: "chart:1" },
    );
    const message = fake.messages.find((m) => m.id === messageId)!;
    expect(message.files[0]?.name).toBe("x.png");
    expect(message.embeds.at(-1)?.image).toEqual({ url: "attachment://x.png" });
    delivery.destroy();
  });
});
