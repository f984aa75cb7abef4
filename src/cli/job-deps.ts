import { appClient } from "../connect/client.ts";
import type { JobDeps } from "../scheduler/job-table.ts";
import { authorizationTokenStore } from "../storage/repos/shops.ts";
import type { App } from "./app.ts";

/** The running app as the job table sees it. */
export function jobDeps(app: App): JobDeps {
  const { db } = app.database;
  const { log, clock, charts, sandbox } = app.deps;
  return {
    db,
    log,
    clock,
    charts,
    sandbox,
    provider: app.provider,
    syncCron: app.config.syncCron,
    outboxLeaseMs: app.config.outboxLeaseMs,
    syncAll: () => app.syncAll(),
    clientFor: (id) => appClient(app, authorizationTokenStore(db, id, app.config.encryptionKey)),
  };
}
