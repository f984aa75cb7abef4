import { translator, type Words } from "../i18n/index.ts";
import { add, type Money, parseMoney, subtract, sum, zero } from "../money/index.ts";
import { isSupplementary, parseCategory } from "../storage/categories.ts";
import { feeCategory } from "./fee-categories.ts";
import { lineName } from "./line-names.ts";

export interface OrderLine {
  label: string;
  amount: Money;
}

export interface OrderMoney {
  /** Sales before discounts. */
  sales: Money;
  /** Every other line of the settlement, in reading order; zero lines left out. */
  lines: OrderLine[];
  /** The affiliate lines' sum (creators' commission, partner and ads commission included). */
  affiliate: Money;
  settlement: Money;
  /** Settlement minus sales and every line: TikTok's rounding or a field this version does not read. */
  unexplained: Money;
}

/** Reading order: revenue, platform fees, affiliate, shipping, taxes, then adjustments. */
function rankOf(key: string): number {
  const c = parseCategory(key);
  if (c.kind !== "breakdown") return 9;
  if (c.group === "revenue") return 0;
  if (c.group === "fee") return feeCategory(c) === "Affiliate" ? 2 : 1;
  if (c.group === "shipping") return 3;
  if (c.group === "tax") return 4;
  return 9;
}

/**
 * One order's money, line by line (named in the language of `words`), from the flattened breakdowns of its transaction rows (or of its
 * SKU lines when fetched on demand) and the adjustments that name it: exact sums, no rounding.
 */
export function orderMoney(
  currency: string,
  breakdowns: Record<string, string>[],
  adjustments: { type: string; settlement: string }[],
  settlement: Money,
  words: Words = translator("en"),
): OrderMoney {
  const totals = new Map<string, Money>();
  for (const breakdown of breakdowns)
    for (const [key, value] of Object.entries(breakdown)) {
      const category = parseCategory(key);
      if (category.kind !== "breakdown" || isSupplementary(category)) continue;
      totals.set(key, add(totals.get(key) ?? zero(currency), parseMoney(value, currency, key)));
    }
  const sales = totals.get("revenue.subtotal_before_discount_amount") ?? zero(currency);
  totals.delete("revenue.subtotal_before_discount_amount");
  const lines: OrderLine[] = [...totals.entries()]
    .filter(([, amount]) => amount.units !== 0n)
    .sort(([a], [b]) => rankOf(a) - rankOf(b) || a.localeCompare(b))
    .map(([key, amount]) => ({ label: lineName(parseCategory(key) as never, words), amount }));
  const affiliate = sum(
    currency,
    [...totals.entries()]
      .filter(([key]) => {
        const c = parseCategory(key);
        return c.kind === "breakdown" && c.group === "fee" && feeCategory(c) === "Affiliate";
      })
      .map(([, amount]) => amount),
  );
  for (const adjustment of adjustments) {
    const amount = parseMoney(adjustment.settlement, currency, adjustment.type);
    if (amount.units !== 0n)
      lines.push({ label: lineName({ kind: "type", type: adjustment.type }, words), amount });
  }
  const unexplained = subtract(settlement, sum(currency, [sales, ...lines.map((l) => l.amount)]));
  return { sales, lines, affiliate, settlement, unexplained };
}
