import { once } from "node:events";
import { finished } from "node:stream/promises";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { createTikTokClient } from "../src/providers/tiktok/client.ts";
import { noRateLimit } from "../src/providers/tiktok/rate-limit.ts";
import { regionTimezone } from "../src/providers/tiktok/regions.ts";
import type { Db } from "../src/storage/database.ts";
import { refreshRollups } from "../src/storage/repos/finance.ts";
import {
  authorizationTokenStore,
  shopsOfAuthorization,
  upsertAuthorization,
  upsertShop,
} from "../src/storage/repos/shops.ts";
import { regionCurrency } from "../src/sync/currency.ts";
import { type SyncReport, syncShop } from "../src/sync/sync-shop.ts";
import { nullLogger } from "./lib/app.ts";
import { type Figure, ratioOf } from "./lib/figure.ts";
import { startRemoteSandbox } from "./lib/remote-sandbox.ts";
import { openScratch } from "./lib/scratch-db.ts";
import { round2 } from "./lib/stats.ts";
import { timedProvider } from "./lib/timed-provider.ts";

/** Sandbox volume: 2 shops × ~HISTORY_DAYS × ~ORDERS_PER_DAY × ~1.06 ≈ 200k statement transactions. */
const ORDERS_PER_DAY = Number(process.env.BENCH_SYNC_ORDERS_PER_DAY ?? 940);
const HISTORY_DAYS = 100;

/**
 * Sync ingest rate: the real TikTok client pages ~200k statement transactions out of the sandbox
 * shop (served by a child process, like a remote API) and `syncShop` writes them to Postgres
 * (statements, transactions, rollups, events; products off). Limit: COPY of the same rows into a
 * scratch copy of statement_transactions (same columns, keys and indexes), on the same server.
 */
export async function benchSyncIngest(): Promise<Figure[]> {
  const sandbox = await startRemoteSandbox({ ordersPerDay: ORDERS_PER_DAY, historyDays: HISTORY_DAYS });
  const scratch = await openScratch("postgres");
  try {
    const { db } = scratch.database;
    const log = nullLogger();
    const authorizationId = await upsertAuthorization(db, {
      provider: "sandbox",
      openId: "sandbox-seller",
      tokens: sandbox.tokens,
      key: undefined,
      sellerName: "Sandbox Seller",
    });
    const client = createTikTokClient({
      appKey: sandbox.appKey,
      appSecret: sandbox.appSecret,
      apiUrl: sandbox.url,
      authUrl: sandbox.url,
      tokens: authorizationTokenStore(db, authorizationId, undefined),
      log,
      // Measures our ingest, not TikTok's limit: against the real API, 50 requests/s per endpoint
      // and shop at 100 rows a page caps one shop at 5,000 rows/s whatever the bot does.
      rateLimiter: noRateLimit,
    });
    for (const shop of await client.listShops()) {
      await upsertShop(db, {
        provider: "sandbox",
        shop,
        timezone: regionTimezone(shop.region),
        currency: regionCurrency(shop.region),
        authorizationId,
      });
    }
    const { provider, times } = timedProvider(client);
    const deps = { db, log, clock: () => new Date(), historyDays: HISTORY_DAYS, productBatch: 0 };
    const reports: SyncReport[] = [];
    const started = performance.now();
    for (const shop of await shopsOfAuthorization(db, authorizationId)) {
      reports.push(await syncShop(deps, provider, shop));
    }
    const syncMs = performance.now() - started;
    const errors = reports.flatMap((r) => r.errors);
    if (errors.length > 0) throw new Error(`sync failed: ${JSON.stringify(errors)}`);
    const rows = reports.reduce((n, r) => n + r.transactions, 0);
    const statements = reports.reduce((n, r) => n + r.statements, 0);

    const copyMs = await copyLimit(scratch.where);
    const rate = rows / (syncMs / 1000);
    const copyRate = rows / (copyMs / 1000);
    const waitingMs = times.statements + times.payouts + times.statementTransactions + times.other;
    const rollupMs = await timeRollupRefresh(scratch.database.db);
    return [
      {
        name: "sync ingest · postgres",
        value: Math.round(rate),
        unit: "rows/s",
        limit: Math.round(copyRate),
        ratio: ratioOf(rate, copyRate),
        goal: "≥ 50% of COPY",
        met: rate >= 0.5 * copyRate,
        note:
          `${rows} transactions / ${statements} statements in ${round2(syncMs / 1000)} s; COPY ${round2(copyMs / 1000)} s. ` +
          `Waiting on the sandbox API ${round2(waitingMs / 1000)} s (transactions ${round2(times.statementTransactions / 1000)} s), ` +
          `the rest (DB writes, rollups, events) ${round2((syncMs - waitingMs) / 1000)} s; one refreshRollups of a 100-day page ${round2(rollupMs)} ms`,
      },
    ];
  } finally {
    await scratch.dispose();
    await sandbox.close();
  }
}

/**
 * COPY the synced rows out (untimed), then time COPY … FROM STDIN into a scratch copy of the
 * table on a second connection, honouring backpressure.
 */
async function copyLimit(url: string): Promise<number> {
  const out = postgres(url, { max: 1, onnotice: () => {} });
  const into = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await out.unsafe("create table statement_transactions_copy (like statement_transactions including all)");
    const chunks: Buffer[] = [];
    for await (const chunk of await out`copy statement_transactions to stdout`.readable())
      chunks.push(chunk as Buffer);
    const started = performance.now();
    const sink = await into`copy statement_transactions_copy from stdin`.writable();
    for (const chunk of chunks) if (!sink.write(chunk)) await once(sink, "drain");
    sink.end();
    await finished(sink);
    const ms = performance.now() - started;
    await out.unsafe("drop table statement_transactions_copy");
    return ms;
  } finally {
    await out.end({ timeout: 5 });
    await into.end({ timeout: 5 });
  }
}

/** How long one refreshRollups over 100 days takes on the synced data (the sync runs one per statements page). */
async function timeRollupRefresh(db: Db): Promise<number> {
  const rows = await db.execute<{ shop_id: number; day: string }>(
    sql`select shop_id, day::text as day from statements order by shop_id, day limit 100`,
  );
  const list = [...(rows as unknown as Iterable<{ shop_id: number; day: string }>)];
  const first = list[0];
  if (!first) return 0;
  const started = performance.now();
  await refreshRollups(
    db,
    first.shop_id,
    list.filter((r) => r.shop_id === first.shop_id).map((r) => r.day),
  );
  return performance.now() - started;
}
