import { ProviderError } from "../core/errors.ts";
import { TokenUnreadableError } from "../storage/crypto.ts";
import { type Resource, recordFailure } from "../storage/repos/sync-state.ts";
import type { ShopRow } from "../storage/repos/workspaces.ts";
import { LeaseLostError } from "./lease-lost.ts";
import type { SyncDeps, SyncReport } from "./sync-shop.ts";

/** What a failed step tells the operator: the message, and TikTok's code and request id if any. */
function describeFailure(error: unknown): {
  message: string;
  code?: string | undefined;
  requestId?: string | undefined;
} {
  if (error instanceof ProviderError) {
    return {
      message: error.message,
      code: error.upstream.code?.toString(),
      requestId: error.upstream.requestId,
    };
  }
  if (error instanceof TokenUnreadableError) return { message: error.message, code: error.code };
  return { message: error instanceof Error ? error.message : String(error) };
}

/**
 * One sync step failed (a shop's or a creator account's): in the run's report, the log, and the
 * shop's sync state, where `/balance status` and the sync-trouble alert read it. A lost lease is
 * not the shop's trouble (this replica stopped; another one syncs the shop now): rethrown, and
 * nothing recorded.
 */
export async function recordStepFailure(
  deps: Pick<SyncDeps, "db" | "log" | "clock">,
  shop: Pick<ShopRow, "id" | "name">,
  resource: Resource,
  report: SyncReport,
  error: unknown,
): Promise<void> {
  if (error instanceof LeaseLostError) throw error;
  const failure = describeFailure(error);
  report.errors.push({ resource, ...failure });
  deps.log.warn({ shop: shop.name, shopId: shop.id, resource, ...failure }, "sync step failed");
  await recordFailure(deps.db, shop.id, resource, deps.clock(), failure);
}
