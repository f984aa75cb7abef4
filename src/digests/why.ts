import { asMoney } from "../core/format.ts";
import type { Period } from "../core/periods.ts";
import { explainSettlementChange } from "../core/settlement-why.ts";
import { type Translator, translator } from "../i18n/index.ts";
import type { Db } from "../storage/database.ts";
import { readBreakdownTotals } from "../storage/repos/rollups.ts";

/** The digest's one-line "why" for a shop's settlement of `period` against its prior period, or null. */
export async function whySettlementMoved(
  db: Db,
  shopId: number,
  currency: string,
  period: Period,
  words: Translator = translator("en"),
): Promise<string | null> {
  const [now, before] = await Promise.all([
    readBreakdownTotals(db, shopId, period),
    readBreakdownTotals(db, shopId, period.prior),
  ]);
  const totals = (rows: typeof now) =>
    rows
      .filter((r) => r.currency === currency)
      .map((r) => ({ category: r.category, amount: asMoney(r.total, currency) }));
  return explainSettlementChange(currency, totals(now), totals(before), undefined, words);
}
