import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readUnsettled } from "../../src/storage/repos/balance.ts";
import { readShopChartData } from "../../src/storage/repos/chart-data.ts";
import { readDailySettlement, readPayoutsBetween } from "../../src/storage/repos/rollups.ts";
import { listAllShops } from "../../src/storage/repos/workspaces.ts";
import { createTestApp, type TestApp } from "../support/app.ts";

const NOW = new Date("2026-11-28T17:30:00Z");
let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({
    clock: () => NOW,
    sandbox: { startAt: NOW, now: () => NOW, historyDays: 100, ordersPerDay: 12 },
  });
});
afterAll(async () => {
  await app?.close();
});

describe("a shop's chart data in one query", () => {
  it("is exactly what the settled rollup, the payouts and the unsettled snapshot say, for every shop", async () => {
    const db = app.database.db;
    const shops = await listAllShops(db);
    expect(shops.length).toBeGreaterThan(1);
    const days = { start: "2026-08-31", end: "2026-11-28" };
    for (const shop of shops) {
      const from = DateTime.fromISO(days.start, { zone: shop.timezone }).toJSDate();
      const to = DateTime.fromISO(days.end, { zone: shop.timezone }).plus({ days: 1 }).toJSDate();
      const data = await readShopChartData(db, shop.id, days, { from, to }, true);
      const settled = await readDailySettlement(db, shop.id, days);
      const payouts = await readPayoutsBetween(db, shop.id, from, to);
      const unsettled = await readUnsettled(db, shop.id);
      expect(data.settled.length).toBeGreaterThan(30);
      expect(data.payouts.length).toBeGreaterThan(0);
      // Amounts compare as the exact decimal strings the separate reads give.
      expect(data.settled).toEqual(
        settled.map((r) => ({ day: r.day, currency: r.currency, total: r.total })),
      );
      expect(data.payouts).toEqual(
        payouts.map((p) => ({
          status: p.status,
          amount: p.amount,
          currency: p.currency,
          settlementAmount: p.settlementAmount,
          settlementCurrency: p.settlementCurrency,
          reserveAmount: p.reserveAmount,
          paidTime: p.paidTime,
          createdTime: p.createdTime,
        })),
      );
      expect(data.unsettled).toEqual(
        unsettled ? { currency: unsettled.currency, estSettlement: unsettled.estSettlement } : null,
      );
      expect((await readShopChartData(db, shop.id, days, { from, to }, false)).unsettled).toBeNull();
    }
  });
});
