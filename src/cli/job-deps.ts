import { appClient } from "../connect/client.ts";
import type { JobDeps } from "../scheduler/job-table.ts";
import { authorizationTokenStore } from "../storage/repos/shops.ts";
import type { App } from "./app.ts";

type AfterSync = (shopIds: number[]) => Promise<void>;
const afterSyncListeners = new WeakMap<App, Set<AfterSync>>();

/**
 * Runs `listener` after each sync job of `app` (the Slack Home tab subscribes from
 * src/cli/adapters.ts, so neither sync nor the scheduler imports an adapter). Returns the unsubscribe.
 */
export function onAfterSync(app: App, listener: AfterSync): () => void {
  const set = afterSyncListeners.get(app) ?? new Set<AfterSync>();
  afterSyncListeners.set(app, set);
  set.add(listener);
  return () => set.delete(listener);
}

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
    syncDue: () => app.syncDue(),
    async afterSync(shopIds) {
      for (const listener of afterSyncListeners.get(app) ?? []) {
        await listener(shopIds).catch((error: unknown) =>
          log.warn({ err: error }, "after-sync listener failed"),
        );
      }
    },
    clientFor: (id) => appClient(app, authorizationTokenStore(db, id, app.config.encryptionKey)),
  };
}
