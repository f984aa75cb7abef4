import type { Logger } from "../log.ts";
import { readLastSync } from "../storage/repos/balance.ts";
import { listAllShops } from "../storage/repos/workspaces.ts";
import type { App } from "./app.ts";

const STALE_MS = 15 * 60_000;

/** Sync before answering when the data is missing or older than one sync interval. */
export async function syncIfStale(app: App, log: Logger): Promise<void> {
  const shops = await listAllShops(app.database.db);
  const ages = await Promise.all(shops.map((s) => readLastSync(app.database.db, s.id)));
  const now = app.deps.clock().getTime();
  if (shops.length > 0 && ages.every((a) => a && now - a.getTime() < STALE_MS)) return;
  const reports = await app.syncAll();
  for (const report of reports) {
    for (const error of report.errors) log.warn({ shop: report.shop, ...error }, "sync error");
  }
}
