import type { Logger } from "../log.ts";
import type { CreatorProvider, FinanceProvider } from "../providers/port.ts";
import type { Db } from "../storage/database.ts";
import {
  type ClaimedShop,
  claimDueShops,
  ensureLeaseRows,
  readLeasedShop,
  readLeaseHolder,
  releaseLease,
  renewLease,
} from "../storage/repos/sync-leases.ts";
import type { ShopRow } from "../storage/repos/workspaces.ts";
import { LeaseLostError } from "./lease-lost.ts";
import { emptyReport, type SyncReport, syncShop } from "./sync-shop.ts";

/**
 * Sync shared between replicas (issue 17 item 5). Every replica runs the same loop: claim a due
 * shop (a lease row, `FOR UPDATE SKIP LOCKED`), sync it while renewing the lease, release it
 * with its next due time. No election: the lease row is the only thing that decides who syncs.
 *
 * The rate limit per shop and API (TikTok's 50 a second, reference §4.3) is kept by each
 * process's limiter, partitioned by these leases: a shop's sync requests are only ever sent by
 * the replica holding its lease, so one process's limiter sees all of them. Two things could
 * add requests for a shop from elsewhere, and both fit in the headroom the limiter keeps:
 * - a handover: the old holder has stopped sending before the new one claims (release, or lease
 *   expiry after which the old holder sends nothing, see `LeaseGuard`); the new holder's limiter
 *   starts with a fresh burst of 10, within TikTok's bucket of 50;
 * - a user's `/balance order` lookup on another replica: one request per lookup, deduplicated,
 *   against the 40 requests a second the limiter (burst 10) leaves below TikTok's bucket.
 * test/e2e/sync-replicas.test.ts runs two processes on a sandbox that enforces the limit and
 * asserts it refused nothing.
 */
export interface LeasedSyncDeps {
  db: Db;
  log: Logger;
  /** The clock sync stamps its records with (the sandbox's, on the sandbox). */
  clock: () => Date;
  /** "sandbox" or "tiktok": whose shops this process syncs. */
  provider: string;
  /** Unique per process (host, pid, random), stored in the lease row. */
  owner: string;
  leaseMs: number;
  /** Shops this process syncs at once. */
  concurrency: number;
  /** The API client of a shop's authorization. */
  providerFor(authorizationId: number): FinanceProvider;
  /** When a shop synced now is next due. */
  nextDueAt(): Date;
  /** Called after each shop's sync, with how long it took. */
  onSynced?(report: SyncReport, ms: number): void;
}

/**
 * Keeps a lease while a shop syncs: renews it every third of its length, and refuses every API
 * call once the lease may have ended. The database sets `lease_until` to its `now()` + lease
 * when it runs the renewal, which is after this process sent it, so "sent + lease" (on this
 * process's monotonic clock) is never later than the real end. Past it (less a margin for the
 * last request in flight), or once a renewal found the lease taken, the guard throws before a
 * request goes out: a stalled process (a long GC, a lost database) never syncs on beside the
 * replica that took over.
 */
export interface LeaseGuard {
  /** Throws LeaseLostError once the lease may be gone. */
  check(): void;
  readonly lost: boolean;
  stop(): void;
}

export function holdLease(
  deps: Pick<LeasedSyncDeps, "db" | "log" | "owner" | "leaseMs">,
  shopId: number,
  claimSentAt: number,
): LeaseGuard {
  const usable = deps.leaseMs - Math.min(5000, deps.leaseMs / 5);
  let deadline = claimSentAt + usable;
  let lost = false;
  const renew = async () => {
    if (lost) return;
    const sent = performance.now();
    try {
      if (await renewLease(deps.db, shopId, deps.owner, deps.leaseMs)) deadline = sent + usable;
      else lost = true;
    } catch (error) {
      // The next renewal may succeed; until then the deadline stands.
      deps.log.warn({ err: error, shopId }, "sync lease renewal failed");
    }
  };
  const timer = setInterval(() => void renew(), Math.max(50, deps.leaseMs / 3));
  return {
    check() {
      if (lost || performance.now() > deadline) {
        lost = true;
        throw new LeaseLostError(shopId);
      }
    },
    get lost() {
      return lost;
    },
    stop: () => clearInterval(timer),
  };
}

/** `provider` with every call (and every page of a listing) checked against `guard` first. */
export function guardProvider(provider: FinanceProvider, guard: LeaseGuard): FinanceProvider {
  async function* pages<T>(listing: () => AsyncIterable<T>): AsyncIterable<T> {
    guard.check();
    const iterator = listing()[Symbol.asyncIterator]();
    try {
      for (;;) {
        guard.check();
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      await iterator.return?.();
    }
  }
  // A creator account's client reads its orders instead (src/sync/sync-creator.ts): guarded too.
  const creator =
    "creatorOrders" in provider
      ? {
          creatorOrders: (range: Parameters<CreatorProvider["creatorOrders"]>[0]) =>
            pages(() => (provider as FinanceProvider & CreatorProvider).creatorOrders(range)),
        }
      : {};
  return {
    ...provider,
    ...creator,
    statements: (shop, range) => pages(() => provider.statements(shop, range)),
    payouts: (shop, range) => pages(() => provider.payouts(shop, range)),
    statementTransactions: (shop, id) => pages(() => provider.statementTransactions(shop, id)),
    orderTransactions: async (shop, orderId) => {
      guard.check();
      return provider.orderTransactions(shop, orderId);
    },
    unsettled: async (shop, currency) => {
      guard.check();
      return provider.unsettled(shop, currency);
    },
  };
}

/**
 * Claims and syncs due shops until none is left. With `shopIds` (`sync`, the first sync of
 * `start`): exactly those shops, due or not; a shop whose lease another process holds is waited
 * for until that lease ends (released, or expired because its holder died: a `sync` run again
 * after a crash must not skip the shop the crashed run held), at most one lease length, then
 * synced here. Returns a report per shop synced here.
 */
export async function syncDueShops(deps: LeasedSyncDeps, shopIds?: number[]): Promise<SyncReport[]> {
  await ensureLeaseRows(deps.db, deps.provider);
  const reports: SyncReport[] = [];
  // One client per authorization for the whole run, as its shops share one token pair: an
  // expired token is then refreshed once, not once per shop syncing at the time.
  const clients = new Map<number, FinanceProvider>();
  const clientOf = (authorizationId: number) => {
    const client = clients.get(authorizationId) ?? deps.providerFor(authorizationId);
    clients.set(authorizationId, client);
    return client;
  };
  const queue = shopIds ? [...shopIds] : undefined;
  // A requested shop this run could not sync, and why (`sync` says so and fails).
  const unsynced = new Map<number, string>();
  // A requested shop whose lease this run lost mid-sync (a stall longer than the lease on a busy
  // machine) is claimed again: sync is idempotent and resumes where the lost run stopped.
  const losses = new Map<number, number>();
  // The lease's local start is when the claim that got it was sent (not when the search for a
  // claimable shop began, which may include waiting for another holder's lease to end).
  const claim = async (shopIds?: number[]): Promise<{ claimed: ClaimedShop; sentAt: number } | undefined> => {
    const sentAt = performance.now();
    const [claimed] = await claimDueShops(deps.db, {
      provider: deps.provider,
      owner: deps.owner,
      limit: 1,
      leaseMs: deps.leaseMs,
      ...(shopIds ? { shopIds } : {}),
    });
    return claimed ? { claimed, sentAt } : undefined;
  };
  const claimNext = async (): Promise<{ claimed: ClaimedShop; sentAt: number } | undefined> => {
    if (!queue) return claim();
    while (queue.length > 0) {
      const shopId = queue.shift()!;
      const giveUpAt = performance.now() + deps.leaseMs + 5000;
      let told = false;
      for (;;) {
        const claimed = await claim([shopId]);
        if (claimed) return claimed;
        // Not claimable: inactive (nothing to wait for) or held by another process.
        const holder = await readLeaseHolder(deps.db, shopId);
        if (!holder) break;
        if (performance.now() > giveUpAt) {
          deps.log.warn({ shopId, holder: holder.owner }, "shop still leased by another process; left to it");
          unsynced.set(shopId, `left to another process that holds its sync lease (${holder.owner})`);
          break;
        }
        if (!told) {
          deps.log.info(
            { shopId, holder: holder.owner, leaseUntil: holder.until.toISOString() },
            "another process holds this shop's sync lease; waiting for it to end",
          );
          told = true;
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(1000, Math.max(50, deps.leaseMs / 20))));
      }
    }
    return undefined;
  };
  const worker = async () => {
    for (;;) {
      const next = await claimNext();
      if (!next) return;
      const { claimed, sentAt } = next;
      const shop = await readLeasedShop(deps.db, claimed.shopId);
      if (!shop) {
        await releaseLease(deps.db, claimed.shopId, deps.owner, deps.nextDueAt());
        continue;
      }
      const outcome = await syncLeased(deps, shop, clientOf(shop.authorizationId), sentAt);
      if (outcome.report) {
        unsynced.delete(shop.id);
        reports.push(outcome.report);
        continue;
      }
      // On its schedule, a shop another replica took over is simply that replica's now.
      if (!queue) continue;
      unsynced.set(shop.id, outcome.problem);
      const lost = (losses.get(shop.id) ?? 0) + 1;
      losses.set(shop.id, lost);
      if (outcome.leaseLost && lost < 3) {
        deps.log.info({ shopId: shop.id, attempt: lost + 1 }, "claiming the shop's sync lease again");
        queue.push(shop.id);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, deps.concurrency) }, worker));
  for (const [shopId, problem] of unsynced) reports.push(await unsyncedReport(deps.db, shopId, problem));
  return reports.sort((a, b) => a.shopId - b.shopId);
}

/** A requested shop this run did not sync, as a report whose one error says why. */
async function unsyncedReport(db: Db, shopId: number, problem: string): Promise<SyncReport> {
  const shop = await readLeasedShop(db, shopId);
  const report = emptyReport(shopId, shop?.name ?? `shop ${shopId}`);
  report.errors.push({ resource: "lease", message: `not synced by this run: ${problem}` });
  return report;
}

async function syncLeased(
  deps: LeasedSyncDeps,
  shop: ShopRow,
  client: FinanceProvider,
  claimedAtLocal: number,
): Promise<{ report: SyncReport } | { report?: undefined; leaseLost: boolean; problem: string }> {
  const guard = holdLease(deps, shop.id, claimedAtLocal);
  const startedAt = Date.now();
  deps.log.debug({ shopId: shop.id, owner: deps.owner, startedAt }, "shop sync started");
  try {
    const provider = guardProvider(client, guard);
    const report = await syncShop({ db: deps.db, log: deps.log, clock: deps.clock }, provider, shop);
    const finishedAt = Date.now();
    deps.onSynced?.(report, finishedAt - startedAt);
    // Checked once more before the last word: a holder that lost its lease says so and leaves
    // the row (and its due time) to the replica that has it.
    guard.check();
    deps.log.debug(
      { shopId: shop.id, owner: deps.owner, startedAt, finishedAt, errors: report.errors.length },
      "shop sync finished",
    );
    await releaseLease(deps.db, shop.id, deps.owner, deps.nextDueAt());
    return { report };
  } catch (error) {
    if (error instanceof LeaseLostError || guard.lost) {
      deps.log.warn({ shopId: shop.id, owner: deps.owner }, "sync lease lost; shop left to another replica");
      return { leaseLost: true, problem: "its sync lease ran out before the sync finished" };
    }
    // Not one step's failure (those are in the report) but the sync's own, e.g. the database
    // went away: logged, and the shop is due again at its next time like any other.
    deps.log.error({ err: error, shopId: shop.id }, "shop sync failed");
    await releaseLease(deps.db, shop.id, deps.owner, deps.nextDueAt()).catch(() => {});
    return { leaseLost: false, problem: error instanceof Error ? error.message : String(error) };
  } finally {
    guard.stop();
  }
}
