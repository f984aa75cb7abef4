import type { SyncReport } from "../sync/sync-shop.ts";

/** One line per shop, then one per error with its upstream code and request id. */
export function formatSyncReport(reports: SyncReport[]): string {
  if (reports.length === 0) return "no shops to sync";
  return reports
    .flatMap((r) => [
      `${r.shop}: ${r.statements} statements, ${r.transactions} transactions, ${r.payouts} payouts, ${r.events} new events${r.errors.length ? `, ${r.errors.length} error(s)` : ""}`,
      ...r.errors.map(
        (e) =>
          `  ${e.resource}: ${e.message}${e.code ? ` (code ${e.code}${e.requestId ? `, request ${e.requestId}` : ""})` : ""}`,
      ),
    ])
    .join("\n");
}
