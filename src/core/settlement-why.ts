import { type MessageKey, type Translator, translator } from "../i18n/index.ts";
import { type Money, negate, subtract, sum, zero } from "../money/index.ts";
import { type FeeGroup, feeGroupName } from "./fee-categories.ts";
import { type CategoryTotal, groupOf } from "./waterfall.ts";

/** A settlement that moved less than this (per mille of the previous one) needs no explanation. */
export const WHY_THRESHOLD_PERMILLE = 100n;

const isSales = (t: CategoryTotal) =>
  t.category.kind === "breakdown" &&
  t.category.group === "revenue" &&
  t.category.name === "subtotal_before_discount_amount";

/** Short names for the digest line ("Platform fees · Commission" → "commission fees"). */
const SHORT_NAMES: Record<string, MessageKey> = {
  "Gross sales": "digest.whyGrossSales",
  Adjustments: "digest.whyAdjustments",
  Refunds: "digest.whyRefunds",
  "Seller discounts": "digest.whySellerDiscounts",
  Shipping: "digest.whyShipping",
  Taxes: "digest.whyTaxes",
  "Affiliate commission": "digest.whyAffiliate",
};
const FEES_PREFIX = "Platform fees · ";

function shortName(group: string, words: Translator): string {
  const { t } = words;
  const key = SHORT_NAMES[group];
  if (key) return t(key);
  if (!group.startsWith(FEES_PREFIX)) return group.toLowerCase();
  const fee = group.slice(FEES_PREFIX.length);
  // English keeps its "commission fees"; the others name the fee group as the breakdown does.
  const name = words.locale === "en" ? fee : feeGroupName(fee as FeeGroup, words);
  return t("digest.whyFees", { group: name.toLowerCase() });
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
  words: Translator = translator("en"),
): string | null {
  const { t, fmt } = words;
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
      t("digest.whyMove", {
        name: shortName(group, words),
        // A cost that grew took more money: shown as +, in the words a seller uses.
        amount: fmt.money(group === "Gross sales" || group === "Adjustments" ? moved : negate(moved), {
          signed: true,
        }),
      }),
    );
  const sign = permille < 0n ? "−" : "+";
  const abs = permille < 0n ? -permille : permille;
  const percent =
    words.locale === "en"
      ? `${sign}${abs / 10n}${abs % 10n === 0n ? "" : `.${abs % 10n}`}%`
      : `${sign}${fmt.percent(abs).replace(/[.,]0(?=\D*$)/, "")}`;
  return moves.length > 0
    ? t("digest.whySettlementMoves", { percent, moves: moves.join(", ") })
    : t("digest.whySettlement", { percent });
}
