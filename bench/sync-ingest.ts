import { once } from "node:events";
import { finished } from "node:stream/promises";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { localDate } from "../src/core/periods.ts";
import type { ReadPage, StatementTransactionRecord } from "../src/providers/port.ts";
import { createTikTokClient } from "../src/providers/tiktok/client.ts";
import { createRateLimiter, noRateLimit, type RateLimiter } from "../src/providers/tiktok/rate-limit.ts";
import { regionTimezone } from "../src/providers/tiktok/regions.ts";
import type { Db } from "../src/storage/database.ts";
import {
  authorizationTokenStore,
  shopsOfAuthorization,
  upsertAuthorization,
  upsertShop,
} from "../src/storage/repos/shops.ts";
import type { ShopRow } from "../src/storage/repos/workspaces.ts";
import { regionCurrency } from "../src/sync/currency.ts";
import { syncShop, writeStatementTransactions } from "../src/sync/sync-shop.ts";
import { nullLogger } from "./lib/app.ts";
import { type Figure, ratioOf } from "./lib/figure.ts";
import { type RemoteSandbox, type SandboxStats, startRemoteSandbox } from "./lib/remote-sandbox.ts";
import { openScratch } from "./lib/scratch-db.ts";
import { median, round2 } from "./lib/stats.ts";
import { timedProvider } from "./lib/timed-provider.ts";

/** Storage volume: 3 sandbox shops × HISTORY_DAYS × ~ORDERS_PER_DAY × ~1.06 statement transactions. */
const ORDERS_PER_DAY = Number(process.env.BENCH_SYNC_ORDERS_PER_DAY ?? 600);
const HISTORY_DAYS = 100;
/** End to end: one shop, a shorter history (the bound is a rate; three runs must stay short). */
const E2E_DAYS = Number(process.env.BENCH_E2E_DAYS ?? 12);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** TikTok's limit per API and shop (reference §4.3), which the sandbox enforces end to end. */
const QPS = 50;
const PAGE_SIZE = 100;
const COPY_TIMEOUT_MS = 120_000;

interface Batch {
  shopId: number;
  statement: { id: string; day: string };
  rows: ReadPage<StatementTransactionRecord>;
}

/**
 * Two figures. Storage: statement transactions already fetched and parsed, written through the
 * sync's own write path (`writeStatementTransactions`, one transaction per statement) into
 * Postgres, against COPY of the same rows into the same table in the same run. End to end: a
 * first sync of one shop against the sandbox enforcing 50 requests/s per API and shop, against
 * the API bound (the busiest endpoint's pages ÷ 50 per second). Each is the median of RUNS runs.
 */
export async function benchSyncIngest(): Promise<Figure[]> {
  return [...(await benchStorage()), ...(await benchEndToEnd())];
}

async function seed(db: Db, sandbox: RemoteSandbox, limiter: RateLimiter) {
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
    rateLimiter: limiter,
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
  return { client, shops: await shopsOfAuthorization(db, authorizationId), log };
}

async function benchStorage(): Promise<Figure[]> {
  const sandbox = await startRemoteSandbox({ ordersPerDay: ORDERS_PER_DAY, historyDays: HISTORY_DAYS });
  const scratch = await openScratch("postgres");
  try {
    const { db } = scratch.database;
    const { client, shops } = await seed(db, sandbox, noRateLimit);
    const batches = await fetchAll(client, shops);
    const rows = batches.reduce((n, b) => n + b.rows.length, 0);
    const copyText = copyChunks(batches);
    const writeMs: number[] = [];
    const copyMs: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await truncate(db);
      let started = performance.now();
      for (const b of batches)
        await writeStatementTransactions(db, b.shopId, b.statement, b.rows, new Date());
      writeMs.push(performance.now() - started);
      started = performance.now();
      // Idempotence is part of the path: writing the same pages again changes nothing.
      for (const b of batches.slice(0, 5))
        await writeStatementTransactions(db, b.shopId, b.statement, b.rows, new Date());
      await expectRows(db, rows);
      await truncate(db);
      copyMs.push(await copyInto(scratch.where, copyText));
      await expectRows(db, rows);
    }
    const write = median(writeMs);
    const copy = median(copyMs);
    const rate = rows / (write / 1000);
    const copyRate = rows / (copy / 1000);
    return [
      {
        name: "sync storage write path · postgres",
        value: Math.round(rate),
        unit: "rows/s",
        limit: Math.round(copyRate),
        ratio: ratioOf(rate, copyRate),
        goal: "≥ 0.5 of COPY",
        met: rate >= 0.5 * copyRate,
        note:
          `median of ${RUNS} runs: ${rows} parsed statement transactions (${batches.length} statements, 3 shops) through writeStatementTransactions, one transaction per statement, ` +
          `runs ${writeMs.map((ms) => round2(ms / 1000)).join("/")} s; limit COPY FROM STDIN of the same rows into the same table (same keys and indexes), runs ${copyMs.map((ms) => round2(ms / 1000)).join("/")} s`,
      },
    ];
  } finally {
    await scratch.dispose();
    await sandbox.close();
  }
}

async function benchEndToEnd(): Promise<Figure[]> {
  const sandbox = await startRemoteSandbox({
    ordersPerDay: ORDERS_PER_DAY * 2,
    historyDays: E2E_DAYS,
    qps: QPS,
  });
  const runs: { rate: number; bound: number; seconds: number; rows: number; waitingMs: number }[] = [];
  let stats: SandboxStats | undefined;
  try {
    for (let run = 0; run < RUNS; run++) {
      const scratch = await openScratch("postgres");
      try {
        const { db } = scratch.database;
        // The limiter every TikTok client in the bot shares (50/s per API and shop, burst 10), fresh per run.
        const { client, shops, log } = await seed(
          db,
          sandbox,
          createRateLimiter({ perSecond: QPS, burst: 10 }),
        );
        const shop = shops[0]!;
        const { provider, times } = timedProvider(client);
        const started = performance.now();
        const report = await syncShop(
          { db, log, clock: () => new Date(), historyDays: E2E_DAYS, productBatch: 0 },
          provider,
          shop,
        );
        const ms = performance.now() - started;
        if (report.errors.length > 0) throw new Error(`sync failed: ${JSON.stringify(report.errors)}`);
        const pages = await pagesByEndpoint(db, shop.id);
        const boundSeconds = Math.max(...Object.values(pages)) / QPS;
        runs.push({
          rate: report.transactions / (ms / 1000),
          bound: report.transactions / boundSeconds,
          seconds: ms / 1000,
          rows: report.transactions,
          waitingMs: times.any,
        });
      } finally {
        await scratch.dispose();
      }
    }
  } finally {
    stats = await sandbox.close();
  }
  const rate = median(runs.map((r) => r.rate));
  const bound = median(runs.map((r) => r.bound));
  const mid = [...runs].sort((a, b) => a.rate - b.rate)[Math.floor(runs.length / 2)]!;
  return [
    {
      name: "sync end to end · first sync, one shop, 50 req/s enforced",
      value: Math.round(rate),
      unit: "rows/s",
      limit: Math.round(bound),
      ratio: ratioOf(rate, bound),
      goal: "≥ 0.9 of the API bound",
      met: rate >= 0.9 * bound,
      note:
        `median of ${RUNS} runs (${runs.map((r) => round2(r.seconds)).join("/")} s), ${mid.rows} transactions over ${E2E_DAYS} days; ` +
        `bound = rows ÷ (busiest endpoint's pages of ${PAGE_SIZE} ÷ ${QPS}/s); median run waited on the API ${round2(mid.waitingMs / 1000)} s of ${round2(mid.seconds)} s (time with ≥ 1 request outstanding, counted once); the sandbox answered ${stats?.throttled ?? "?"} of ${Object.values(stats?.requestsByApi ?? {}).reduce((a, b) => a + b, 0)} requests 429 over the ${RUNS} runs`,
    },
  ];
}

/** Requests a first sync needs per endpoint (pages of PAGE_SIZE), from what it stored. */
async function pagesByEndpoint(db: Db, shopId: number): Promise<Record<string, number>> {
  const result = await db.execute<{ transactions: number; statements: number; payouts: number }>(sql`
    select
      (select coalesce(sum(ceil(n / ${PAGE_SIZE}::numeric)), 0)::int from
        (select count(*) as n from statement_transactions where shop_id = ${shopId} group by statement_id) t) as transactions,
      (select ceil(count(*) / ${PAGE_SIZE}::numeric)::int from statements where shop_id = ${shopId}) as statements,
      (select ceil(count(*) / ${PAGE_SIZE}::numeric)::int from payouts where shop_id = ${shopId}) as payouts
  `);
  const [row] = [...(result as unknown as Iterable<Record<string, number>>)];
  return { ...row };
}

async function fetchAll(client: ReturnType<typeof createTikTokClient>, shops: ShopRow[]): Promise<Batch[]> {
  const batches: Batch[] = [];
  const to = new Date(Date.now() + 86_400_000);
  const from = new Date(Date.now() - (HISTORY_DAYS + 1) * 86_400_000);
  for (const shop of shops) {
    const ref = { externalId: shop.externalId, cipher: shop.cipher ?? "", region: shop.region };
    for await (const page of client.statements(ref, { from, to })) {
      for (const s of page) {
        const rows: StatementTransactionRecord[] = [];
        for await (const p of client.statementTransactions(ref, s.id)) rows.push(...p);
        batches.push({
          shopId: shop.id,
          statement: { id: s.id, day: localDate(s.statementTime, shop.timezone) },
          rows,
        });
      }
    }
  }
  return batches;
}

async function truncate(db: Db): Promise<void> {
  await db.execute(sql`truncate statement_transactions, read_anomalies`);
}

async function expectRows(db: Db, rows: number): Promise<void> {
  const result = await db.execute<{ n: number }>(sql`select count(*)::int as n from statement_transactions`);
  const n = [...(result as unknown as Iterable<{ n: number }>)][0]?.n;
  if (n !== rows) throw new Error(`expected ${rows} rows after the write, found ${n}`);
}

const COLUMNS =
  "shop_id, id, statement_id, day, type, order_id, adjustment_id, order_create_time, currency, settlement, revenue, shipping, fee_tax, adjustment, reserve, reserve_status, breakdown, raw";

/** COPY text format: tab-separated, \N for null, backslash escapes (built before the clock starts). */
function copyChunks(batches: Batch[]): Buffer[] {
  const field = (v: string | null | undefined) =>
    v === null || v === undefined
      ? "\\N"
      : v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
  const chunks: Buffer[] = [];
  for (const b of batches) {
    const lines = b.rows.map((r) =>
      [
        String(b.shopId),
        r.id,
        b.statement.id,
        b.statement.day,
        r.type,
        r.orderId,
        r.adjustmentId,
        r.orderCreateTime?.toISOString() ?? null,
        r.currency,
        r.settlement,
        r.revenue,
        r.shipping,
        r.feeTax,
        r.adjustment,
        r.reserve,
        r.reserveStatus,
        r.breakdown ? JSON.stringify(r.breakdown) : null,
        null,
      ]
        .map(field)
        .join("\t"),
    );
    chunks.push(Buffer.from(`${lines.join("\n")}\n`));
  }
  return chunks;
}

/**
 * COPY … FROM STDIN on a fresh connection, honouring backpressure. The text is built from the
 * parsed rows (no COPY … TO STDOUT first: that export is what sometimes hung), and a timeout
 * turns a stuck COPY into an error instead of a bench that never ends.
 */
async function copyInto(url: string, chunks: Buffer[]): Promise<number> {
  const into = postgres(url, { max: 1, onnotice: () => {} });
  let timer: NodeJS.Timeout | undefined;
  try {
    const started = performance.now();
    const copy = (async () => {
      const sink = await into.unsafe(`copy statement_transactions (${COLUMNS}) from stdin`).writable();
      for (const chunk of chunks) if (!sink.write(chunk)) await once(sink, "drain");
      sink.end();
      await finished(sink);
    })();
    await Promise.race([
      copy,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`COPY did not finish in ${COPY_TIMEOUT_MS / 1000} s`)),
          COPY_TIMEOUT_MS,
        );
      }),
    ]);
    return performance.now() - started;
  } finally {
    clearTimeout(timer);
    await into.end({ timeout: 5 });
  }
}
