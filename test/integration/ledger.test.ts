import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateAlerts } from "../../src/alerts/evaluate.ts";
import { localDate } from "../../src/core/periods.ts";
import { buildDigestView } from "../../src/digests/build.ts";
import { silentLogger } from "../../src/log.ts";
import { add, formatMoney, negate, parseMoney, zero } from "../../src/money/index.ts";
import type { PayoutRecord, StatementRecord } from "../../src/providers/port.ts";
import { createTikTokClient } from "../../src/providers/tiktok/client.ts";
import {
  refreshRollups,
  saveUnsettled,
  upsertStatementTransactions,
} from "../../src/storage/repos/finance.ts";
import { authorizationTokenStore } from "../../src/storage/repos/shops.ts";
import { listAllShops } from "../../src/storage/repos/workspaces.ts";
import { outbox, payouts, statements } from "../../src/storage/schema/index.ts";
import { createTestApp, type TestApp, textOf } from "../support/app.ts";

const DAY_MS = 86_400_000;
const SPEED = 60;
const t0 = Date.parse("2026-03-10T09:00:00Z");
let realNow = t0;
const simNow = () => new Date(t0 + (realNow - t0) * SPEED);
let app: TestApp;
const log = silentLogger();

async function collect<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(...page);
  return out;
}

/** The sandbox's own answers, read with a fresh client (independent of what sync stored). */
async function upstream(shopName: string) {
  const shop = (await listAllShops(app.database.db)).find((s) => s.name.includes(shopName))!;
  const client = createTikTokClient({
    appKey: app.sandbox!.appKey,
    appSecret: app.sandbox!.appSecret,
    apiUrl: app.sandbox!.url,
    authUrl: app.sandbox!.url,
    tokens: authorizationTokenStore(app.database.db, 1, app.config.encryptionKey),
  });
  const ref = { externalId: shop.externalId, cipher: shop.cipher!, region: shop.region };
  const range = { from: new Date(0), to: new Date(simNow().getTime() + DAY_MS) };
  return {
    shop,
    payouts: await collect<PayoutRecord>(client.payouts(ref, range)),
    statements: await collect<StatementRecord>(client.statements(ref, range)),
  };
}

beforeAll(async () => {
  app = await createTestApp({
    clock: simNow,
    sandbox: {
      startAt: new Date(t0),
      now: () => new Date(realNow),
      speed: SPEED,
      historyDays: 40,
      ordersPerDay: 3,
    },
  });
  expect((await app.ask("/balance alerts add payout")).kind).toBe("success");
  expect((await app.ask("/balance alerts add failed")).kind).toBe("success");
  // The first sync is history: nothing in it is alerted.
  expect(await evaluateAlerts({ db: app.database.db, log, clock: simNow, sandbox: true })).toBe(0);
});
afterAll(async () => {
  await app?.close();
});

describe("withdrawal market: the withdrawals endpoint is the TikTok balance ledger", () => {
  it("over ten simulated days, /balance equals the ledger to the unit and only WITHDRAWs are payouts", async () => {
    const db = app.database.db;
    const vn = (await listAllShops(db)).find((s) => s.region === "VN")!;
    const paidBefore = new Set(
      (
        await db
          .select({ id: payouts.id })
          .from(payouts)
          .where(and(eq(payouts.shopId, vn.id), eq(payouts.status, "PAID")))
      ).map((r) => r.id),
    );
    realNow = t0 + (10 * DAY_MS) / SPEED;
    const reports = await app.syncAll();
    expect(reports.flatMap((r) => r.errors)).toEqual([]);
    await evaluateAlerts({ db, log, clock: simNow, sandbox: true });

    const { payouts: ledger } = await upstream("VN");
    expect(new Set(ledger.map((r) => r.type))).toEqual(
      new Set(["SETTLE", "TRANSFER", "WITHDRAW", "REVERSE"]),
    );
    let balance = zero("VND");
    for (const r of ledger) {
      const amount = parseMoney(r.amount, r.currency);
      balance = add(balance, r.type === "WITHDRAW" ? negate(amount) : amount);
    }
    const text = textOf(await app.ask("/balance shop:VN"));
    expect(text).toContain(`TikTok balance, available (settled, derived)\n${formatMoney(balance)}`);
    expect(text).toMatch(/sum of the withdrawals ledger/);

    const alerted = await db
      .select({ key: outbox.dedupeKey, kind: outbox.kind })
      .from(outbox)
      .where(like(outbox.dedupeKey, `payout%:${vn.id}:%`));
    const idOf = (key: string) => key.split(":")[2]!;
    const paidAlerts = new Set(alerted.filter((a) => a.kind === "payout_paid").map((a) => idOf(a.key)));
    const newlyPaid = ledger.filter(
      (r) => r.type === "WITHDRAW" && r.status === "PAID" && !paidBefore.has(r.id),
    );
    expect(newlyPaid.length).toBeGreaterThan(0);
    expect(paidAlerts).toEqual(new Set(newlyPaid.map((r) => r.id)));
    // The withdrawal of day +8 fails and is reversed: one "payout failed", for that withdrawal.
    const failedAlerts = alerted.filter((a) => a.kind === "payout_failed").map((a) => idOf(a.key));
    const failedWithdrawals = ledger.filter(
      (r) => r.type === "WITHDRAW" && r.status === "FAILED" && r.createdTime.getTime() > t0,
    );
    expect(failedWithdrawals).toHaveLength(1);
    expect(new Set(failedAlerts)).toEqual(new Set([failedWithdrawals[0]!.id]));
    const others = new Set(ledger.filter((r) => r.type !== "WITHDRAW").map((r) => r.id));
    expect(alerted.filter((a) => others.has(idOf(a.key)))).toEqual([]);
    const [reverse] = await db
      .select()
      .from(payouts)
      .where(
        and(
          eq(payouts.shopId, vn.id),
          eq(payouts.type, "REVERSE"),
          eq(payouts.reversalOf, failedWithdrawals[0]!.id),
        ),
      );
    expect(reverse).toBeDefined();
  });

  it("the balance went negative on one day, and /balance payouts lists only withdrawals", async () => {
    const { payouts: ledger } = await upstream("VN");
    let balance = zero("VND");
    let lowest = balance;
    for (const r of [...ledger].sort((a, b) => a.createdTime.getTime() - b.createdTime.getTime())) {
      const amount = parseMoney(r.amount, r.currency);
      balance = add(balance, r.type === "WITHDRAW" ? negate(amount) : amount);
      if (balance.units < lowest.units) lowest = balance;
    }
    expect(lowest.units).toBeLessThan(0n);
    const text = textOf(await app.ask("/balance payouts 25 shop:VN"));
    const amounts = ledger
      .filter((r) => r.type === "WITHDRAW")
      .map((r) => formatMoney(parseMoney(r.amount, "VND")));
    const settles = ledger
      .filter((r) => r.type === "SETTLE")
      .map((r) => formatMoney(parseMoney(r.amount, "VND")));
    const shown = [...text.matchAll(/₫[\d,]+/g)].map((m) => m[0]);
    expect(shown.length).toBeGreaterThan(0);
    for (const amount of shown) expect(amounts).toContain(amount);
    expect(shown.some((a) => settles.includes(a) && !amounts.includes(a))).toBe(false);
  });
});

describe("payments market: statements followed until paid, combined payments once", () => {
  it("a statement PROCESSING for three weeks is re-read until PAID and leaves the awaiting clock", async () => {
    const db = app.database.db;
    const { shop, statements: upstreamStatements, payouts: payments } = await upstream("US");
    const late = upstreamStatements.find(
      (s) => Math.round((s.statementTime.getTime() - Date.UTC(2026, 2, 10)) / DAY_MS) === -21,
    )!;
    expect(late.paymentStatus).toBe("PAID");
    const [stored] = await db
      .select()
      .from(statements)
      .where(and(eq(statements.shopId, shop.id), eq(statements.id, late.id)));
    expect(stored!.paymentStatus).toBe("PAID");

    const processing = upstreamStatements.filter((s) => s.paymentStatus === "PROCESSING");
    const awaiting = processing.reduce((sum, s) => add(sum, parseMoney(s.settlement, "USD")), zero("USD"));
    const text = textOf(await app.ask("/balance shop:outdoor"));
    expect(text).toContain(`Settled, awaiting payout\n${formatMoney(awaiting)}`);

    // Paid out counts each payment once, even one that covers three statements.
    const since = simNow().getTime() - 30 * DAY_MS;
    const paid = payments.filter(
      (p) => p.status === "PAID" && (p.paidTime ?? p.createdTime).getTime() >= since,
    );
    const combined = paid.filter((p) => upstreamStatements.filter((s) => s.paymentId === p.id).length > 1);
    expect(combined.length).toBeGreaterThan(0);
    const total = paid.reduce((sum, p) => add(sum, parseMoney(p.amount, "USD")), zero("USD"));
    expect(text).toContain(`Paid out · last 30 days\n${formatMoney(total)}`);
  });

  it("the second sync reads statements back to the oldest unfinished one, not the whole history", async () => {
    const reports = await app.syncAll();
    const us = reports.find((r) => r.shop.includes("US"))!;
    const { statements: all } = await upstream("US");
    expect(us.statements).toBeGreaterThan(0);
    expect(us.statements).toBeLessThan(all.length);
  });
});

describe("a payment made in another currency than it settled in", () => {
  it("shows both amounts and the rate in /balance payouts", async () => {
    const db = app.database.db;
    const us = (await listAllShops(db)).find((s) => s.region === "US")!;
    await db.insert(payouts).values({
      shopId: us.id,
      source: "payment",
      id: "fx-payment-1",
      status: "PROCESSING",
      amount: "1270.00",
      currency: "USD",
      settlementAmount: "1030.00",
      settlementCurrency: "GBP",
      reserveAmount: "-30.00",
      exchangeRate: "1.270000",
      createdTime: new Date(simNow().getTime() + 60_000),
    });
    const text = textOf(await app.ask("/balance payouts 1 shop:outdoor"));
    expect(text).toContain("$1,270.00 (£1,000.00 at 1.270000)");
  });
});

describe("a fee field this version does not know", () => {
  it("shows in /balance breakdown as 'Other fees' under its raw name", async () => {
    const db = app.database.db;
    const us = (await listAllShops(db)).find((s) => s.region === "US")!;
    const day = localDate(new Date(simNow().getTime() - 2 * DAY_MS), us.timezone);
    await upsertStatementTransactions(db, us.id, "unknown-fee-statement", day, [
      {
        id: "unknown-fee-row",
        type: "ORDER",
        orderId: null,
        adjustmentId: null,
        orderCreateTime: null,
        currency: "USD",
        settlement: "-3.00",
        revenue: null,
        shipping: null,
        feeTax: "-3.00",
        adjustment: null,
        reserve: null,
        reserveStatus: null,
        breakdown: { "fee.gmv_max_ad_fee_amount": "-3.00" },
      },
    ]);
    await refreshRollups(db, us.id, [day]);
    const text = textOf(await app.ask("/balance breakdown 30d shop:outdoor"));
    expect(text).toContain("Other fees: gmv_max_ad_fee_amount");
    expect(text).toContain("-$3.00");
  });
});

describe("unsettled orders in another currency than the shop's", () => {
  it("get their own pending line in /balance and in the digest, never summed with the shop's", async () => {
    const db = app.database.db;
    const us = (await listAllShops(db)).find((s) => s.region === "US")!;
    await saveUnsettled(
      db,
      us.id,
      {
        currency: "USD",
        totalCount: 4,
        estSettlement: "100.25",
        estRevenue: null,
        estFee: null,
        estAdjustment: null,
        others: [
          {
            currency: "EUR",
            totalCount: 2,
            estSettlement: "40.50",
            estRevenue: null,
            estFee: null,
            estAdjustment: null,
          },
        ],
      },
      simNow(),
    );
    const balance = textOf(await app.ask("/balance shop:outdoor"));
    expect(balance).toContain("Pending\n$100.25 est.");
    expect(balance).toMatch(/Pending · EUR\n€40\.50 est\.\n2 unsettled orders in EUR/);
    const digest = textOf(await app.ask("/balance digest preview"));
    expect(digest).toContain("$100.25 est.");
    expect(digest).toMatch(/Pending · EUR\n€40\.50 est\.\n2 unsettled orders in EUR · estimate/);
    expect(digest).not.toContain("$140.75");
    // The cross-border UK shop's payouts in a digest: dollars paid, pounds before the exchange, the rate.
    const shops = await listAllShops(db);
    const view = await buildDigestView({
      db,
      now: simNow(),
      sandbox: true,
      workspaceId: 1,
      shops: shops.filter((s) => s.region === "GB"),
      zone: "Europe/London",
      since: new Date(simNow().getTime() - 3 * DAY_MS),
    });
    const payoutRows = view.reply.sections[0]!.table!.rows;
    expect(payoutRows.length).toBeGreaterThan(0);
    for (const row of payoutRows) expect(row[1]).toMatch(/^\$[\d,]+\.\d\d \(£[\d,]+\.\d\d at 1\.2\d{5}\)$/);
  });
});

describe("a settlement its breakdowns do not fully itemise", () => {
  it("shows the difference as its own line in /balance breakdown, so the lines still add up", async () => {
    const db = app.database.db;
    const us = (await listAllShops(db)).find((s) => s.region === "US")!;
    const day = localDate(new Date(simNow().getTime() - 3 * DAY_MS), us.timezone);
    const before = textOf(await app.ask("/balance breakdown 30d shop:outdoor"));
    expect(before).not.toContain("Not itemised");
    await upsertStatementTransactions(db, us.id, "rounding-statement", day, [
      {
        id: "rounding-row",
        type: "ORDER",
        orderId: null,
        adjustmentId: null,
        orderCreateTime: null,
        currency: "USD",
        settlement: "-5.01",
        revenue: null,
        shipping: null,
        feeTax: "-5.01",
        adjustment: null,
        reserve: null,
        reserveStatus: null,
        breakdown: { "fee.transaction_fee_amount": "-5.00" },
      },
    ]);
    await refreshRollups(db, us.id, [day]);
    const text = textOf(await app.ask("/balance breakdown 30d shop:outdoor"));
    expect(text).toMatch(/Not itemised by TikTok \(settlement − lines\) -\$0\.01/);
  });
});
