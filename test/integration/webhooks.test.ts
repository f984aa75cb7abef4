import { count, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type HttpServer, startHttpServer } from "../../src/http/server.ts";
import { createLogger } from "../../src/log.ts";
import { signWebhook, verifyWebhook } from "../../src/providers/tiktok/sign.ts";
import { authorizations, outbox, shops, webhookEvents } from "../../src/storage/schema/index.ts";
import { createTestApp, type TestApp } from "../support/app.ts";
import { keepLogs } from "../support/log-capture.ts";

const START = new Date("2026-03-10T12:00:00Z");
const DAY_MS = 86_400_000;

/** The official vector (reference §5.2). */
const VECTOR = {
  appKey: "abcdef",
  appSecret: "123",
  raw: '{"type":1,"tts_notification_id":"7380066284010030890","shop_id":"7495540735365777507","timestamp":1718305585,"data":{"is_on_hold_order":true,"order_id":"576653688135258178","order_status":"UNPAID","update_time":1718305585}}',
  signature: "5dec0f11ec2f6783b8deee53c9ffbf8d024302f7c7e7fa55a35d17629031ac05",
};

let now = START;
let app: TestApp;
let server: HttpServer;
let hook: string;
/** The bot's log lines, to check what an operator reads (scanned for secrets at the end). */
const logLines: Record<string, unknown>[] = [];

beforeAll(async () => {
  app = await createTestApp({
    log: createLogger({
      level: "info",
      destination: { write: (line: string) => void logLines.push(JSON.parse(line)) },
    }),
    clock: () => now,
    sync: false,
    sandbox: { startAt: START, now: () => START, historyDays: 5, ordersPerDay: 2 },
  });
  // Who hears about the shop: the console (its only channel), and in Acme only the channel with the digest.
  await app.ask("/balance shops");
  const acme = { platform: "slack", workspaceId: "T-ACME", isAdmin: true } as const;
  await app.askAs("/balance digest on", { ...acme, channelId: "C-DIGEST" });
  await app.askAs("/balance shops", { ...acme, channelId: "C-CHATTER" });
  server = await startHttpServer({ app, port: 0, host: "127.0.0.1" });
  hook = `${server.url}/webhooks/tiktok`;
});
afterAll(async () => {
  await server?.close();
  await app?.close();
  keepLogs(logLines, app ? [app.sandbox!.appSecret] : []);
});

const outdoor = () => app.sandbox!.shops.find((s) => s.region === "US")!;

async function post(body: string, signature: string | undefined): Promise<{ status: number; body: string }> {
  const response = await fetch(hook, {
    method: "POST",
    headers: { "content-type": "application/json", ...(signature ? { authorization: signature } : {}) },
    body,
  });
  return { status: response.status, body: await response.text() };
}

async function rows(kind: string) {
  return app.database.db.select().from(outbox).where(eq(outbox.kind, kind));
}

async function eventCount(): Promise<number> {
  const [row] = await app.database.db.select({ n: count() }).from(webhookEvents);
  return row?.n ?? 0;
}

describe("TikTok webhooks", () => {
  it("verifies the official vector", { timeout: 90_000 }, async () => {
    expect(verifyWebhook(VECTOR.appKey, VECTOR.appSecret, VECTOR.raw, VECTOR.signature)).toBe(true);
    expect(verifyWebhook(VECTOR.appKey, VECTOR.appSecret, `${VECTOR.raw} `, VECTOR.signature)).toBe(false);

    // And through HTTP, on a bot whose app key and secret are the vector's.
    const other = await createTestApp({
      sync: false,
      sandbox: { appKey: VECTOR.appKey, appSecret: VECTOR.appSecret },
    });
    const otherServer = await startHttpServer({ app: other, port: 0, host: "127.0.0.1" });
    try {
      const response = await fetch(`${otherServer.url}/webhooks/tiktok`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: VECTOR.signature },
        body: VECTOR.raw,
      });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe("");
      await otherServer.idle();
      const stored = await other.database.db.select().from(webhookEvents);
      expect(stored.map((e) => e.notificationId)).toEqual(["7380066284010030890"]);
    } finally {
      await otherServer.close();
      await other.close();
    }
  });

  it("refuses a bad or missing signature with 401 and changes nothing", async () => {
    const before = await eventCount();
    const body = JSON.stringify({
      type: 6,
      tts_notification_id: "1001",
      shop_id: outdoor().id,
      timestamp: 1,
      data: {},
    });
    const forged = signWebhook(app.sandbox!.appKey, "not-the-secret", body);
    expect((await post(body, forged)).status).toBe(401);
    expect((await post(body, undefined)).status).toBe(401);
    // A correct signature over different bytes (re-serialised JSON) does not verify either.
    const reserialised = signWebhook(
      app.sandbox!.appKey,
      app.sandbox!.appSecret,
      JSON.stringify(JSON.parse(body), null, 1),
    );
    expect((await post(body, reserialised)).status).toBe(401);
    await server.idle();
    expect(await eventCount()).toBe(before);
    const [auth] = await app.database.db.select({ status: authorizations.status }).from(authorizations);
    expect(auth?.status).toBe("active");
  });

  it("accepts unknown types and ignores them", async () => {
    expect(await app.sandbox!.sendWebhook(hook, { type: 1, data: { order_id: "576653688135258178" } })).toBe(
      200,
    );
    await server.idle();
    const [queued] = await app.database.db.select({ n: count() }).from(outbox);
    expect(queued?.n).toBe(0);
    expect(logLines.map((l) => l.msg)).toContain(
      "tiktok webhook type 1 ignored: balance-bot acts on types 6 and 7 only",
    );
  });

  it("type 7: tells each of the shop's channels at most once a day, with the days left", async () => {
    const expiration = Math.floor((START.getTime() + 5 * DAY_MS) / 1000);
    const event = {
      type: 7,
      shopId: outdoor().id,
      data: { message: "Authorization is expiring in 5 days", expiration_time: String(expiration) },
    };
    expect(await app.sandbox!.sendWebhook(hook, event)).toBe(200);
    expect(await app.sandbox!.sendWebhook(hook, event)).toBe(200);
    await server.idle();
    const first = await rows("auth_expiring");
    expect(first.map((r) => `${r.platform}:${r.channel}`).sort()).toEqual([
      "console:console",
      "slack:C-DIGEST",
    ]);
    expect(JSON.stringify(first[0]?.payload)).toContain("in 5 days");
    expect(first[0]?.dedupeKey).toMatch(/^auth_expiring:\d+:\d+:2026-03-10$/);

    now = new Date(START.getTime() + DAY_MS);
    expect(await app.sandbox!.sendWebhook(hook, event)).toBe(200);
    await server.idle();
    const second = await rows("auth_expiring");
    expect(second).toHaveLength(4);
    expect(second.some((r) => JSON.stringify(r.payload).includes("in 4 days"))).toBe(true);
  });

  it("drops a duplicate notification id", async () => {
    const body = JSON.stringify({
      type: 7,
      tts_notification_id: "7380066284010039999",
      shop_id: outdoor().id,
      timestamp: 1,
      data: { message: "expiring in 2 days" },
    });
    now = new Date(START.getTime() + 2 * DAY_MS);
    const signature = signWebhook(app.sandbox!.appKey, app.sandbox!.appSecret, body);
    const before = await eventCount();
    expect((await post(body, signature)).status).toBe(200);
    await server.idle();
    const once = (await rows("auth_expiring")).length;
    now = new Date(START.getTime() + 3 * DAY_MS);
    const again = await post(body, signature);
    expect(again).toEqual({ status: 200, body: "" });
    await server.idle();
    expect(await eventCount()).toBe(before + 1);
    expect(await rows("auth_expiring")).toHaveLength(once);
  });

  it("type 6: stops only the shop it names and queues one message per channel of that shop", async () => {
    const db = app.database.db;
    const [before] = await db.select().from(shops).where(eq(shops.externalId, outdoor().id));
    const authorizationId = before!.authorizationId!;
    const siblings = await db.select().from(shops).where(eq(shops.authorizationId, authorizationId));
    expect(siblings.length).toBeGreaterThan(1);
    expect(
      await app.sandbox!.sendWebhook(hook, {
        type: 6,
        shopId: outdoor().id,
        data: { message: "deauthorized" },
      }),
    ).toBe(200);
    await server.idle();
    const [shop] = await db.select().from(shops).where(eq(shops.externalId, outdoor().id));
    expect(shop!.authorizationId).toBeNull();
    // The seller's other shops keep their tokens and keep syncing.
    const [auth] = await db
      .select({ status: authorizations.status })
      .from(authorizations)
      .where(eq(authorizations.id, authorizationId));
    expect(auth?.status).toBe("active");
    const still = await db.select().from(shops).where(eq(shops.authorizationId, authorizationId));
    expect(still.map((s) => s.id).sort()).toEqual(
      siblings
        .map((s) => s.id)
        .filter((id) => id !== shop!.id)
        .sort(),
    );
    const synced = await app.syncAll();
    expect(synced.map((r) => r.shopId)).not.toContain(shop!.id);
    expect(synced.length).toBe(still.length);

    const told = await db
      .select()
      .from(outbox)
      .where(like(outbox.dedupeKey, `deauthorized:${shop!.id}:%`));
    expect(told.map((r) => `${r.platform}:${r.channel}`).sort()).toEqual([
      "console:console",
      "slack:C-DIGEST",
    ]);
    expect(JSON.stringify(told[0]?.payload)).toContain("/balance connect");

    const status = JSON.stringify(await app.ask("/balance status"));
    expect(status).toContain("removed balance-bot's access to it");
  });

  it("type 7 with an absurd expiration_time (1e300) says soon, never NaN", async () => {
    now = new Date(START.getTime() + 9 * DAY_MS);
    const sibling = app.sandbox!.shops.find((s) => s.region !== "US")!;
    const body = `{"type":7,"tts_notification_id":"7380066284010031234","shop_id":"${sibling.id}","timestamp":1,"data":{"message":"Authorization is expiring","expiration_time":1e300}}`;
    expect((await post(body, signWebhook(app.sandbox!.appKey, app.sandbox!.appSecret, body))).status).toBe(
      200,
    );
    await server.idle();
    const notices = (await rows("auth_expiring")).filter((r) => r.dedupeKey.endsWith("2026-03-19"));
    expect(notices.length).toBeGreaterThan(0);
    const text = JSON.stringify(notices[0]!.payload);
    expect(text).toContain("expires soon");
    expect(text).not.toMatch(/NaN|Invalid/);
  });

  it("an unsigned request is refused before its body is read", async () => {
    const response = await fetch(hook, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": "100000" },
      body: "x".repeat(100_000),
    }).catch(() => undefined);
    // Either a 401 or a closed connection; never a 200, and nothing recorded.
    expect(response?.status ?? 401).toBe(401);
  });
});
