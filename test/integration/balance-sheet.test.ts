import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  readBalanceSheets,
  readLastPayouts,
  readSettledAwaiting,
  readUnsettled,
} from "../../src/storage/repos/balance.ts";
import { readLedgerBalance } from "../../src/storage/repos/ledger.ts";
import { listAllShops } from "../../src/storage/repos/workspaces.ts";
import { createTestApp, type TestApp, textOf } from "../support/app.ts";

// `/balance` reads every shop's figures in one query (src/storage/repos/balance.ts): on PGlite,
// which runs one statement at a time, that is the difference between one read's time and nine.
const NOW = new Date("2026-11-28T17:30:00Z");
const DAY_MS = 86_400_000;
let app: TestApp;
let queries: string[] = [];

beforeAll(async () => {
  app = await createTestApp({
    clock: () => NOW,
    sandbox: { startAt: NOW, now: () => NOW, historyDays: 60, ordersPerDay: 8 },
    onQuery: (query) => queries.push(query),
  });
});
afterAll(async () => {
  await app?.close();
});

describe("the balance sheet in one query", () => {
  it("holds exactly what the separate reads give, for every shop", async () => {
    const db = app.database.db;
    const shops = await listAllShops(db);
    expect(shops.length).toBe(3);
    const sheets = await readBalanceSheets(
      db,
      shops.map((s) => s.id),
      {
        paidSince: new Date(NOW.getTime() - 30 * DAY_MS),
        historySince: new Date(NOW.getTime() - 60 * DAY_MS),
        recent: 12,
      },
    );
    expect([...sheets.keys()].sort()).toEqual(shops.map((s) => s.id).sort());
    for (const shop of shops) {
      const sheet = sheets.get(shop.id)!;
      expect(sheet.unsettled).toEqual(await readUnsettled(db, shop.id));
      const settled = await readSettledAwaiting(db, shop.id);
      expect(sheet.settled).toEqual(settled);
      // Newest first, the ORM's rows field for field: instants are Dates, amounts exact strings.
      const recent = await readLastPayouts(db, shop.id, 12);
      expect(recent.length).toBeGreaterThan(0);
      expect(sheet.recent).toEqual(recent);
      expect(sheet.recent[0]!.createdTime).toBeInstanceOf(Date);
      expect(sheet.ledger).toEqual(await readLedgerBalance(db, shop.id));
      for (const p of sheet.processing) expect(p.statementTime).toBeInstanceOf(Date);
      const times = sheet.processing.map((p) => p.statementTime.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
    // The withdrawal-market shop (VN) has a ledger; the others have none.
    expect(shops.filter((s) => sheets.get(s.id)!.ledger.length > 0).map((s) => s.region)).toEqual(["VN"]);
  });

  it("keeps amounts exact beyond a double's 15 digits", async () => {
    const db = app.database.db;
    const [shop] = await listAllShops(db);
    const [latest] = await readLastPayouts(db, shop!.id, 1);
    const { payouts } = await import("../../src/storage/schema/index.ts");
    const { and, eq } = await import("drizzle-orm");
    const where = and(
      eq(payouts.shopId, shop!.id),
      eq(payouts.source, latest!.source),
      eq(payouts.id, latest!.id),
    );
    await db.update(payouts).set({ amount: "98765432109876543.21" }).where(where);
    try {
      const sheets = await readBalanceSheets(db, [shop!.id], {
        paidSince: new Date(0),
        historySince: new Date(0),
        recent: 1,
      });
      expect(sheets.get(shop!.id)!.recent[0]!.amount).toBe("98765432109876543.21");
    } finally {
      await db.update(payouts).set({ amount: latest!.amount }).where(where);
    }
  });

  it("/balance over three shops is two round trips: the scope, then the sheet", async () => {
    await app.ask("/balance"); // the first ask creates the workspace and channel
    queries = [];
    const answer = await app.ask("/balance");
    expect(textOf(answer)).toContain("Sandbox");
    expect(queries).toHaveLength(2);
    expect(queries[1]).toContain("unnest");
  });

  it("/balance earnings over three shops reads each shop's period and the one before in one query", async () => {
    await app.ask("/balance earnings 30d");
    queries = [];
    const answer = await app.ask("/balance earnings 30d");
    expect(textOf(answer)).toContain("Settlement");
    // The scope, then per shop one read of both periods' rollups (was four per shop).
    expect(queries).toHaveLength(4);
    expect(queries.slice(1).every((q) => q.includes("daily_rollups") && q.includes("case when"))).toBe(true);
  });
});
