import type { TokenGrant } from "../providers/tiktok/client.ts";
import { regionTimezone } from "../providers/tiktok/regions.ts";
import type { Tx } from "../storage/database.ts";
import { upsertCreatorAccount } from "../storage/repos/creator-orders.ts";
import { linkShop } from "../storage/repos/workspaces.ts";
import { regionCurrency } from "./currency.ts";

/** `user_type` of a creator's grant (reference §2.2: 0 seller, 1 creator, 3 partner). */
export const CREATOR_USER_TYPE = 1;

/** The name a creator account is listed under. */
export function creatorAccountName(grant: Pick<TokenGrant, "sellerName" | "openId">): string {
  return grant.sellerName?.trim() || `Creator ${grant.openId?.slice(-6) ?? ""}`.trim();
}

/**
 * Records the creator account a creator's grant authorizes (it has no shops: no
 * /authorization/shops call, no cipher) and links it to the workspace. Returns its id.
 */
export async function linkCreatorAccount(
  db: Tx,
  provider: string,
  authorizationId: number,
  grant: TokenGrant & { openId: string },
  workspaceId: number | undefined,
): Promise<number> {
  const region = (grant.region ?? "US").toUpperCase();
  const id = await upsertCreatorAccount(db, {
    provider,
    openId: grant.openId,
    name: creatorAccountName(grant),
    region,
    timezone: regionTimezone(region),
    currency: regionCurrency(region),
    authorizationId,
  });
  if (workspaceId !== undefined) await linkShop(db, workspaceId, id);
  return id;
}
