import type { ShopRow } from "../storage/repos/workspaces.ts";
import type { CommandContext } from "./define-command.ts";
import { NotFound, UserError } from "./errors.ts";
import { listShopTokens, matchShops } from "./match-shop.ts";

/** The linked shops a command covers: all of them, or the one named with `shop:<name>`. */
export function pickShops(ctx: CommandContext, name: string | undefined): ShopRow[] {
  const shops = ctx.scope.shops;
  if (shops.length === 0) {
    throw new UserError(
      "no shop is linked to this workspace yet; an admin can connect one (see README: connecting a shop)",
    );
  }
  if (!name?.trim()) return shops;
  const found = matchShops(shops, name);
  if (found.length === 1) return found;
  const shown = name.trim().slice(0, 40);
  if (found.length > 1)
    throw new UserError(`"${shown}" matches ${found.length} shops; type ${listShopTokens(found)}`);
  throw new NotFound(`no linked shop matches "${shown}"; type ${listShopTokens(shops)}`);
}

export function shopCurrency(shop: ShopRow): string {
  if (!shop.currency)
    throw new UserError(`${shop.name} has not been synced yet; try again after the first sync`);
  return shop.currency;
}
