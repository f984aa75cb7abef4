import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SandboxShop, startSandboxShop } from "../../src/providers/sandbox/index.ts";
import { openDatabase } from "../../src/storage/database.ts";
import { startBot } from "../support/bot-process.ts";
import { keepLogs } from "../support/log-capture.ts";
import { canRunPrivatePostgres, startPrivatePostgres } from "../support/private-postgres.ts";

/** The bot as an operator runs it: a real process on a real Postgres server that can fail. */
let pg: Awaited<ReturnType<typeof startPrivatePostgres>>;
let sandbox: SandboxShop;
const NOW = new Date();

function envFor(url: string): Record<string, string> {
  const tokens = sandbox.bootstrapTokens();
  return {
    DATABASE_URL: url,
    DATA_DIR: mkdtempSync(join(tmpdir(), "bb-rel-")),
    TIKTOK_APP_KEY: sandbox.appKey,
    TIKTOK_APP_SECRET: sandbox.appSecret,
    TIKTOK_API_URL: sandbox.url,
    TIKTOK_AUTH_URL: sandbox.url,
    TIKTOK_ACCESS_TOKEN: tokens.accessToken,
    TIKTOK_REFRESH_TOKEN: tokens.refreshToken,
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    // A killed run's shop lease ends after this; the restart waits it out (src/sync/leased-sync.ts).
    SYNC_LEASE_SECONDS: "5",
  };
}

const SECRET_KEYS = ["TIKTOK_APP_SECRET", "TIKTOK_ACCESS_TOKEN", "TIKTOK_REFRESH_TOKEN", "ENCRYPTION_KEY"];

async function createDb(name: string): Promise<string> {
  const admin = await openDatabase({ url: pg.url, max: 1 });
  await admin.db.execute(sql.raw(`create database ${name}`));
  await admin.close();
  return pg.url.replace(/\/postgres$/, `/${name}`);
}

async function fingerprint(url: string) {
  const database = await openDatabase({ url, max: 1 });
  try {
    const result = await database.db.execute(sql`
      select (select count(*)::int from statements) as statements,
             (select count(*)::int from statement_transactions) as transactions,
             (select count(*)::int from payouts) as payouts,
             (select coalesce(sum(settlement), 0)::text from statements) as settled,
             (select count(*)::int from statements s where exists (
                select 1 from statement_transactions t where t.shop_id = s.shop_id and t.statement_id = s.id
                group by t.statement_id having sum(t.settlement) <> s.settlement)) as partial`);
    return (result as unknown as Record<string, unknown>[])[0];
  } finally {
    await database.close();
  }
}

/** Waits until the bot has written its first statements (the schema exists and a page landed). */
async function waitForRows(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  const database = await openDatabase({ url, max: 1 });
  try {
    while (Date.now() < until) {
      const [row] = (await database.db.execute(
        sql`select to_regclass('statements') is not null as ready`,
      )) as unknown as { ready: boolean }[];
      if (row?.ready) {
        const [count] = (await database.db.execute(
          sql`select count(*)::int as n from statements`,
        )) as unknown as { n: number }[];
        if ((count?.n ?? 0) > 0) return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the bot wrote no statements within ${timeoutMs} ms`);
  } finally {
    await database.close();
  }
}

describe.skipIf(!canRunPrivatePostgres)("reliability with a real Postgres server", () => {
  beforeAll(async () => {
    pg = await startPrivatePostgres();
    sandbox = await startSandboxShop({
      seed: 11,
      startAt: NOW,
      now: () => NOW,
      historyDays: 30,
      ordersPerDay: 10,
    });
  });
  afterAll(async () => {
    await sandbox?.close();
    pg?.destroy();
  });

  it("SIGKILL during a sync, then a restart: nothing lost, nothing doubled", {
    timeout: 120_000,
  }, async () => {
    const reference = await createDb("reference");
    const victim = await createDb("victim");
    const ok = startBot(["sync"], envFor(reference));
    expect(await new Promise((r) => ok.child.once("exit", r))).toBe(0);
    sandbox.faults.latencyMs(40);
    const env = envFor(victim);
    const killed = startBot(["sync"], env);
    // Kill it mid-sync: once its first pages are written, not after a fixed delay (a busy machine
    // may not have migrated yet after 2.5 s).
    await waitForRows(victim, 60_000);
    await killed.kill("SIGKILL");
    sandbox.faults.reset();
    const partway = await fingerprint(victim);
    expect(partway?.partial).toBe(0);
    const again = startBot(["sync"], env);
    const code = await new Promise<number | null>((r) => again.child.once("exit", r));
    keepLogs(
      [...killed.logs, ...again.logs],
      SECRET_KEYS.map((k) => env[k]!),
    );
    // On a mismatch, what the restarted run said it synced (and what it could not).
    expect(code, again.stdout()).toBe(0);
    expect(await fingerprint(victim), again.stdout()).toEqual(await fingerprint(reference));
  });

  it("Postgres restarted under a running bot: 'try again' while down, then recovers by itself", {
    timeout: 120_000,
  }, async () => {
    const url = await createDb("restart");
    const env = envFor(url);
    const bot = startBot(["start"], env);
    const ask = () => bot.child.stdin!.write("/balance\n");
    const answers = () =>
      bot
        .stdout()
        .split("\n\n")
        .filter((b) => b.trim());
    const waitFor = async (what: RegExp, timeoutMs: number, poke: boolean) => {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        if (what.test(bot.stdout())) return;
        if (poke) ask();
        await new Promise((r) => setTimeout(r, 1000));
      }
      throw new Error(`no ${what} in:\n${bot.stdout().slice(-2000)}`);
    };
    try {
      ask();
      await waitFor(/Balance · 3 shops/, 60_000, false);
      pg.stop();
      ask();
      await waitFor(/database is not reachable right now; your command did nothing/, 30_000, false);
      expect(bot.child.exitCode).toBeNull();
      pg.start();
      const before = answers().filter((a) => a.includes("Balance · 3 shops")).length;
      const until = Date.now() + 30_000;
      while (
        answers().filter((a) => a.includes("Balance · 3 shops")).length === before &&
        Date.now() < until
      ) {
        ask();
        await new Promise((r) => setTimeout(r, 1000));
      }
      expect(answers().filter((a) => a.includes("Balance · 3 shops")).length).toBeGreaterThan(before);
      bot.child.stdin!.end();
      const code = await new Promise<number | null>((r) => bot.child.once("exit", r));
      expect(code).toBe(0);
    } finally {
      await bot.kill("SIGKILL");
      keepLogs(
        bot.logs,
        SECRET_KEYS.map((k) => env[k]!),
      );
    }
  });
});
