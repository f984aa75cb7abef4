import { count } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { statementTransactions, syncState } from "../../src/storage/schema/index.ts";
import { createTestApp, type TestApp } from "../support/app.ts";

let app: TestApp | undefined;
afterAll(async () => {
  await app?.close();
});

describe("a large shop against a sandbox that enforces 50 requests per second", () => {
  it("syncs 50,000 transactions without a 429 reaching the sync's error state", {
    timeout: 180_000,
  }, async () => {
    const now = new Date("2026-11-20T12:00:00Z");
    app = await createTestApp({
      sync: false,
      clock: () => now,
      sandbox: { qps: 50, startAt: now, now: () => now, historyDays: 5, ordersPerDay: 5000 },
    });
    const reports = await app.syncAll();
    expect(reports.flatMap((r) => r.errors)).toEqual([]);
    const [tx] = await app.database.db.select({ n: count() }).from(statementTransactions);
    expect(tx!.n).toBeGreaterThanOrEqual(50_000);
    const states = await app.database.db.select().from(syncState);
    expect(states.every((s) => s.consecutiveFailures === 0 && s.lastError === null)).toBe(true);
    // The client kept to the limit: the sandbox had (almost) nothing to refuse.
    expect(app.sandbox!.throttled()).toBeLessThanOrEqual(2);
  });
});
