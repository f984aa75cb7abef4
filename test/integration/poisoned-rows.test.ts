import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateAlerts } from "../../src/alerts/evaluate.ts";
import { drainOutbox } from "../../src/delivery/worker.ts";
import { digestTick } from "../../src/digests/tick.ts";
import { type HttpServer, startHttpServer } from "../../src/http/server.ts";
import { silentLogger } from "../../src/log.ts";
import { updateDigestSettings } from "../../src/storage/repos/settings.ts";
import { ensureChannel, ensureWorkspace, listAllShops } from "../../src/storage/repos/workspaces.ts";
import {
  alertRules,
  dailyRollups,
  digestState,
  domainEvents,
  outbox,
  syncState,
} from "../../src/storage/schema/index.ts";
import { createTestApp, type TestApp, textOf } from "../support/app.ts";
import { databaseKind } from "../support/db.ts";
import { recordingPort } from "../support/recording-port.ts";

/**
 * Issue 18 item 3: rows that come from bugs, migrations or hand edits. Each one is parked (or
 * skipped) with its reason; every other rule, event, channel and digest still goes out.
 */
let app: TestApp;
let server: HttpServer;
const METRICS_TOKEN = "metrics-token-poisoned-0123456789";
const log = silentLogger();

beforeAll(async () => {
  app = await createTestApp({ env: { METRICS_TOKEN }, sandbox: { historyDays: 5, ordersPerDay: 2 } });
  server = await startHttpServer({ app, port: 0, host: "127.0.0.1" });
});
afterAll(async () => {
  await server?.close();
  await app?.close();
});

describe(`poisoned rows cannot stop the bot (${databaseKind})`, () => {
  it("parks a malformed outbox payload, a broken rule and a malformed event with their reasons, skips a bad digest time, and delivers everything else", async () => {
    const db = app.database.db;
    const now = new Date();
    const deps = { db, log, clock: () => now, sandbox: true };
    const us = (await listAllShops(db)).find((s) => s.currency === "USD")!;
    const workspaceId = await ensureWorkspace(db, "console", "console");
    const consoleChannel = await ensureChannel(db, workspaceId, "console");
    expect((await app.ask("/balance alerts add payout")).kind).toBe("success");
    // History found by the first sync: processed, not told.
    await evaluateAlerts(deps);
    expect(await db.select().from(outbox)).toEqual([]);
    expect((await app.ask("/balance alerts add below 1000000 shop:outdoor")).kind).toBe("success");
    expect((await app.ask("/balance goal set 1 monthly settled shop:outdoor")).kind).toBe("success");

    // 1. A rule with a currency no one can parse (the "US$").
    await db.insert(alertRules).values({
      workspaceId,
      channelId: consoleChannel,
      shopId: us.id,
      kind: "below",
      threshold: "100",
      recover: "100",
      currency: "US$",
      createdBy: "hand edit",
    });
    // 2. A payout event with a malformed amount, ahead of a good one.
    const payout = (id: string, amount: string) => ({
      payoutId: id,
      source: "withdrawal",
      amount,
      currency: "USD",
      bankAccount: "****4321",
      createdTime: now.toISOString(),
      paidTime: now.toISOString(),
      backfill: false,
    });
    for (const [id, amount] of [
      ["P-BAD", "1,234.56"],
      ["P-GOOD", "321.09"],
    ] as const) {
      await db.insert(domainEvents).values({
        shopId: us.id,
        kind: "payout_paid",
        dedupeKey: `test:${id}`,
        payload: payout(id, amount),
        occurredAt: now,
      });
    }
    // 3. An outbox row that is not a view, at the head of the console channel's queue.
    await db.insert(outbox).values({
      dedupeKey: "test:not-a-view",
      workspaceId,
      platform: "console",
      channel: "console",
      kind: "payout_paid",
      payload: { reply: { title: "half a message" } },
    });
    // 4. A channel whose digest time was hand-edited to "ab:cd", next to one that is due.
    const bad = await ensureChannel(db, workspaceId, "C-BAD-TIME");
    await updateDigestSettings(db, bad, { digestEnabled: true, digestTime: "ab:cd", digestZone: "UTC" });
    const good = await ensureChannel(db, workspaceId, "C-DIGEST");
    await updateDigestSettings(db, good, { digestEnabled: true, digestTime: "00:00", digestZone: "UTC" });
    const yesterday = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
    await db
      .insert(digestState)
      .values({ channelId: good, lastDate: yesterday, lastSentAt: new Date(now.getTime() - 86_400_000) });
    // Today's settlement reaches the goal.
    const today = DateTime.fromJSDate(now, { zone: us.timezone }).toISODate()!;
    await db
      .insert(dailyRollups)
      .values({ shopId: us.id, day: today, currency: "USD", category: "settlement", amount: "5", count: 1 })
      .onConflictDoUpdate({
        target: [dailyRollups.shopId, dailyRollups.day, dailyRollups.currency, dailyRollups.category],
        set: { amount: "5" },
      });
    // And a shop whose sync keeps failing: its channels are told.
    await db
      .update(syncState)
      .set({ consecutiveFailures: 3, lastError: "HTTP 503" })
      .where(eq(syncState.shopId, us.id));

    expect(await digestTick(deps)).toBe(1);
    expect(await evaluateAlerts(deps)).toBeGreaterThanOrEqual(4);
    const { port, sent } = recordingPort();
    for (let i = 0; i < 10; i++) {
      await drainOutbox(
        { ...deps, clock: () => new Date(), ports: { console: port }, charts: app.deps.charts },
        { channelGapMs: 0 },
      );
    }
    const titles = sent.map((s) => `${s.channel} ${s.reply.title}`);
    expect(titles).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^C-DIGEST /),
        "console 💸 Payout arrived · Sandbox Outdoor (US)",
        "console 📉 Balance below $1,000,000.00 · Sandbox Outdoor (US)",
        "console 🎯 Goal reached · Sandbox Outdoor (US)",
        "console ⚠ Sync trouble · Sandbox Outdoor (US)",
      ]),
    );
    // Its digest is skipped; it still hears the shop's alerts (its digest being on subscribes it).
    expect(titles.filter((t) => t.startsWith("C-BAD-TIME Daily digest"))).toEqual([]);
    expect(titles).toContain("C-BAD-TIME ⚠ Sync trouble · Sandbox Outdoor (US)");
    expect(textOf(sent.find((s) => s.reply.title.startsWith("💸"))!.reply)).toContain("$321.09");

    const [message] = await db.select().from(outbox).where(eq(outbox.dedupeKey, "test:not-a-view"));
    expect([message?.status, message?.lastError]).toEqual([
      "parked",
      "malformed payload: not a view this version knows (kind: none)",
    ]);
    const [event] = await db.select().from(domainEvents).where(eq(domainEvents.dedupeKey, "test:P-BAD"));
    expect(event?.processedAt).toBeNull();
    expect(event?.parkedReason).toBe(
      "malformed payout_paid event: payload.amount: not an exact decimal amount",
    );
    const [rule] = await db.select().from(alertRules).where(eq(alertRules.currency, "US$"));
    expect(rule?.parkedReason).toBe('currency: "US$" is not an ISO 4217 currency');

    // A second run changes nothing: parked rows stay parked, nothing is told twice.
    expect(await evaluateAlerts(deps)).toBe(0);

    const status = textOf(await app.ask("/balance status"));
    expect(status).toContain("Messages that could not be delivered");
    expect(status).toMatch(
      /payout_paid\s+console\s+malformed payload: not a view this version knows \(kind: none\)/,
    );
    expect(status).toContain("Set aside: alerts that cannot run");
    expect(status).toContain(
      `alert #${rule!.id} (below) currency: "US$" is not an ISO 4217 currency /balance alerts remove ${rule!.id}`,
    );
    expect(status).toContain(
      "payout paid event of Sandbox Outdoor (US) malformed payout_paid event: payload.amount: not an exact decimal amount",
    );
    expect(status).toContain(
      'digest in C-BAD-TIME digest time "ab:cd" is not a 24-hour HH:MM /balance digest time 09:00',
    );

    // The rule is still listed as stored, so an admin can see and remove it.
    const list = textOf(await app.ask("/balance alerts list"));
    expect(list).toContain("drops below 100 US$");
    expect(list).toContain(`set aside: currency: "US$" is not an ISO 4217 currency`);

    const metrics = await fetch(`${server.url}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    const text = await metrics.text();
    expect(text).toContain(
      'balance_bot_parked_items{item="message",reason="malformed payload: not a view this version knows (kind: none)"} 1',
    );
    expect(text).toContain(
      'balance_bot_parked_items{item="event",reason="malformed payout_paid event: payload.amount: not an exact decimal amount"} 1',
    );
    expect(text).toContain(
      'balance_bot_parked_items{item="rule",reason="currency: \\"US$\\" is not an ISO 4217 currency"} 1',
    );
    expect(text).toMatch(/balance_bot_poisoned_items_total\{where="digest"\} [1-9]/);
    expect((await app.ask(`/balance alerts remove ${rule!.id}`)).kind).toBe("success");
  });
});
