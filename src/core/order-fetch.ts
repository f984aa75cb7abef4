import type { ShopRow } from "../storage/repos/workspaces.ts";

/** What asking TikTok about one order found; the answer itself is stored, and read from storage. */
export type OrderFetch =
  /** Settled lines came back (stored), `unsettled`: no settled line yet, `unknown`: not this shop's. */
  | { outcome: "settled" | "unsettled" | "unknown"; fetchedAt: Date; fromCache: boolean }
  /** TikTok could not be asked (an imported shop, an upstream error): why, in words. */
  | { outcome: "unavailable"; reason: string };

/**
 * Fetch-on-demand for `/balance order`: the core never calls the shop API; this port (built in
 * src/sync, wired in the composition root) asks TikTok for an order the synced statements do not
 * hold, through the shared rate limiter, stores the answer and caches it (a settled order for good,
 * an unsettled or unknown one for a few minutes), so a burst of questions stays inside the limit.
 */
export interface OrderFetcher {
  fetch(shop: ShopRow, orderId: string): Promise<OrderFetch>;
}
