import type { ShopRow } from "../storage/repos/workspaces.ts";
import type { CommandContext } from "./define-command.ts";
import { UserError } from "./errors.ts";
import { pickShops } from "./shops.ts";

/** Settings in money need exactly one shop (its currency): the only one, or the one named. */
export function pickOneShop(ctx: CommandContext, name: string | undefined, example: string): ShopRow {
  const shops = pickShops(ctx, name);
  if (shops.length > 1) {
    throw new UserError(
      `this workspace has ${shops.length} shops; say which with shop:<name> (${shops.map((s) => s.name).join(", ")})`,
      {
        example: `${example} shop:${shops[0]!.name.split(" ")[0]}`,
      },
    );
  }
  return shops[0]!;
}
