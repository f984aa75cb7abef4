/**
 * A thousand shops on two replicas (issue 17 item 5): the sandbox seller with 1,000 small shops
 * (its own process, enforcing 50 requests a second per API and shop), one Postgres, and two
 * `balance-bot sync` processes started together. Each claims shops through the sync leases until
 * none is left, so between them they sync every shop once.
 *
 * Figures: shops synced per minute against the API bound (what the two processes could reach if
 * only TikTok's limit held them back: each shop's busiest API at 50 requests a second, with
 * SYNC_CONCURRENCY shops in flight per process), the lag of the slowest shop (from the start to
 * its sync's end), and the requests the sandbox refused (the limit held across processes).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { createApp } from "../src/cli/app.ts";
import { loadConfig } from "../src/config.ts";
import { silentLogger } from "../src/log.ts";
import { openDatabase } from "../src/storage/database.ts";
import { type Figure, ratioOf } from "./lib/figure.ts";
import { startRemoteSandbox } from "./lib/remote-sandbox.ts";
import { createScratchPostgres } from "./lib/scratch-db.ts";
import { spawnNode } from "./lib/spawn-bot.ts";

const SHOPS = 1000;
const PROCESSES = 2;
const CONCURRENCY = 8;
const QPS = 50;

export async function benchReplicas(): Promise<Figure[]> {
  const scratch = await createScratchPostgres();
  // Small shops (3 days, 2 orders a day): the figure is about sharing shops, not ingest.
  const sandbox = await startRemoteSandbox({ ordersPerDay: 2, historyDays: 3, qps: QPS, shops: SHOPS });
  let closed = false;
  try {
    const env = {
      DATABASE_URL: scratch.url,
      DATA_DIR: mkdtempSync(join(tmpdir(), "bench-replicas-")),
      TIKTOK_APP_KEY: sandbox.appKey,
      TIKTOK_APP_SECRET: sandbox.appSecret,
      TIKTOK_API_URL: sandbox.url,
      TIKTOK_AUTH_URL: sandbox.url,
      TIKTOK_ACCESS_TOKEN: sandbox.tokens.accessToken,
      TIKTOK_REFRESH_TOKEN: sandbox.tokens.refreshToken,
      ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      SYNC_CONCURRENCY: String(CONCURRENCY),
      LOG_LEVEL: "warn",
    };
    // First start: migrations, the bootstrap tokens, the 1,000 linked shops.
    const database = await openDatabase({ url: scratch.url, max: 2 });
    const app = await createApp(loadConfig(env), { log: silentLogger(), database });
    await app.close();

    const sql = postgres(scratch.url, { max: 1, onnotice: () => {} });
    const [{ start }] = (await sql`select now() as start`) as unknown as [{ start: Date }];
    const t0 = performance.now();
    const bots = Array.from({ length: PROCESSES }, () => spawnNode(["bin/balance-bot.mjs", "sync"], env));
    await Promise.all(bots.map((b) => b.exited));
    const elapsedS = (performance.now() - t0) / 1000;
    const [lag] = (await sql`
      select count(*)::int as synced,
        extract(epoch from max(last_synced_at) - ${start}::timestamptz)::float8 as slowest_s
      from shop_sync_leases where last_synced_at >= ${start}::timestamptz`) as unknown as [
      { synced: number; slowest_s: number },
    ];
    await sql.end();
    const stats = await sandbox.close();
    closed = true;

    const busiest = Math.max(...Object.values(stats?.requestsByApi ?? {}).map((n) => n / SHOPS), 1);
    const total = Object.values(stats?.requestsByApi ?? {}).reduce((a, b) => a + b, 0);
    // A shop's sync takes at least its busiest API's requests at 50 a second.
    const boundPerMin = (PROCESSES * CONCURRENCY * 60) / (busiest / QPS);
    const perMin = (lag.synced / elapsedS) * 60;
    const setting = `${SHOPS} sandbox shops (3 days, 2 orders a day each), ${PROCESSES} \`balance-bot sync\` processes × SYNC_CONCURRENCY ${CONCURRENCY}, one Postgres, sandbox in its own process enforcing ${QPS} req/s per API and shop`;
    return [
      {
        name: `replicas · ${SHOPS} shops, ${PROCESSES} processes · shops synced per minute`,
        value: Math.round(perMin),
        unit: "shops/min",
        limit: Math.round(boundPerMin),
        ratio: ratioOf(perMin, boundPerMin),
        goal: "reported (against the API bound)",
        met: null,
        note: `${setting}; ${lag.synced} shops synced in ${elapsedS.toFixed(1)} s; ${total} requests, busiest API ${busiest.toFixed(1)} requests per shop, so the API bound is ${PROCESSES}×${CONCURRENCY} shops in flight each taking ≥ ${(busiest / QPS).toFixed(2)} s`,
      },
      {
        name: `replicas · ${SHOPS} shops, ${PROCESSES} processes · lag of the slowest shop`,
        value: Math.round(lag.slowest_s * 10) / 10,
        unit: "s",
        limit: null,
        ratio: null,
        goal: "≤ one sync interval (15 min)",
        met: lag.slowest_s <= 900,
        note: `from the start of both processes to the end of the last shop's sync (database clock), all ${SHOPS} due at once`,
      },
      {
        name: `replicas · ${SHOPS} shops, ${PROCESSES} processes · requests over the limit`,
        value: stats?.throttled ?? null,
        unit: "429s",
        limit: 0,
        ratio: null,
        goal: "0 (the per-shop limit holds across processes)",
        met: stats ? stats.throttled === 0 : null,
        note: "requests the sandbox refused for going over 50 a second per API and shop",
      },
    ];
  } finally {
    if (!closed) await sandbox.close();
    await scratch.drop();
  }
}
