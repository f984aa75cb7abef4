import { CREATOR_KIND } from "../storage/repos/creator-orders.ts";
import type { ShopRow } from "../storage/repos/workspaces.ts";
import { creatorAccountNote } from "./creator-views.ts";
import type { CommandContext } from "./define-command.ts";
import { footer } from "./format.ts";
import { type Period, resolvePeriod } from "./periods.ts";
import type { ReplySection } from "./reply.ts";
import { pickShops } from "./shops.ts";
import { lastSyncIn } from "./workspace.ts";

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
 * each built for the period resolved in that shop's own zone, with the sync age the scope read.
 * `index` is the section's position. A creator account gets a note pointing to where its
 * commission is, unless the command builds creator sections itself (`creators: "build"`).
 * The period's label and the creator note are in the reply's language.
 */
export async function reportPerShop(
  ctx: CommandContext,
  args: { shop?: string | undefined; period?: string; creators?: "build" },
  build: (
    shop: ShopRow,
    period: Period | undefined,
    several: boolean,
    index: number,
  ) => Promise<ReplySection>,
): Promise<PerShop> {
  const shops = pickShops(ctx, args.shop);
  const sections: ReplySection[] = [];
  let label = "";
  let lastSync: Date | null = null;
  let unsynced = false;
  for (const shop of shops) {
    const period =
      args.period === undefined ? undefined : resolvePeriod(args.period, shop.timezone, ctx.now, ctx);
    if (period) label = period.label;
    const section =
      shop.kind === CREATOR_KIND && args.creators !== "build"
        ? creatorAccountNote(shop, ctx)
        : await build(shop, period, shops.length > 1, sections.length);
    const synced = lastSyncIn(ctx.scope, shop.id);
    sections.push(section);
    if (!synced) unsynced = true;
    else if (!lastSync || synced < lastSync) lastSync = synced;
  }
  const zone = shops.length === 1 ? shops[0]!.timezone : ctx.t("reports.eachShopZone");
  return {
    shops,
    sections,
    label,
    footer: (period) =>
      footer(ctx, { shops, zone, lastSync: unsynced ? null : lastSync, ...(period ? { period } : {}) }),
  };
}
