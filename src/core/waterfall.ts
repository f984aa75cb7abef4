import { type MessageKey, translator, type Words } from "../i18n/index.ts";
import { add, type Money, negate, subtract, sum, zero } from "../money/index.ts";
import type { RollupCategory } from "../storage/categories.ts";
import { type FeeGroup, feeCategory, feeGroupName } from "./fee-categories.ts";

/** One category total of the settled transactions of a period (a rollup read), in one currency. */
export interface CategoryTotal {
  category: RollupCategory;
  amount: Money;
}

/** One bar of the waterfall: a start, a step up or down, or a subtotal. */
export interface WaterfallStep {
  label: string;
  kind: "start" | "step" | "total";
  amount: Money;
  /** A short explanation shown under the step ("3 adjustments", "held since Nov 20"). */
  detail?: string;
}

export interface WaterfallInput {
  currency: string;
  /** Breakdown leaves, transaction types and the reserve of the period's transactions. */
  totals: CategoryTotal[];
  /** Reserve withheld in the period (negative) and released (positive), from RESERVE rows. */
  reserveHeld: Money;
  reserveReleased: Money;
  /** The language of the steps' labels (English without it). */
  words?: Words;
}

export interface Waterfall {
  steps: WaterfallStep[];
  gross: Money;
  /** Settlement of the transactions: gross + every step up to it. */
  settlement: Money;
  /** settlement + reserve released + reserve held: what TikTok pays for these statements. */
  payable: Money;
  /** What TikTok's breakdowns leave unexplained (its own step when not zero). */
  unexplained: Money;
}

const isSales = (c: RollupCategory) =>
  c.kind === "breakdown" && c.group === "revenue" && c.name === "subtotal_before_discount_amount";

/** The waterfall group of a settlement line (every non-sales line lands in exactly one). */
export function groupOf(c: RollupCategory): string | null {
  switch (c.kind) {
    case "type":
      return c.type === "ORDER" || c.type === "RESERVE" ? null : "Adjustments";
    case "breakdown": {
      if (isSales(c)) return null;
      if (c.group === "revenue") return /refund/.test(c.name) ? "Refunds" : "Seller discounts";
      if (c.group === "shipping") return "Shipping";
      if (c.group === "tax") return "Taxes";
      const fee = feeCategory(c);
      if (fee === "Affiliate") return "Affiliate commission";
      return `Platform fees · ${fee ?? "Other fees"}`;
    }
    default:
      return null;
  }
}

const GROUP_NAMES: Record<string, MessageKey> = {
  Refunds: "lines.refunds",
  "Seller discounts": "lines.sellerDiscounts",
  "Affiliate commission": "lines.affiliateCommission",
  Shipping: "reconcile.stepShipping",
  Taxes: "lines.groupTaxes",
  Adjustments: "reconcile.stepAdjustments",
};

/** A group of `groupOf` (its English name is its identity) as a step is labelled in a language. */
export function groupLabel(group: string, words: Words): string {
  const key = GROUP_NAMES[group];
  if (key) return words.t(key);
  const fee = group.startsWith("Platform fees · ") ? group.slice("Platform fees · ".length) : null;
  return fee ? words.t("reconcile.stepPlatformFees", { group: feeGroupName(fee as FeeGroup, words) }) : group;
}

/** The order steps come in (a group not listed sorts after, by name). */
const ORDER = [
  "Refunds",
  "Seller discounts",
  "Platform fees · Commission",
  "Platform fees · Payment fees",
  "Platform fees · Programs and services",
  "Platform fees · Other fees",
  "Affiliate commission",
  "Shipping",
  "Taxes",
  "Adjustments",
];

/**
 * From gross sales to the money TikTok pays, step by step, exactly: gross sales before
 * discounts, then every kind of deduction or credit the statement transactions carry, to the
 * settlement; then the reserve withheld and released, to the payable amount. Every step is a sum
 * of stored amounts and the subtotals are sums of the steps, so nothing is rounded. A difference
 * between the transactions' settlement and their itemised lines (TikTok rounding, a component
 * this version does not read) is its own named step, never absorbed.
 */
export function buildWaterfall(input: WaterfallInput): Waterfall {
  const { currency } = input;
  const words = input.words ?? translator("en");
  const { t } = words;
  const gross = sum(
    currency,
    input.totals.filter((t) => isSales(t.category)).map((t) => t.amount),
  );
  const counts = new Map<string, { amount: Money; lines: number }>();
  for (const total of input.totals) {
    const group = groupOf(total.category);
    if (!group) continue;
    const found = counts.get(group) ?? { amount: zero(currency), lines: 0 };
    found.amount = add(found.amount, total.amount);
    found.lines += 1;
    counts.set(group, found);
  }
  const rank = (name: string) => {
    const at = ORDER.indexOf(name);
    return at < 0 ? ORDER.length : at;
  };
  const groups = [...counts.entries()]
    .filter(([, g]) => g.amount.units !== 0n)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
  // The settlement is the sum of every transaction row's settlement (one type total per type).
  const settlement = sum(
    currency,
    input.totals.filter((t) => t.category.kind === "type").map((t) => t.amount),
  );
  const steps: WaterfallStep[] = [{ label: t("reconcile.stepGross"), kind: "start", amount: gross }];
  for (const [group, g] of groups)
    steps.push({ label: groupLabel(group, words), kind: "step", amount: g.amount });
  const itemised = sum(currency, [gross, ...groups.map(([, g]) => g.amount)]);
  const unexplained = subtract(settlement, itemised);
  if (unexplained.units !== 0n)
    steps.push({
      label: t("reconcile.stepUnexplained"),
      kind: "step",
      amount: unexplained,
      detail: t("reconcile.stepUnexplainedDetail"),
    });
  steps.push({ label: t("reconcile.stepSettlement"), kind: "total", amount: settlement });
  const payable = add(add(settlement, input.reserveHeld), input.reserveReleased);
  if (input.reserveHeld.units !== 0n || input.reserveReleased.units !== 0n) {
    if (input.reserveHeld.units !== 0n)
      steps.push({ label: t("reconcile.stepReserveHeld"), kind: "step", amount: input.reserveHeld });
    if (input.reserveReleased.units !== 0n)
      steps.push({ label: t("reconcile.stepReserveReleased"), kind: "step", amount: input.reserveReleased });
    steps.push({ label: t("reconcile.stepPayable"), kind: "total", amount: payable });
  }
  return { steps, gross, settlement, payable, unexplained };
}

/**
 * Checks a waterfall closes: each subtotal equals the start plus every step before it. Returns
 * the first subtotal that does not, with the difference, or null.
 */
export function checkWaterfall(w: Pick<Waterfall, "steps">): { label: string; off: Money } | null {
  let running: Money | null = null;
  for (const step of w.steps) {
    if (step.kind === "start") running = step.amount;
    else if (step.kind === "step") running = running ? add(running, step.amount) : step.amount;
    else {
      const off = running ? subtract(step.amount, running) : step.amount;
      if (off.units !== 0n) return { label: step.label, off };
    }
  }
  return null;
}

/** Money out of a step as a positive amount (for "share of gross" wording). */
export const magnitude = (m: Money): Money => (m.units < 0n ? negate(m) : m);
