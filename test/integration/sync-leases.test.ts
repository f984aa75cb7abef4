import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log.ts";
import type { FinanceProvider } from "../../src/providers/port.ts";
import { createTikTokClient } from "../../src/providers/tiktok/client.ts";
import { rowsOf } from "../../src/storage/json-select.ts";
import { authorizationTokenStore } from "../../src/storage/repos/shops.ts";
import {
  claimDueShops,
  ensureLeaseRows,
  releaseLease,
  renewLease,
} from "../../src/storage/repos/sync-leases.ts";
import { LeaseLostError } from "../../src/sync/lease-lost.ts";
import { holdLease, syncDueShops } from "../../src/sync/leased-sync.ts";
import { createTestApp, type TestApp } from "../support/app.ts";

// The lease rules the replicas rely on, on one database (PGlite, or Postgres with
// TEST_DATABASE_URL); test/e2e/sync-replicas.test.ts runs them across real processes.
let app: TestApp;
const claim = (owner: string, limit = 10, leaseMs = 60_000) =>
  claimDueShops(app.database.db, { provider: "sandbox", owner, limit, leaseMs });
const expireLeases = () =>
  app.database.db.execute(sql`update shop_sync_leases set lease_until = now() - interval '1 second'`);

beforeAll(async () => {
  app = await createTestApp({ sync: false, sandbox: { historyDays: 2, ordersPerDay: 1 } });
});
afterAll(async () => {
  await app?.close();
});

describe("per-shop sync leases", () => {
  it("a shop is claimed by one owner only, until its lease expires; then the old owner can neither renew nor release it", async () => {
    const before = new Date();
    const synced = await app.syncAll();
    expect(synced.map((r) => r.shop)).toHaveLength(3);
    // Just synced: due again at the next fire (not now), and free.
    const leases = (await app.database.db.execute(
      sql`select next_due_at, leased_by from shop_sync_leases order by shop_id`,
    )) as unknown as { next_due_at: string | Date; leased_by: string | null }[];
    const rowsOf = Array.isArray(leases) ? leases : (leases as { rows: typeof leases }).rows;
    expect(rowsOf).toHaveLength(3);
    for (const row of rowsOf) {
      expect(row.leased_by).toBeNull();
      // The sandbox schedule fires every 10 s; due 2 s before a fire (src/cli/app.ts).
      const due = new Date(row.next_due_at);
      expect(due.getTime()).toBeGreaterThanOrEqual(before.getTime() - 2000);
      expect(due.getTime()).toBeLessThanOrEqual(Date.now() + 10_000);
      expect(due.getUTCSeconds() % 10).toBe(8);
      expect(due.getUTCMilliseconds()).toBe(0);
    }
    // Not due: nobody claims it (the due time set explicitly, as the next fire may be a moment away).
    await app.database.db.execute(sql`update shop_sync_leases set next_due_at = now() + interval '1 hour'`);
    expect(await claim("a")).toEqual([]);
    await app.database.db.execute(sql`update shop_sync_leases set next_due_at = now()`);

    const [first, second] = await Promise.all([claim("a", 2), claim("b", 2)]);
    const ids = [...first!, ...second!].map((c) => c.shopId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(3);

    const taken = first!.length > 0 ? first! : second!;
    const loser = first!.length > 0 ? "a" : "b";
    const winner = loser === "a" ? "c" : "d";
    // Held and not expired: nobody else gets it.
    expect(await claim(winner)).toEqual([]);
    await expireLeases();
    const retaken = await claim(winner);
    expect(retaken.map((c) => c.shopId).sort()).toEqual(ids.sort());
    const shopId = taken[0]!.shopId;
    expect(await renewLease(app.database.db, shopId, loser, 60_000)).toBe(false);
    await releaseLease(app.database.db, shopId, loser, new Date(Date.now() + 3_600_000));
    expect(await renewLease(app.database.db, shopId, winner, 60_000)).toBe(true);
    for (const c of retaken) await releaseLease(app.database.db, c.shopId, winner, new Date());
  });

  it("a guard whose lease was taken refuses the next API call", async () => {
    await app.database.db.execute(sql`update shop_sync_leases set leased_by = null, lease_until = null`);
    const [mine] = await claim("slow", 1, 2000);
    const guard = holdLease(
      { db: app.database.db, log: silentLogger(), owner: "slow", leaseMs: 2000 },
      mine!.shopId,
      performance.now(),
    );
    try {
      expect(() => guard.check()).not.toThrow();
      // The lease runs out while this owner stalls, and another one takes the shop.
      await expireLeases();
      expect(await claim("fast", 1)).toHaveLength(1);
      await new Promise((r) => setTimeout(r, 1500));
      expect(() => guard.check()).toThrow(LeaseLostError);
    } finally {
      guard.stop();
    }
  });

  it("syncs nothing a second time while every shop is leased elsewhere", async () => {
    await app.database.db.execute(
      sql`update shop_sync_leases set next_due_at = now(), leased_by = 'other', lease_until = now() + interval '1 minute'`,
    );
    const reports = await syncDueShops({
      db: app.database.db,
      log: silentLogger(),
      clock: () => new Date(),
      provider: "sandbox",
      owner: "me",
      leaseMs: 60_000,
      concurrency: 2,
      providerFor: () => {
        throw new Error("no shop should be synced");
      },
      nextDueAt: () => new Date(),
    });
    expect(reports).toEqual([]);
  });

  describe("`sync` of named shops (a run after a crash)", () => {
    const realClient = (): FinanceProvider => {
      const sandbox = app.sandbox!;
      return createTikTokClient({
        appKey: sandbox.appKey,
        appSecret: sandbox.appSecret,
        apiUrl: sandbox.url,
        authUrl: sandbox.url,
        tokens: authorizationTokenStore(app.database.db, 1, app.config.encryptionKey),
        log: silentLogger(),
      });
    };
    const deps = (leaseMs: number, providerFor: () => FinanceProvider) => ({
      db: app.database.db,
      log: silentLogger(),
      clock: () => app.deps.clock(),
      provider: "sandbox",
      owner: "me",
      leaseMs,
      concurrency: 1,
      providerFor,
      nextDueAt: () => new Date(Date.now() + 60_000),
    });
    const firstShop = async () => {
      await ensureLeaseRows(app.database.db, "sandbox");
      const [row] = rowsOf<{ shop_id: number }>(
        await app.database.db.execute(sql`select shop_id from shop_sync_leases order by shop_id limit 1`),
      );
      return Number(row!.shop_id);
    };

    const transactionsOf = async (shopId: number) => {
      const [row] = rowsOf<{ n: number }>(
        await app.database.db.execute(
          sql`select count(*)::int as n from statement_transactions where shop_id = ${shopId}`,
        ),
      );
      return row!.n;
    };

    it("a lease lost mid-sync is claimed again, and the shop finishes syncing", async () => {
      await app.database.db.execute(sql`update shop_sync_leases set leased_by = null, lease_until = null`);
      const shopId = await firstShop();
      const stored = await transactionsOf(shopId);
      expect(stored).toBeGreaterThan(0);
      await app.database.db.execute(sql`delete from statement_transactions where shop_id = ${shopId}`);
      const client = realClient();
      let stolen = false;
      // The first attempt stalls while another process takes the lease for a moment (and dies):
      // its renewal fails, so its next API call is refused.
      const stalling: FinanceProvider = {
        ...client,
        async *statements(shop, range) {
          if (!stolen) {
            stolen = true;
            await app.database.db.execute(
              sql`update shop_sync_leases set leased_by = 'gone', lease_until = now() + interval '300 milliseconds' where shop_id = ${shopId}`,
            );
            await new Promise((r) => setTimeout(r, 900));
          }
          yield* client.statements(shop, range);
        },
      };
      const reports = await syncDueShops(
        deps(900, () => stalling),
        [shopId],
      );
      expect(stolen).toBe(true);
      expect(reports).toHaveLength(1);
      expect(reports[0]!.errors).toEqual([]);
      expect(reports[0]!.transactions).toBeGreaterThan(0);
      expect(await transactionsOf(shopId)).toBe(stored);
    });

    it("a shop another process keeps leased is reported as not synced, not silently left out", async () => {
      const shopId = await firstShop();
      await app.database.db.execute(
        sql`update shop_sync_leases set leased_by = 'other', lease_until = now() + interval '1 minute' where shop_id = ${shopId}`,
      );
      const reports = await syncDueShops(
        deps(500, () => {
          throw new Error("no shop should be synced");
        }),
        [shopId],
      );
      expect(reports).toHaveLength(1);
      expect(reports[0]!.shop).toMatch(/^Sandbox /);
      expect(reports[0]!.errors).toEqual([
        {
          resource: "lease",
          message: "not synced by this run: left to another process that holds its sync lease (other)",
        },
      ]);
      await app.database.db.execute(sql`update shop_sync_leases set leased_by = null, lease_until = null`);
    });
  });
});
