import { type Locale, translator } from "../i18n/index.ts";
import type { Logger } from "../log.ts";
import { readLastSync } from "../storage/repos/balance.ts";
import { listAllShops } from "../storage/repos/workspaces.ts";
import type { SyncReport } from "../sync/sync-shop.ts";
import type { App } from "./app.ts";

const STALE_MS = 15 * 60_000;

/** Sync before answering when the data is missing or older than one sync interval. */
export async function syncIfStale(
  app: App,
  log: Logger,
  progress?: { onStart?(shops: number): void; onDone?(reports: SyncReport[]): void },
): Promise<void> {
  const shops = await listAllShops(app.database.db);
  const ages = await Promise.all(shops.map((s) => readLastSync(app.database.db, s.id)));
  const now = app.deps.clock().getTime();
  if (shops.length > 0 && ages.every((a) => a && now - a.getTime() < STALE_MS)) return;
  progress?.onStart?.(shops.length);
  const reports = await app.syncAll();
  for (const report of reports) {
    for (const error of report.errors) log.warn({ shop: report.shop, ...error }, "sync error");
  }
  progress?.onDone?.(reports);
}

/** The console's line when a sync starts under its prompt. */
export function firstSyncStarted(locale: Locale, shops: number): string {
  return translator(locale).t("core.syncStarted", { count: shops });
}

/**
 * The console's line on the sandbox, whose clock runs SANDBOX_SPEED× real time: without it, "data
 * from sync 9 min ago" seconds after the first sync reads like stale data.
 */
export function sandboxClockNote(locale: Locale, speed: number): string | undefined {
  return speed === 1 ? undefined : translator(locale).t("core.sandboxClock", { speed });
}

/** The console's line when that sync is done. */
export function firstSyncDone(locale: Locale, reports: SyncReport[]): string {
  const { t, fmt } = translator(locale);
  const failed = reports.filter((r) => r.errors.length > 0).map((r) => r.shop);
  return failed.length === 0
    ? t("core.syncDone", { count: reports.length })
    : t("core.syncDoneErrors", { count: reports.length, shops: fmt.list(failed) });
}
