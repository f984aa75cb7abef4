import { INTL_TAG } from "../i18n/index.ts";
import type { ShopRow } from "../storage/repos/workspaces.ts";
import type { CommandContext } from "./define-command.ts";
import { NotFound, UserError } from "./errors.ts";
import { listShopTokens, matchShops, shopToken } from "./match-shop.ts";

/** The linked shops a command covers: all of them, or the one named with `shop:<name>`. */
export function pickShops(ctx: CommandContext, name: string | undefined): ShopRow[] {
  const shops = ctx.scope.shops;
  if (shops.length === 0) {
    throw UserError.of("shopPick.noShopLinked");
  }
  if (!name?.trim()) return shops;
  const found = matchShops(shops, name);
  if (found.length === 1) return found;
  const shown = name.trim().slice(0, 40);
  if (found.length > 1)
    throw UserError.of("shopPick.matchesSeveral", {
      shown,
      count: found.length,
      tokens: tokensIn(ctx, found),
    });
  throw NotFound.of("shopPick.noMatch", { shown, tokens: tokensIn(ctx, shops) });
}

/** `shop:us (Sandbox Outdoor (US)) or shop:vn (…)`: English as it always was, else the language's "or". */
export function tokensIn(ctx: Pick<CommandContext, "locale">, shops: readonly ShopRow[]): string {
  if (ctx.locale === "en") return listShopTokens(shops);
  const items = shops.map((s) => `${shopToken(shops, s)} (${s.name})`);
  return new Intl.ListFormat(INTL_TAG[ctx.locale], { type: "disjunction" }).format(items);
}

export function shopCurrency(shop: ShopRow): string {
  if (!shop.currency) throw UserError.of("shopPick.notSynced", { shop: shop.name });
  return shop.currency;
}
