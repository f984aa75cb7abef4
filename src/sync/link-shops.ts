import type { AuthorizedShop } from "../providers/port.ts";
import { regionTimezone } from "../providers/tiktok/regions.ts";
import type { Tx } from "../storage/database.ts";
import { upsertShop } from "../storage/repos/shops.ts";
import { linkShop } from "../storage/repos/workspaces.ts";
import { regionCurrency } from "./currency.ts";

/**
 * Records the shops an authorization covers (zone and currency from the region) and, when a
 * workspace is given, links each of them to it. Returns the shop ids, in the order given.
 */
export async function linkAuthorizedShops(
  db: Tx,
  provider: string,
  authorizationId: number,
  shops: readonly AuthorizedShop[],
  workspaceId: number | undefined,
): Promise<number[]> {
  const ids: number[] = [];
  for (const shop of shops) {
    const shopId = await upsertShop(db, {
      provider,
      shop,
      timezone: regionTimezone(shop.region),
      currency: regionCurrency(shop.region),
      authorizationId,
    });
    if (workspaceId !== undefined) await linkShop(db, workspaceId, shopId);
    ids.push(shopId);
  }
  return ids;
}
