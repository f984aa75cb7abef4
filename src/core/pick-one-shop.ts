import type { ShopRow } from "../storage/repos/workspaces.ts";
import type { CommandContext } from "./define-command.ts";
import { UserError } from "./errors.ts";
import { shopToken } from "./match-shop.ts";
import { pickShops, tokensIn } from "./shops.ts";

/** Settings in money need exactly one shop (its currency): the only one, or the one named. */
export function pickOneShop(ctx: CommandContext, name: string | undefined, example: string): ShopRow {
  const shops = pickShops(ctx, name);
  if (shops.length > 1) {
    throw UserError.of(
      "shopPick.oneNeeded",
      { count: shops.length, tokens: tokensIn(ctx, shops) },
      { example: `${example} ${shopToken(shops, shops[0]!)}` },
    );
  }
  return shops[0]!;
}
