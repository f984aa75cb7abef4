import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConsoleDelivery } from "../../src/adapters/console/deliver.ts";
import { type App, createApp } from "../../src/cli/app.ts";
import { ensureDemoAlerts } from "../../src/cli/demo-rules.ts";
import { jobDeps } from "../../src/cli/job-deps.ts";
import { loadConfig } from "../../src/config.ts";
import { silentLogger } from "../../src/log.ts";
import { buildJobs } from "../../src/scheduler/job-table.ts";
import type { Database } from "../../src/storage/database.ts";
import { readSandboxEpoch } from "../../src/storage/repos/sandbox-clock.ts";
import { createTestDatabase } from "../support/db.ts";

// One simulated day per real second. The real clock is injected, so "a minute" costs no waiting.
const SPEED = "86400";
const SYNC_EVERY_MS = 10_000;
const dataDir = mkdtempSync(join(tmpdir(), "balance-clock-"));
const config = loadConfig({ DATA_DIR: dataDir, SANDBOX_SPEED: SPEED });
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
  rmSync(dataDir, { recursive: true, force: true });
});
/** The same database for both runs: a restart keeps it, the app's close() must not end it. */
const kept = () => ({ ...database, close: async () => {} });

/** Runs the sync job (sync, alerts, outbox) every 10 real seconds for up to a minute; the alerts seen. */
async function aMinuteOfJobs(app: App, real: { ms: number }): Promise<string[]> {
  const seen: string[] = [];
  // Each run syncs every shop, as a sync fire does once a shop is due: the simulated minute here
  // passes in no real time, and due times are real time.
  const deps = { ...jobDeps(app), syncDue: () => app.syncAll() };
  const sync = buildJobs(deps, { console: createConsoleDelivery((text) => seen.push(text)) }).find(
    (j) => j.name === "sync",
  )!;
  for (let waited = 0; waited < 60_000 && !seen.some((t) => t.includes("Payout arrived")); ) {
    real.ms += SYNC_EVERY_MS;
    waited += SYNC_EVERY_MS;
    await sync.run();
  }
  return seen;
}

describe("one sandbox clock for the whole bot, kept across restarts", () => {
  it("with SANDBOX_SPEED=86400 a payout alert arrives within a minute, and again after a restart", {
    timeout: 180_000,
  }, async () => {
    const real = { ms: Date.parse("2026-12-01T09:00:00Z") };
    const now = () => new Date(real.ms);
    const first = await createApp(config, {
      log: silentLogger(),
      database: kept(),
      sandbox: { now, historyDays: 10, ordersPerDay: 4 },
    });
    await ensureDemoAlerts(first);
    await first.syncAll();
    // The bot's clock is the sandbox's: its "today" moves a day per real second.
    const started = first.deps.clock().getTime();
    expect(first.sandbox!.clock().getTime()).toBe(started);
    const before = await aMinuteOfJobs(first, real);
    expect(before.find((t) => t.includes("Payout arrived"))).toBeDefined();
    expect(first.deps.clock().getTime() - started).toBeGreaterThanOrEqual(86_400_000 * 10);
    const reached = first.deps.clock().getTime();
    await first.close();

    // Down for an hour of real time; the simulated clock continues where it stopped, not from now.
    real.ms += 3_600_000;
    const second = await createApp(config, {
      log: silentLogger(),
      database: kept(),
      sandbox: { now, historyDays: 10, ordersPerDay: 4 },
    });
    const resumed = second.deps.clock().getTime();
    expect(resumed).toBeGreaterThanOrEqual(reached);
    expect(resumed - reached).toBeLessThan(86_400_000);
    expect((await readSandboxEpoch(second.database.db))?.simulatedAt.getTime()).toBe(resumed);
    const after = await aMinuteOfJobs(second, real);
    expect(after.find((t) => t.includes("Payout arrived"))).toBeDefined();
    await second.close();
  });
});
