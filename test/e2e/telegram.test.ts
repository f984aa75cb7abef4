import { and, eq } from "drizzle-orm";
import { Api } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setTelegramCommands } from "../../src/adapters/telegram/commands.ts";
import { createTelegramDelivery } from "../../src/adapters/telegram/deliver.ts";
import { startTelegram, type TelegramAdapter } from "../../src/adapters/telegram/index.ts";
import { htmlToText } from "../../src/adapters/telegram/render.ts";
import { reply } from "../../src/core/reply.ts";
import { DeliveryError } from "../../src/delivery/port.ts";
import { drainOutbox } from "../../src/delivery/worker.ts";
import { digestTick } from "../../src/digests/tick.ts";
import type { AdapterRoute } from "../../src/http/router.ts";
import { type HttpServer, startHttpServer } from "../../src/http/server.ts";
import { silentLogger } from "../../src/log.ts";
import { recordFirstSighting } from "../../src/storage/repos/seen-requests.ts";
import { channels, workspaces } from "../../src/storage/schema/index.ts";
import { FakeTelegram, parseTelegramHtml } from "../fakes/telegram.ts";
import { createTestApp, type TestApp } from "../support/app.ts";

const MAI = 1001; // admin of the sellers' group
const TUAN = 1002; // a member, not an admin
const PRIVATE = MAI;
const GROUP = -1001200;
const KICKED = -1001300;

let fake: FakeTelegram;
let app: TestApp;
let bot: TelegramAdapter;

beforeAll(async () => {
  fake = await FakeTelegram.start({
    users: [
      { id: MAI, first_name: "Mai", username: "mai", language_code: "vi" },
      { id: TUAN, first_name: "Tuan" },
    ],
    chats: [
      { id: PRIVATE, type: "private", members: { [MAI]: "member" } },
      {
        id: GROUP,
        type: "supergroup",
        title: "Acme Sellers",
        members: { [MAI]: "creator", [TUAN]: "member" },
      },
      { id: KICKED, type: "group", title: "Old team", members: { [MAI]: "creator" }, botStatus: "kicked" },
    ],
  });
  app = await createTestApp({ sandbox: { historyDays: 40, ordersPerDay: 3 } });
  bot = await startTelegram({
    core: app.core,
    config: { token: fake.token, apiUrl: fake.apiUrl, admins: [] },
    log: app.deps.log,
  });
});

afterAll(async () => {
  await bot?.stop();
  await app?.close();
  await fake?.close();
});

/** What a person reads in a sent message: the HTML as Telegram shows it. */
const readable = (html: string | undefined) => htmlToText(html ?? "");

describe("Telegram through the real grammY against the fake Bot API", () => {
  it("answers /balance in a private chat, threaded under the command, in HTML Telegram accepts", async () => {
    const before = fake.messagesIn(PRIVATE).length;
    const asked = fake.userSays(PRIVATE, MAI, "/balance");
    const [answer] = (await fake.waitForMessages(PRIVATE, before + 1)).slice(before);
    expect(answer!.replyTo).toBe(asked);
    expect(answer!.parseMode).toBe("HTML");
    const text = readable(answer!.text);
    // The headline names each sandbox shop and says which clock its figures are on, in Mai's
    // Telegram language (Vietnamese): settled, pending (est.), available.
    expect(text).toContain("Sandbox");
    expect(text).toMatch(/đã quyết toán|đang chờ \(ước tính\)|khả dụng/);
    expect(text).not.toMatch(/stack|Error:/);
    expect("error" in parseTelegramHtml(answer!.text!)).toBe(false);
  });

  it("answers in the sender's Telegram language (from.language_code)", async () => {
    const before = fake.messagesIn(PRIVATE).length;
    fake.userSays(PRIVATE, MAI, "/balance shops");
    const [answer] = (await fake.waitForMessages(PRIVATE, before + 1)).slice(before);
    expect(readable(answer!.text)).toContain("Cửa hàng đã liên kết");
  });

  it("answers /balance@username chart in a group with the chart as a photo", async () => {
    const before = fake.messagesIn(GROUP).length;
    fake.userSays(GROUP, TUAN, `/balance@${bot.username} chart 7d`);
    // The text, then one photo per linked sandbox shop (three).
    const sent = (
      await fake.waitForMessages(GROUP, before + 4).catch((error: unknown) => {
        throw new Error(`${String(error)}: ${JSON.stringify(fake.refusals)}`);
      })
    ).slice(before);
    expect(sent[0]!.method).toBe("sendMessage");
    const photos = sent.filter((m) => m.method === "sendPhoto");
    expect(photos).toHaveLength(3);
    // A real PNG, with a caption that says what the chart shows.
    expect(Buffer.from(photos[0]!.photo!.subarray(0, 8)).toString("hex")).toBe("89504e470d0a1a0a");
    expect(photos[0]!.caption).toMatch(/7|day/i);
  });

  it("ignores a command addressed to another bot in a group", async () => {
    const before = fake.messagesIn(GROUP).length;
    fake.userSays(GROUP, TUAN, "/balance@someotherbot");
    fake.userSays(GROUP, TUAN, `/balance@${bot.username} help`);
    const sent = (await fake.waitForMessages(GROUP, before + 1)).slice(before);
    await new Promise((r) => setTimeout(r, 300));
    // Only the help answer: the first command was for another bot.
    expect(fake.messagesIn(GROUP).length).toBe(before + 1);
    expect(readable(sent[0]!.text)).toMatch(/balance/);
  });

  it("refuses a setting by a group member who is not an admin (getChatMember), and saves nothing", async () => {
    const before = fake.messagesIn(GROUP).length;
    fake.userSays(GROUP, TUAN, `/balance@${bot.username} digest on`);
    const [answer] = (await fake.waitForMessages(GROUP, before + 1)).slice(before);
    expect(readable(answer!.text)).toMatch(/admin/i);
    const rows = await app.database.db
      .select({ digestEnabled: channels.digestEnabled })
      .from(channels)
      .innerJoin(workspaces, eq(channels.workspaceId, workspaces.id))
      .where(and(eq(workspaces.platform, "telegram"), eq(channels.externalId, String(GROUP))));
    expect(rows.every((r) => !r.digestEnabled)).toBe(true);
  });

  it("lets the group's creator set a digest, which arrives once at 09:00 Asia/Jakarta through the outbox", async () => {
    const before = fake.messagesIn(GROUP).length;
    fake.userSays(GROUP, MAI, `/balance@${bot.username} digest tz Asia/Jakarta`);
    fake.userSays(GROUP, MAI, `/balance@${bot.username} digest time 09:00`);
    fake.userSays(GROUP, MAI, `/balance@${bot.username} digest on`);
    const confirmations = (await fake.waitForMessages(GROUP, before + 3)).slice(before);
    expect(readable(confirmations.at(-1)!.text)).toMatch(/09:00/);

    const db = app.database.db;
    const log = silentLogger();
    const ports = { telegram: bot.delivery };
    // 08:59 in Jakarta (UTC+7) is not yet time; 09:00 is; 09:01 must not send a second one.
    const queued: number[] = [];
    for (const at of ["2026-12-03T01:59:00Z", "2026-12-03T02:00:00Z", "2026-12-03T02:01:00Z"]) {
      const now = new Date(at);
      queued.push(await digestTick({ db, log, clock: () => now, sandbox: true }));
    }
    expect(queued).toEqual([0, 1, 0]);
    const sentBefore = fake.messagesIn(GROUP).length;
    const at = () => new Date("2026-12-03T02:01:30Z");
    const drained = await drainOutbox({ db, ports, charts: app.deps.charts, clock: at, log });
    expect(drained.sent).toBe(1);
    const digest = fake.messagesIn(GROUP).slice(sentBefore);
    const text = digest
      .filter((m) => m.method === "sendMessage")
      .map((m) => readable(m.text))
      .join("\n");
    expect(text).toMatch(/Asia\/Jakarta|UTC\+7|WIB/);
    // Draining again sends nothing more.
    expect((await drainOutbox({ db, ports, charts: app.deps.charts, clock: at, log })).sent).toBe(0);
    expect(fake.messagesIn(GROUP).length).toBe(sentBefore + digest.length);
  });
});

describe("Telegram webhook mode (PUBLIC_URL set)", () => {
  let hooked: FakeTelegram;
  let http: HttpServer;
  let webhookBot: TelegramAdapter;
  const routes: AdapterRoute[] = [];

  beforeAll(async () => {
    hooked = await FakeTelegram.start({
      users: [{ id: MAI, first_name: "Mai" }],
      chats: [{ id: PRIVATE, type: "private", members: { [MAI]: "member" } }],
      allowHttpWebhook: true,
    });
    http = await startHttpServer({ app, port: 0, host: "127.0.0.1", adapterRoutes: routes });
    webhookBot = await startTelegram({
      core: app.core,
      config: { token: hooked.token, apiUrl: hooked.apiUrl, admins: [], publicUrl: http.url },
      log: app.deps.log,
      replayStore: {
        firstSighting: (key, expiresAt) => recordFirstSighting(app.database.db, key, expiresAt, new Date()),
      },
    });
    routes.push(...webhookBot.routes);
  });

  afterAll(async () => {
    await webhookBot?.stop();
    await http?.close();
    await hooked?.close();
  });

  it("sets the webhook with a secret token at start and answers updates POSTed to it, never polling", async () => {
    expect(hooked.webhook?.url).toBe(`${http.url}/telegram/webhook`);
    expect(hooked.webhook?.secretToken).toMatch(/^[A-Za-z0-9_-]{16,256}$/);
    hooked.userSays(PRIVATE, MAI, "/balance help");
    const [answer] = await hooked.waitForMessages(PRIVATE, 1);
    expect(readable(answer!.text)).toMatch(/\/balance earnings/);
    expect(hooked.webhookStatuses).toEqual([200]);
    expect(hooked.calls).not.toContain("getUpdates");
  });

  it("refuses an update without the secret token (401) and answers a replayed update once", async () => {
    const update = hooked.lastUpdate();
    expect(await hooked.deliverToWebhook(update, { secretToken: undefined })).toBe(401);
    expect(await hooked.deliverToWebhook(update, { secretToken: "guessed-token" })).toBe(401);
    // Telegram retries an update it thinks failed; a captured request may be replayed: same update_id.
    expect(await hooked.deliverToWebhook(update)).toBe(200);
    await webhookBot.idle();
    await new Promise((r) => setTimeout(r, 200));
    expect(hooked.messagesIn(PRIVATE)).toHaveLength(1);
  });
});

describe("the Telegram command menu", () => {
  it("is set by the CLI's setMyCommands, never at boot", async () => {
    expect(fake.calls).not.toContain("setMyCommands");
    await setTelegramCommands(new Api(fake.token, { apiRoot: fake.apiUrl }));
    expect(fake.commands.get("")?.map((c) => c.command)).toEqual(["balance"]);
    // One list per language (language_code), the name English everywhere, the description not.
    for (const [language, words] of [
      ["id", "Uang TikTok Shop"],
      ["vi", "Tiền TikTok Shop"],
      ["th", "ยอดเงิน TikTok Shop"],
    ] as const) {
      const list = fake.commands.get(language);
      expect(list?.map((c) => c.command)).toEqual(["balance"]);
      expect(list?.[0]?.description).toMatch(new RegExp(`^${words}`));
    }
    expect(fake.commands.get("")?.[0]?.description).toMatch(/^TikTok Shop money/);
  });

  it("answers Start in a new private chat with help", async () => {
    const before = fake.messagesIn(PRIVATE).length;
    fake.userSays(PRIVATE, MAI, "/start");
    const [answer] = (await fake.waitForMessages(PRIVATE, before + 1)).slice(before);
    expect(readable(answer!.text)).toMatch(/\/balance earnings/);
  });
});

describe("the Telegram delivery port against the fake's rules", () => {
  it("parks a chat the bot was kicked from, with a hint an admin can act on", async () => {
    const delivery = createTelegramDelivery(new Api(fake.token, { apiRoot: fake.apiUrl }));
    const error = await delivery
      .post(String(KICKED), reply({ title: "Payout arrived" }), { dedupeKey: "t1" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect((error as DeliveryError).kind).toBe("not_in_channel");
    expect((error as DeliveryError).permanent).toBe(true);
    expect((error as DeliveryError).options.adminHint).toMatch(/Add the bot/);
  });

  it("splits a reply longer than 4096 characters between sections, each part accepted", async () => {
    const delivery = createTelegramDelivery(new Api(fake.token, { apiRoot: fake.apiUrl }));
    const rows = Array.from({ length: 60 }, (_, i) => [`Order ${1000 + i} <with & marks>`, `$${i}.00`]);
    const long = reply({
      title: "Long report",
      sections: Array.from({ length: 4 }, (_, s) => ({
        title: `Section ${s + 1}`,
        table: { columns: [{ label: "Order" }, { label: "Amount", align: "right" as const }], rows },
      })),
    });
    const before = fake.messagesIn(PRIVATE).length;
    await new Promise((r) => setTimeout(r, 1100));
    await delivery.post(String(PRIVATE), long, { dedupeKey: "t2" });
    const parts = fake.messagesIn(PRIVATE).slice(before);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.length).toBeLessThanOrEqual(3);
    for (const part of parts) expect(readable(part.text).length).toBeLessThanOrEqual(4096);
    expect(readable(parts[0]!.text)).toContain("Order 1000 <with & marks>");
  });

  it("maps Telegram's 429 to a rate limit with its retry_after, which the outbox waits out", async () => {
    // No throttler on this Api: it sends faster than a group allows, as a misbehaving client would.
    const delivery = createTelegramDelivery(new Api(fake.token, { apiRoot: fake.apiUrl }));
    let limited: DeliveryError | undefined;
    for (let i = 0; i < 25 && !limited; i++) {
      await delivery
        .post(String(GROUP), reply({ title: `Ping ${i}` }), { dedupeKey: `p${i}` })
        .catch((e: unknown) => {
          limited = e as DeliveryError;
        });
    }
    expect(limited?.kind).toBe("rate_limited");
    expect(limited?.options.retryAfterMs).toBeGreaterThanOrEqual(1000);
    expect(limited?.permanent).toBe(false);
  });
});
