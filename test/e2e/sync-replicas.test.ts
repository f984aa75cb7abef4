import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/cli/app.ts";
import { loadConfig } from "../../src/config.ts";
import { silentLogger } from "../../src/log.ts";
import { type SandboxShop, startSandboxShop } from "../../src/providers/sandbox/index.ts";
import { openDatabase } from "../../src/storage/database.ts";
import { listAllShops } from "../../src/storage/repos/workspaces.ts";
import { FakeSlack } from "../fakes/slack.ts";
import { type BotProcess, startBot } from "../support/bot-process.ts";
import { createScratchDatabase, sandboxShopEnv } from "../support/cluster.ts";
import { keepLogs } from "../support/log-capture.ts";

/**
 * Sync shared between real bot processes on one real Postgres (issue 17 item 5), against a
 * sandbox seller with many shops that enforces TikTok's 50 requests a second per API and shop
 * and records every request over it. Each process logs when it starts and finishes a shop's
 * sync; from those runs the tests check that no shop is ever synced by two processes at once,
 * that a SIGKILLed process's shops are taken over once its leases expire, and that the sandbox
 * refused nothing while both synced. Needs a Postgres server (CI sets TEST_DATABASE_URL).
 */
const adminUrl = process.env.TEST_DATABASE_URL;
const SHOPS = 12;
const LEASE_SECONDS = 4;

interface Env {
  env: Record<string, string>;
  slack: FakeSlack;
  sandbox: SandboxShop;
  shopIds: number[];
  dropDb: () => Promise<void>;
}

async function prepare(): Promise<Env> {
  const scratch = await createScratchDatabase(adminUrl!, "bb_replicas");
  const slack = await FakeSlack.start({ channels: [] });
  // Enough history that one shop's sync would go over 50 requests a second per API on its own:
  // only the limiter keeps it under, so two processes on one shop would show as violations.
  const sandbox = await startSandboxShop({
    seed: 11,
    shops: SHOPS,
    qps: 50,
    historyDays: 20,
    ordersPerDay: 12,
  });
  const env = {
    ...sandboxShopEnv(sandbox, scratch.url, "bb-replicas-"),
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_APP_TOKEN: slack.appToken,
    SLACK_API_URL: slack.apiUrl,
    SYNC_CRON: "*/2 * * * * *",
    SYNC_LEASE_SECONDS: String(LEASE_SECONDS),
    SYNC_CONCURRENCY: "3",
    LOG_LEVEL: "debug",
  };
  // Bootstrap once (migrations, the stored tokens, the linked shops), as an operator's first start would.
  const database = await openDatabase({ url: scratch.url, max: 2 });
  const app = await createApp(loadConfig(env), { log: silentLogger(), database });
  const shopIds = (await listAllShops(database.db)).map((s) => s.id);
  await app.close();
  return { env, slack, sandbox, shopIds, dropDb: scratch.drop };
}

interface SyncRun {
  process: string;
  shopId: number;
  start: number;
  /** Undefined while running (or when the process was killed mid-sync). */
  end: number | undefined;
}

/** Every shop sync a process logged: started, and finished if it did. */
function runsOf(name: string, bot: BotProcess): SyncRun[] {
  const runs = new Map<string, SyncRun>();
  for (const line of bot.logs) {
    if (line.msg !== "shop sync started" && line.msg !== "shop sync finished") continue;
    const key = `${line.shopId}:${line.startedAt}`;
    const run = runs.get(key) ?? {
      process: name,
      shopId: Number(line.shopId),
      start: Number(line.startedAt),
      end: undefined,
    };
    if (line.msg === "shop sync finished") run.end = Number(line.finishedAt);
    runs.set(key, run);
  }
  return [...runs.values()];
}

/** Pairs of runs of one shop that overlap in time (a run still open counts as running until `until`). */
function overlaps(runs: SyncRun[], until: number): [SyncRun, SyncRun][] {
  const found: [SyncRun, SyncRun][] = [];
  for (const [i, a] of runs.entries()) {
    for (const b of runs.slice(i + 1)) {
      if (a.shopId !== b.shopId) continue;
      if (a.start < (b.end ?? until) && b.start < (a.end ?? until)) found.push([a, b]);
    }
  }
  return found;
}

const connected = (line: Record<string, unknown>) => /slack connected/i.test(String(line.msg));

function secretValues(env: Record<string, string>): string[] {
  return [
    "SLACK_BOT_TOKEN",
    "SLACK_APP_TOKEN",
    "TIKTOK_APP_SECRET",
    "TIKTOK_ACCESS_TOKEN",
    "TIKTOK_REFRESH_TOKEN",
    "ENCRYPTION_KEY",
  ].map((k) => env[k] ?? "");
}

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.skipIf(!adminUrl)("sync shared by two bot processes (real processes, real Postgres)", () => {
  let ctx: Env;
  beforeAll(async () => {
    ctx = await prepare();
  }, 60_000);
  afterAll(async () => {
    await ctx?.slack.close();
    await ctx?.sandbox.close();
    await ctx?.dropDb();
  });

  it("shares the shops, never syncs one shop in two processes at once, and keeps the rate limit", {
    timeout: 180_000,
  }, async () => {
    const a = startBot(["start"], ctx.env);
    const b = startBot(["start"], ctx.env);
    const runs = () => [...runsOf("a", a), ...runsOf("b", b)];
    const finishedPerShop = () => {
      const counts = new Map<number, number>();
      for (const run of runs())
        if (run.end !== undefined) counts.set(run.shopId, (counts.get(run.shopId) ?? 0) + 1);
      return counts;
    };
    try {
      await Promise.all([a.waitForLog(connected, 60_000), b.waitForLog(connected, 60_000)]);
      // Every shop synced at least three times (the first sync and two due fires), between them.
      await until(
        () => ctx.shopIds.every((id) => (finishedPerShop().get(id) ?? 0) >= 3),
        150_000,
        "every shop synced three times",
      );
      const all = runs();
      expect(overlaps(all, Date.now())).toEqual([]);
      // Both processes did part of the work: the leases shared it out.
      expect(all.filter((r) => r.process === "a" && r.end !== undefined).length).toBeGreaterThan(0);
      expect(all.filter((r) => r.process === "b" && r.end !== undefined).length).toBeGreaterThan(0);
      // The first syncs alone send hundreds of requests per shop; the sandbox refused none.
      expect(ctx.sandbox.received()).toBeGreaterThan(SHOPS * 50);
      expect(ctx.sandbox.violations()).toEqual([]);
    } finally {
      await Promise.all([a.kill("SIGTERM"), b.kill("SIGTERM")]);
      keepLogs([...a.logs, ...b.logs], secretValues(ctx.env));
    }
  });
});

describe.skipIf(!adminUrl)("a SIGKILLed replica's shops (real processes, real Postgres)", () => {
  let ctx: Env;
  beforeAll(async () => {
    ctx = await prepare();
  }, 60_000);
  afterAll(async () => {
    await ctx?.slack.close();
    await ctx?.sandbox.close();
    await ctx?.dropDb();
  });

  it("are synced by the other replica once their leases expire, never while the killed one held them", {
    timeout: 180_000,
  }, async () => {
    // Slow answers, so a shop's sync takes longer than a lease and the kill lands mid-sync.
    ctx.sandbox.faults.latencyMs(250);
    const a = startBot(["start"], ctx.env);
    const b = startBot(["start"], ctx.env);
    try {
      await Promise.all([a.waitForLog(connected, 60_000), b.waitForLog(connected, 60_000)]);
      await until(() => runsOf("a", a).some((r) => r.end === undefined), 60_000, "a sync running in a");
      const killedAt = Date.now();
      await a.kill("SIGKILL");
      const orphaned = runsOf("a", a).filter((r) => r.end === undefined);
      expect(orphaned.length).toBeGreaterThan(0);
      // b finishes a sync of each shop a was syncing when it died.
      const takenOver = () =>
        orphaned.map((o) => runsOf("b", b).find((r) => r.shopId === o.shopId && r.start >= o.start && r.end));
      await until(() => takenOver().every(Boolean), 120_000, "b to take over the killed replica's shops");
      for (const run of takenOver()) {
        // Not before a's lease ran out: a renewed it every third of LEASE_SECONDS until the kill.
        expect(run!.start - killedAt).toBeGreaterThanOrEqual((LEASE_SECONDS * 1000 * 2) / 3 - 300);
      }
      expect(overlaps([...runsOf("a", a), ...runsOf("b", b)], killedAt)).toEqual([]);
      expect(ctx.sandbox.violations()).toEqual([]);
    } finally {
      ctx.sandbox.faults.latencyMs(0);
      await Promise.all([a.kill("SIGTERM"), b.kill("SIGTERM")]);
      keepLogs([...a.logs, ...b.logs], secretValues(ctx.env));
    }
  });
});
