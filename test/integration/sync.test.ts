import { and, count, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log.ts";
import { parseMoney, toDecimal } from "../../src/money/index.ts";
import { createTikTokClient } from "../../src/providers/tiktok/client.ts";
import { authorizationTokenStore } from "../../src/storage/repos/shops.ts";
import { listAllShops } from "../../src/storage/repos/workspaces.ts";
import {
  dailyRollups,
  domainEvents,
  payouts,
  statements,
  statementTransactions,
  syncState,
} from "../../src/storage/schema/index.ts";
import { syncShop } from "../../src/sync/sync-shop.ts";
import { createTestApp, type TestApp, textOf } from "../support/app.ts";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function counts(a: TestApp) {
  const db = a.database.db;
  const [s] = await db.select({ n: count() }).from(statements);
  const [p] = await db.select({ n: count() }).from(payouts);
  const [t] = await db.select({ n: count() }).from(statementTransactions);
  const [e] = await db.select({ n: count() }).from(domainEvents);
  return { statements: s!.n, payouts: p!.n, transactions: t!.n, events: e!.n };
}

describe("sync against the sandbox shop (real client, real HTTP)", () => {
  it("stores every shop's history and a second sync changes nothing", { timeout: 120_000 }, async () => {
    app = await createTestApp({ sandbox: { historyDays: 20, ordersPerDay: 8 } });
    const first = await counts(app);
    expect(first.statements).toBeGreaterThanOrEqual(38);
    expect(first.payouts).toBeGreaterThan(10);
    expect(first.transactions).toBeGreaterThan(first.statements);
    const reports = await app.syncAll();
    expect(reports.flatMap((r) => r.errors)).toEqual([]);
    expect(await counts(app)).toEqual(first);
    const shops = await listAllShops(app.database.db);
    expect(shops.map((s) => s.currency).sort()).toEqual(["GBP", "USD", "VND"]);
  });

  it("keeps the rollups equal to the raw sums after repeated syncs", async () => {
    app = await createTestApp({ sandbox: { historyDays: 15, ordersPerDay: 6 } });
    await app.syncAll();
    const db = app.database.db;
    const raw = await db
      .select({
        shopId: statements.shopId,
        day: statements.day,
        total: sql<string>`sum(${statements.settlement})::text`,
      })
      .from(statements)
      .groupBy(statements.shopId, statements.day);
    const rolled = await db
      .select({
        shopId: dailyRollups.shopId,
        day: dailyRollups.day,
        total: sql<string>`${dailyRollups.amount}::text`,
      })
      .from(dailyRollups)
      .where(eq(dailyRollups.category, "settlement"));
    const key = (r: { shopId: number; day: string; total: string }) =>
      `${r.shopId}|${r.day}|${toDecimal(parseMoney(r.total, "USD"))}`;
    expect(rolled.map(key).sort()).toEqual(raw.map(key).sort());
    const rawTx = await db
      .select({ total: sql<string>`coalesce(sum(${statementTransactions.settlement}), 0)::text` })
      .from(statementTransactions)
      .where(eq(statementTransactions.type, "ORDER"));
    const rolledTx = await db
      .select({ total: sql<string>`coalesce(sum(${dailyRollups.amount}), 0)::text` })
      .from(dailyRollups)
      .where(eq(dailyRollups.category, "type:ORDER"));
    expect(rolledTx[0]!.total).toBe(rawTx[0]!.total);
  });

  it("completes despite a 429 burst and 5xx answers", async () => {
    app = await createTestApp({ sync: false, sandbox: { historyDays: 10, ordersPerDay: 5 } });
    app.sandbox!.faults.rateLimitBurst(2);
    app.sandbox!.faults.serverErrors(2);
    const reports = await app.syncAll();
    expect(reports.flatMap((r) => r.errors)).toEqual([]);
    expect((await counts(app)).statements).toBeGreaterThanOrEqual(18);
  });

  it("refreshes an expired access token once and completes, storing the new tokens", async () => {
    app = await createTestApp({ sync: false, sandbox: { historyDays: 5, ordersPerDay: 4 } });
    const store = authorizationTokenStore(app.database.db, 1, undefined);
    const before = await store.load();
    app.sandbox!.faults.expireAccessToken();
    const reports = await app.syncAll();
    expect(reports.flatMap((r) => r.errors)).toEqual([]);
    const after = await store.load();
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).toBeTruthy();
  });

  it("reports a wrong app secret as a clear signature error in /balance status", async () => {
    app = await createTestApp({ sync: false });
    const shop = (await listAllShops(app.database.db))[0]!;
    const client = createTikTokClient({
      appKey: app.sandbox!.appKey,
      appSecret: "definitely-the-wrong-secret",
      apiUrl: app.sandbox!.url,
      authUrl: app.sandbox!.url,
      tokens: authorizationTokenStore(app.database.db, 1, undefined),
      retry: { baseMs: 1, maxMs: 5 },
    });
    const report = await syncShop(
      { db: app.database.db, log: silentLogger(), clock: () => new Date() },
      client,
      shop,
    );
    // Statements and payouts are read at once: both are refused, in either order.
    const refused = report.errors.find((e) => e.resource === "statements");
    expect(refused).toMatchObject({ resource: "statements", code: "106001" });
    expect(refused!.message).toMatch(/signature rejected/i);
    for (const e of report.errors) expect(e.message).not.toContain("definitely-the-wrong-secret");
    const status = textOf(await app.ask("/balance status"));
    expect(status).toMatch(/signature rejected.*code 106001, request /i);
  });

  it("skips only a record with a malformed amount, keeps the page and says so in /balance status", async () => {
    app = await createTestApp({ sync: false, sandbox: { historyDays: 10, ordersPerDay: 4 } });
    app.sandbox!.faults.malformedAmount(1);
    const reports = await app.syncAll();
    expect(reports.flatMap((r) => r.errors)).toEqual([]);
    const db = app.database.db;
    const stored = async () =>
      (await db.select({ n: count() }).from(statements).where(eq(statements.shopId, reports[0]!.shopId)))[0]!
        .n;
    const first = await stored();
    expect(first).toBeGreaterThan(5);
    const status = textOf(await app.ask("/balance status"));
    expect(status).toMatch(
      /1 record skipped, left out of every figure: statement settlement_amount "12,5O" is not a decimal number/,
    );
    // Read cleanly again, the record is stored and the line goes away.
    await app.syncAll();
    expect(await stored()).toBe(first + 1);
    expect(textOf(await app.ask("/balance status"))).not.toMatch(/skipped/);
  });

  it("a truncated page writes nothing from it and shows a clear status line", async () => {
    app = await createTestApp({ sync: false, sandbox: { historyDays: 10, ordersPerDay: 4 } });
    app.sandbox!.faults.malformedJson(1);
    const reports = await app.syncAll();
    const error = reports[0]!.errors.find((e) => e.resource === "statements");
    expect(error?.message).toMatch(/malformed response/);
    const db = app.database.db;
    const [row] = await db
      .select({ n: count() })
      .from(statements)
      .where(eq(statements.shopId, reports[0]!.shopId));
    expect(row!.n).toBe(0);
    const [state] = await db
      .select()
      .from(syncState)
      .where(and(eq(syncState.shopId, reports[0]!.shopId), eq(syncState.resource, "statements")));
    expect(state?.consecutiveFailures).toBe(1);
    expect(textOf(await app.ask("/balance status"))).toMatch(/statements[\s\S]*malformed response/);
    const again = await app.syncAll();
    expect(again.flatMap((r) => r.errors)).toEqual([]);
  });
});
