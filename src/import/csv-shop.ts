/**
 * The shop an import writes to: provider "csv", found by name, linked to the console workspace.
 */
import { and, eq } from "drizzle-orm";
import { regionTimezone } from "../providers/tiktok/regions.ts";
import type { Tx } from "../storage/database.ts";
import { CSV_PROVIDER } from "../storage/repos/shops.ts";
import { ensureWorkspace, linkShop, type ShopRow, shopColumns } from "../storage/repos/workspaces.ts";
import { shops } from "../storage/schema/index.ts";

// The region a settlement currency implies (the reverse of sync/currency.ts). EUR spans several
// markets: its shops default to Central European time, which Spain, Germany, France and Italy share.
const CURRENCY_REGION: Readonly<Record<string, string>> = {
  USD: "US",
  GBP: "GB",
  EUR: "DE",
  MXN: "MX",
  BRL: "BR",
  JPY: "JP",
  IDR: "ID",
  MYR: "MY",
  PHP: "PH",
  SGD: "SG",
  THB: "TH",
  VND: "VN",
};

/** The region and zone a new shop gets from its currency (UTC when the currency says nothing). */
export function defaultsForCurrency(currency: string): { region: string; timezone: string } {
  const region = CURRENCY_REGION[currency] ?? "";
  return { region: region || "-", timezone: region ? regionTimezone(region) : "UTC" };
}

/** Shop names match case- and space-insensitively ("My Shop" is "my  shop"). */
export const shopKey = (name: string): string =>
  name.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();

/** The imported shop of that name, if it exists. */
/**
 * A shop imported from chat belongs to that workspace alone: its key carries the workspace, so
 * two workspaces that both import a "mystore" never share (or see) each other's figures.
 */
const scopedKey = (name: string, workspaceId: number | undefined) =>
  workspaceId === undefined ? shopKey(name) : `w${workspaceId}:${shopKey(name)}`;

export async function findCsvShop(db: Tx, name: string, workspaceId?: number): Promise<ShopRow | undefined> {
  const [row] = await db
    .select(shopColumns)
    .from(shops)
    .where(and(eq(shops.provider, CSV_PROVIDER), eq(shops.externalId, scopedKey(name, workspaceId))));
  return row;
}

/** Creates the shop (or fills in its unknown currency) and links it to its workspace (default: the console). */
export async function ensureCsvShop(
  db: Tx,
  input: {
    name: string;
    currency: string;
    timezone: string;
    region: string;
    workspaceId?: number | undefined;
  },
): Promise<number> {
  const existing = await findCsvShop(db, input.name, input.workspaceId);
  let shopId = existing?.id;
  if (shopId === undefined) {
    // A concurrent import may create it first: then this insert is a no-op and the lookup finds it.
    const [row] = await db
      .insert(shops)
      .values({
        provider: CSV_PROVIDER,
        externalId: scopedKey(input.name, input.workspaceId),
        name: input.name.trim(),
        region: input.region,
        currency: input.currency,
        timezone: input.timezone,
      })
      .onConflictDoNothing()
      .returning({ id: shops.id });
    shopId = row?.id ?? (await findCsvShop(db, input.name, input.workspaceId))!.id;
  } else if (!existing?.currency) {
    await db.update(shops).set({ currency: input.currency }).where(eq(shops.id, shopId));
  }
  const workspaceId = input.workspaceId ?? (await ensureWorkspace(db, "console", "console", "Console"));
  await linkShop(db, workspaceId, shopId);
  return shopId;
}
