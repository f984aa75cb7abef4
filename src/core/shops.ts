import type { ShopRow } from "../storage/repos/workspaces.ts";
import type { CommandContext } from "./define-command.ts";
import { NotFound, UserError } from "./errors.ts";

/** The linked shops a command covers: all of them, or the one named with `shop:<name>`. */
export function pickShops(ctx: CommandContext, name: string | undefined): ShopRow[] {
  const shops = ctx.scope.shops;
  if (shops.length === 0) {
    throw new UserError(
      "no shop is linked to this workspace yet; an admin can connect one (see README: connecting a shop)",
    );
  }
  if (!name) return shops;
  const wanted = name.trim().toLowerCase();
  const match = shops.filter((s) => s.name.toLowerCase() === wanted || s.externalId === name.trim()) ?? [];
  const loose = match.length > 0 ? match : shops.filter((s) => s.name.toLowerCase().includes(wanted));
  if (loose.length === 1) return loose;
  if (loose.length > 1)
    throw new UserError(`"${name}" matches ${loose.length} shops: ${loose.map((s) => s.name).join(", ")}`);
  throw new NotFound(`no linked shop is called "${name}"; linked: ${shops.map((s) => s.name).join(", ")}`);
}

export function shopCurrency(shop: ShopRow): string {
  if (!shop.currency)
    throw new UserError(`${shop.name} has not been synced yet; try again after the first sync`);
  return shop.currency;
}
