import { hostname } from "node:os";
import { evaluateAlerts } from "../alerts/evaluate.ts";
import { appClient } from "../connect/client.ts";
import type { Platform } from "../core/invocation.ts";
import type { DeliveryPort } from "../delivery/port.ts";
import { drainOutbox } from "../delivery/worker.ts";
import { digestTick } from "../digests/tick.ts";
import { pruneJobRuns } from "../scheduler/coordinator.ts";
import { type Job, type Scheduler, startScheduler } from "../scheduler/jobs.ts";
import { pruneOAuthStates } from "../storage/repos/oauth-states.ts";
import { authorizationTokenStore } from "../storage/repos/shops.ts";
import { REFRESH_AHEAD_MS, refreshAheadOfExpiry } from "../sync/tokens.ts";
import type { App } from "./app.ts";

/** The job table: sync (then alerts), the digest tick, the outbox drain, a daily health job. */
export function buildJobs(app: App, ports: Partial<Record<Platform, DeliveryPort>>): Job[] {
  const { db } = app.database;
  const { log, clock, charts, sandbox } = app.deps;
  const drain = () => drainOutbox({ db, ports, charts, clock, log }, { leaseMs: app.config.outboxLeaseMs });
  return [
    {
      name: "sync",
      cron: app.config.syncCron ?? (app.provider === "sandbox" ? "*/10 * * * * *" : "*/15 * * * *"),
      once: true,
      async run() {
        await app.syncAll();
        await evaluateAlerts({ db, log, clock, sandbox });
        await drain();
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
          provider: app.provider,
          now: clock(),
          withinMs: REFRESH_AHEAD_MS,
          log,
          sandbox,
          clientFor: (id) => appClient(app, authorizationTokenStore(db, id, app.config.encryptionKey)),
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

export function startJobs(app: App, ports: Partial<Record<Platform, DeliveryPort>>): Scheduler {
  return startScheduler(buildJobs(app, ports), {
    db: app.database.db,
    owner: `${hostname()}:${process.pid}`,
    log: app.deps.log,
  });
}
