import { readLastSync } from "../storage/repos/balance.ts";
import type { ShopRow } from "../storage/repos/workspaces.ts";
import type { CommandContext } from "./define-command.ts";
import { footer } from "./format.ts";
import { type Period, resolvePeriod } from "./periods.ts";
import type { ReplySection } from "./reply.ts";
import { pickShops } from "./shops.ts";

export interface PerShop {
  shops: ShopRow[];
  sections: ReplySection[];
  /** The period's label (of the last shop: every shop's is the same span in its own zone). */
  label: string;
  /** The footer every report ends with: clock, data age (the oldest shop's), zone, sandbox. */
  footer(period?: string): string;
}

/**
 * One section per shop the command covers (all linked shops, or the one named with `shop:`),
 * each built for the period resolved in that shop's own zone, with the sync age read beside it.
 */
export async function reportPerShop(
  ctx: CommandContext,
  args: { shop?: string | undefined; period?: string },
  build: (shop: ShopRow, period: Period | undefined, several: boolean) => Promise<ReplySection>,
): Promise<PerShop> {
  const shops = pickShops(ctx, args.shop);
  const sections: ReplySection[] = [];
  let label = "";
  let lastSync: Date | null = null;
  let unsynced = false;
  for (const shop of shops) {
    const period = args.period === undefined ? undefined : resolvePeriod(args.period, shop.timezone, ctx.now);
    if (period) label = period.label;
    const [section, synced] = await Promise.all([
      build(shop, period, shops.length > 1),
      readLastSync(ctx.db, shop.id),
    ]);
    sections.push(section);
    if (!synced) unsynced = true;
    else if (!lastSync || synced < lastSync) lastSync = synced;
  }
  const zone = shops.length === 1 ? shops[0]!.timezone : "each shop's zone";
  return {
    shops,
    sections,
    label,
    footer: (period) =>
      footer(ctx, { shops, zone, lastSync: unsynced ? null : lastSync, ...(period ? { period } : {}) }),
  };
}
