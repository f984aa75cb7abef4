import { hostname } from "node:os";
import { evaluateAlerts } from "../alerts/evaluate.ts";
import type { ChartRenderer } from "../charts/port.ts";
import type { Platform } from "../core/invocation.ts";
import type { DeliveryPort } from "../delivery/port.ts";
import { drainOutbox } from "../delivery/worker.ts";
import { digestTick } from "../digests/tick.ts";
import type { Logger } from "../log.ts";
import type { TikTokClient } from "../providers/tiktok/client.ts";
import type { Db } from "../storage/database.ts";
import { pruneOAuthStates } from "../storage/repos/oauth-states.ts";
import { REFRESH_AHEAD_MS, refreshAheadOfExpiry } from "../sync/tokens.ts";
import { pruneJobRuns } from "./coordinator.ts";
import { type Job, type Scheduler, startScheduler } from "./jobs.ts";

/** What the jobs need from the running bot; the composition root builds it. */
export interface JobDeps {
  db: Db;
  log: Logger;
  clock: () => Date;
  charts: ChartRenderer;
  sandbox: boolean;
  /** "sandbox" or "tiktok": the default sync rhythm, and whose tokens the token job refreshes. */
  provider: string;
  /** SYNC_CRON, when set. */
  syncCron: string | undefined;
  outboxLeaseMs: number;
  /**
   * Syncs the shops that are due and not leased by another replica; one entry per shop synced
   * here. Every replica runs it at each fire: the leases share the shops out.
   */
  syncDue(): Promise<readonly { shopId: number }[]>;
  /**
   * Called after each sync (alerts evaluated and sent) with the shops synced: the Slack Home tab
   * refreshes through it. Its errors are logged, never fail the sync job.
   */
  afterSync?(shopIds: number[]): Promise<void>;
  /** A client over a stored authorization's tokens: what it refreshes is stored at once. */
  clientFor(authorizationId: number): Pick<TikTokClient, "refresh">;
}

/** When shops are synced: SYNC_CRON, or every 15 minutes (every 10 seconds on the fast sandbox). */
export function syncScheduleOf(provider: string, syncCron: string | undefined): string {
  return syncCron ?? (provider === "sandbox" ? "*/10 * * * * *" : "*/15 * * * *");
}

/** The job table: sync (then alerts), the digest tick, the outbox drain, a daily health job. */
export function buildJobs(deps: JobDeps, ports: Partial<Record<Platform, DeliveryPort>>): Job[] {
  const { db, log, clock, charts, sandbox } = deps;
  const drain = () => drainOutbox({ db, ports, charts, clock, log }, { leaseMs: deps.outboxLeaseMs });
  return [
    {
      name: "sync",
      cron: syncScheduleOf(deps.provider, deps.syncCron),
      // Not elected: each replica claims due shops until none is left (src/sync/leased-sync.ts).
      once: false,
      async run() {
        const reports = await deps.syncDue();
        await evaluateAlerts({ db, log, clock, sandbox });
        await drain();
        await deps
          .afterSync?.(reports.map((r) => r.shopId))
          .catch((error: unknown) => log.warn({ err: error }, "after-sync hook failed"));
      },
    },
    {
      name: "digests",
      cron: "* * * * *",
      once: true,
      async run() {
        if ((await digestTick({ db, log, clock, sandbox })) > 0) await drain();
      },
    },
    { name: "outbox", cron: "*/5 * * * * *", once: false, run: drain },
    {
      name: "tokens",
      cron: "23 * * * *",
      once: true,
      async run() {
        const report = await refreshAheadOfExpiry({
          db,
          provider: deps.provider,
          now: clock(),
          withinMs: REFRESH_AHEAD_MS,
          log,
          sandbox,
          clientFor: deps.clientFor,
        });
        if (report.flagged.length > 0) await drain();
      },
    },
    {
      name: "health",
      cron: "17 3 * * *",
      once: true,
      async run() {
        await pruneJobRuns(db, clock(), 7 * 86_400_000);
        await pruneOAuthStates(db, new Date(clock().getTime() - 86_400_000));
      },
    },
  ];
}

export function startJobs(deps: JobDeps, ports: Partial<Record<Platform, DeliveryPort>>): Scheduler {
  return startScheduler(buildJobs(deps, ports), {
    db: deps.db,
    owner: `${hostname()}:${process.pid}`,
    log: deps.log,
  });
}
