import { formatMoney, type Money, negate, subtract, sum, zero } from "../money/index.ts";
import { type CategoryTotal, groupOf } from "./waterfall.ts";

/** A settlement that moved less than this (per mille of the previous one) needs no explanation. */
export const WHY_THRESHOLD_PERMILLE = 100n;

const isSales = (t: CategoryTotal) =>
  t.category.kind === "breakdown" &&
  t.category.group === "revenue" &&
  t.category.name === "subtotal_before_discount_amount";

/** Short names for the digest line ("Platform fees · Commission" → "commission fees"). */
function shortName(group: string): string {
  if (group.startsWith("Platform fees · ")) return `${group.slice(16).toLowerCase()} fees`;
  if (group === "Affiliate commission") return "affiliate";
  return group.toLowerCase();
}

/**
 * One line saying why the settlement moved against the previous period, when it moved by more
 * than the threshold: "settlement −18%: refunds +$310.00, affiliate +$120.00". The reasons are the
 * two waterfall groups that moved most in the same direction as the settlement; a cost is shown
 * by how much more (+) or less (−) was taken. Null when the change is small or not comparable.
 */
export function explainSettlementChange(
  currency: string,
  now: CategoryTotal[],
  before: CategoryTotal[],
  thresholdPermille: bigint = WHY_THRESHOLD_PERMILLE,
): string | null {
  const settlement = (totals: CategoryTotal[]) =>
    sum(
      currency,
      totals.filter((t) => t.category.kind === "type").map((t) => t.amount),
    );
  const current = settlement(now);
  const prior = settlement(before);
  if (prior.units <= 0n) return null;
  const delta = subtract(current, prior);
  const permille = (delta.units * 1000n) / prior.units;
  if ((permille < 0n ? -permille : permille) < thresholdPermille) return null;
  const byGroup = (totals: CategoryTotal[]) => {
    const out = new Map<string, Money>();
    for (const t of totals) {
      const group = isSales(t) ? "Gross sales" : groupOf(t.category);
      if (group) out.set(group, sum(currency, [out.get(group) ?? zero(currency), t.amount]));
    }
    return out;
  };
  const a = byGroup(now);
  const b = byGroup(before);
  const moves = [...new Set([...a.keys(), ...b.keys()])]
    .map((group) => ({
      group,
      moved: subtract(a.get(group) ?? zero(currency), b.get(group) ?? zero(currency)),
    }))
    .filter((m) => m.moved.units !== 0n && m.moved.units < 0n === delta.units < 0n)
    .sort((x, y) => {
      const size = (m: Money) => (m.units < 0n ? -m.units : m.units);
      return size(y.moved) > size(x.moved) ? 1 : size(y.moved) < size(x.moved) ? -1 : 0;
    })
    .slice(0, 2)
    .map(({ group, moved }) =>
      group === "Gross sales" || group === "Adjustments"
        ? `${shortName(group)} ${formatMoney(moved, { signed: true })}`
        : // A cost that grew took more money: shown as +, in the words a seller uses.
          `${shortName(group)} ${formatMoney(negate(moved), { signed: true })}`,
    );
  const sign = permille < 0n ? "−" : "+";
  const abs = permille < 0n ? -permille : permille;
  const pct = `${sign}${abs / 10n}${abs % 10n === 0n ? "" : `.${abs % 10n}`}%`;
  return `settlement ${pct}${moves.length > 0 ? `: ${moves.join(", ")}` : ""}`;
}
