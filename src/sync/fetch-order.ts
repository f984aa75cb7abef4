import { ProviderError } from "../core/errors.ts";
import type { OrderFetch, OrderFetcher } from "../core/order-fetch.ts";
import type { Logger } from "../log.ts";
import type { FinanceProvider, OrderSkuRecord } from "../providers/port.ts";
import type { Db } from "../storage/database.ts";
import { CREATOR_KIND } from "../storage/repos/creator-orders.ts";
import { readFetchedOrder, saveFetchedOrder } from "../storage/repos/orders.ts";
import type { ShopRow } from "../storage/repos/workspaces.ts";
import type { FetchedOrderLine } from "../storage/schema/index.ts";

/** How long "not settled yet" and "not known here" answers are trusted before TikTok is asked again. */
export const ORDER_RECHECK_MS = 10 * 60_000;
/** TikTok's answer to an order id it does not know in this shop (reference §4.2: 36009004, "Invalid order_id"). */
const INVALID_ID = 36009004;

export interface OrderFetcherDeps {
  db: Db;
  log: Logger;
  clock: () => Date;
  /** The API client of a shop's authorization, or null for a shop no API serves (an import). */
  providerFor(shop: ShopRow): Promise<FinanceProvider | null>;
}

const lineOf = (r: OrderSkuRecord): FetchedOrderLine => ({
  skuId: r.skuId,
  productName: r.productName,
  skuName: r.skuName,
  quantity: r.quantity,
  statementId: r.statementId,
  settlement: r.settlement,
  revenue: r.revenue,
  feeTax: r.feeTax ?? null,
  shipping: r.shipping ?? null,
  breakdown: r.breakdown ?? {},
});

export function createOrderFetcher(deps: OrderFetcherDeps): OrderFetcher {
  // The same question asked twice at once is one API call.
  const inFlight = new Map<string, Promise<OrderFetch>>();

  async function ask(shop: ShopRow, orderId: string): Promise<OrderFetch> {
    const cached = await readFetchedOrder(deps.db, shop.id, orderId);
    const now = deps.clock();
    if (
      cached &&
      (cached.outcome === "settled" || now.getTime() - cached.fetchedAt.getTime() < ORDER_RECHECK_MS)
    )
      return { outcome: cached.outcome as "settled", fetchedAt: cached.fetchedAt, fromCache: true };
    if (shop.kind === CREATOR_KIND) {
      // A creator token cannot read a shop's order (reference §4.2 101000): nothing to ask.
      return {
        outcome: "unavailable",
        reason: `${shop.name} is a creator account, whose orders TikTok only shows as commission (see /balance earnings)`,
      };
    }
    const provider = await deps.providerFor(shop);
    if (!provider)
      return { outcome: "unavailable", reason: `${shop.name} is not connected to the TikTok Shop API` };
    const ref = { externalId: shop.externalId, cipher: shop.cipher ?? "", region: shop.region };
    let outcome: "settled" | "unsettled" | "unknown";
    let lines: FetchedOrderLine[] = [];
    let currency: string | null = null;
    try {
      const records = await provider.orderTransactions(ref, orderId);
      lines = records.map(lineOf);
      currency = records[0]?.currency || null;
      outcome = lines.length > 0 ? "settled" : "unsettled";
    } catch (error) {
      if (error instanceof ProviderError && Number(error.upstream.code) === INVALID_ID) outcome = "unknown";
      else {
        deps.log.warn({ shop: shop.name, shopId: shop.id, err: error }, "order lookup failed");
        const detail =
          error instanceof ProviderError
            ? `${error.message}${error.upstream.requestId ? ` (request ${error.upstream.requestId})` : ""}`
            : "an unexpected error (see the log)";
        return { outcome: "unavailable", reason: `TikTok could not be asked: ${detail}` };
      }
    }
    await saveFetchedOrder(deps.db, { shopId: shop.id, orderId, outcome, currency, lines, fetchedAt: now });
    return { outcome, fetchedAt: now, fromCache: false };
  }

  return {
    fetch(shop, orderId) {
      const key = `${shop.id}:${orderId}`;
      let pending = inFlight.get(key);
      if (!pending) {
        pending = ask(shop, orderId).finally(() => inFlight.delete(key));
        inFlight.set(key, pending);
      }
      return pending;
    },
  };
}
