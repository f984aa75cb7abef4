/**
 * Rollup categories: what one `daily_rollups` row sums. The table stores them as text; this is
 * the one parser (`parseCategory`) and the one formatter (`formatCategory`) of that text, and the
 * SQL that fills the table (repos/finance.ts) takes its names and prefix from here.
 *
 * - a statement field: "settlement", "revenue", "fee", "shipping", "adjustment", "net_sales"
 * - a transaction type's settlement: "type:ORDER", "type:GMV_PAYMENT_FOR_ADS", …
 * - a breakdown leaf: its flattened path as providers store it ("fee.platform_commission_amount",
 *   "tax.vat_amount", "shipping.supplementary.x"), group first
 * - "reserve": withheld minus released
 */

export const STATEMENT_FIELDS = [
  "settlement",
  "revenue",
  "fee",
  "shipping",
  "adjustment",
  "net_sales",
] as const;
export type StatementField = (typeof STATEMENT_FIELDS)[number];

export const BREAKDOWN_GROUPS = ["fee", "tax", "revenue", "shipping", "supplementary"] as const;
export type BreakdownGroup = (typeof BREAKDOWN_GROUPS)[number];

export type RollupCategory =
  | { kind: "statement"; field: StatementField }
  /** The settlement of one transaction type (TikTok's `type`, e.g. ORDER, RESERVE, ADJUSTMENT kinds). */
  | { kind: "type"; type: string }
  /** `name` is the rest of the path, possibly nested ("supplementary.platform_discount"). */
  | { kind: "breakdown"; group: BreakdownGroup; name: string }
  | { kind: "reserve" }
  /** Text this version does not read (kept, never dropped). */
  | { kind: "unknown"; raw: string };

/** The text before a transaction type: "type:" || type in SQL. */
export const TYPE_PREFIX = "type:";
const RESERVE = "reserve";

const isStatementField = (text: string): text is StatementField =>
  (STATEMENT_FIELDS as readonly string[]).includes(text);
const isBreakdownGroup = (text: string): text is BreakdownGroup =>
  (BREAKDOWN_GROUPS as readonly string[]).includes(text);

export function parseCategory(raw: string): RollupCategory {
  if (isStatementField(raw)) return { kind: "statement", field: raw };
  if (raw === RESERVE) return { kind: "reserve" };
  if (raw.startsWith(TYPE_PREFIX) && raw.length > TYPE_PREFIX.length)
    return { kind: "type", type: raw.slice(TYPE_PREFIX.length) };
  const dot = raw.indexOf(".");
  const group = raw.slice(0, dot);
  if (dot > 0 && dot < raw.length - 1 && isBreakdownGroup(group))
    return { kind: "breakdown", group, name: raw.slice(dot + 1) };
  return { kind: "unknown", raw };
}

export function formatCategory(category: RollupCategory): string {
  switch (category.kind) {
    case "statement":
      return category.field;
    case "type":
      return `${TYPE_PREFIX}${category.type}`;
    case "breakdown":
      return `${category.group}.${category.name}`;
    case "reserve":
      return RESERVE;
    case "unknown":
      return category.raw;
  }
}

/** Supplementary components are informational: they never enter the settlement. */
export function isSupplementary(category: RollupCategory): boolean {
  return (
    category.kind === "breakdown" &&
    (category.group === "supplementary" || category.name.split(".").includes("supplementary"))
  );
}
