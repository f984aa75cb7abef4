import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import type { SandboxShop } from "../../src/providers/sandbox/index.ts";
import { createTestApp, type TestApp } from "../support/app.ts";

/**
 * Every sandbox fault switch during a sync: the sync completes or reports a clear error, and the
 * stored data is never partial (a statement's transactions add up to it) nor duplicated; a
 * later healthy sync ends with exactly the data of an undisturbed one.
 */
const NOW = new Date("2026-11-20T12:00:00Z");
const SANDBOX = { startAt: NOW, now: () => NOW, historyDays: 6, ordersPerDay: 4 };

const FAULTS: [string, (s: SandboxShop) => void, RegExp | null][] = [
  ["429 burst", (s) => s.faults.rateLimitBurst(3), null],
  ["5xx", (s) => s.faults.serverErrors(3), null],
  ["expired token", (s) => s.faults.expireAccessToken(), null],
  ["slow responses", (s) => s.faults.latencyMs(25), null],
  // Read record by record: the bad record is skipped and reported in /balance status, not a failed step.
  ["malformed amount", (s) => s.faults.malformedAmount(2), null],
  ["malformed JSON", (s) => s.faults.malformedJson(2), /JSON|invalid|malformed/i],
  ["scope revoked", (s) => s.faults.revokeScope(), /105005|scope|re-?authori/i],
  ["long 429 burst", (s) => s.faults.rateLimitBurst(12), /36009002|rate|too many/i],
];

async function fingerprint(app: TestApp) {
  const rows = await app.database.db.execute(sql`
    select
      (select count(*)::int from statements) as statements,
      (select count(*)::int from statement_transactions) as transactions,
      (select count(*)::int from payouts) as payouts,
      (select coalesce(sum(settlement), 0)::text from statements) as settled,
      (select count(*)::int from domain_events) as events
  `);
  return ((rows as { rows?: unknown[] }).rows ?? (rows as unknown[]))[0];
}

/** Statements whose stored transactions don't add up to them: a half-written statement. */
async function partialStatements(app: TestApp): Promise<number> {
  const rows = await app.database.db.execute(sql`
    select count(*)::int as n from statements s
    join (select shop_id, statement_id, sum(settlement) as total from statement_transactions group by 1, 2) t
      on t.shop_id = s.shop_id and t.statement_id = s.id
    where t.total <> s.settlement
  `);
  return (((rows as { rows?: unknown[] }).rows ?? (rows as unknown[]))[0] as { n: number }).n;
}

let apps: TestApp[] = [];
afterEach(async () => {
  for (const a of apps) await a.close();
  apps = [];
});

describe("sandbox faults during sync", () => {
  it.each(FAULTS)(
    "%s: completes or fails clearly, never partial or duplicated",
    async (_name, inject, expected) => {
      const reference = await createTestApp({ clock: () => NOW, sandbox: SANDBOX });
      const app = await createTestApp({
        clock: () => NOW,
        sandbox: SANDBOX,
        sync: false,
        retry: { maxAttempts: 5, baseMs: 1, maxMs: 5 },
      });
      apps.push(reference, app);
      inject(app.sandbox!);
      const reports = await app.syncAll();
      const errors = reports.flatMap((r) => r.errors);
      if (expected) {
        expect(errors.length).toBeGreaterThan(0);
        for (const e of errors) expect(e.message).toMatch(expected);
      } else {
        expect(errors).toEqual([]);
      }
      expect(await partialStatements(app)).toBe(0);
      app.sandbox!.faults.reset();
      const healed = await app.syncAll();
      expect(healed.flatMap((r) => r.errors)).toEqual([]);
      expect(await partialStatements(app)).toBe(0);
      expect(await fingerprint(app)).toEqual(await fingerprint(reference));
    },
    // Two apps and three syncs each: ~8 s idle, over 30 s on a machine busy with the whole suite.
    90_000,
  );
});
