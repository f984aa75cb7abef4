import { translator, type Words } from "../i18n/index.ts";
import { parseMoney } from "../money/index.ts";
import type { AlertRuleRow } from "../storage/repos/settings.ts";
import type { ShopRow } from "../storage/repos/workspaces.ts";

/**
 * "when a payout of Sandbox US Shop arrives", "when the balance of X drops below $0.00 (re-arms
 * above $100.00)": the balance /balance shows (settled, awaiting payout; in withdrawal markets the
 * available TikTok balance), which is what evaluation compares. In the language of `words` (a
 * command's `ctx`), English by default.
 */
export function describeRule(
  rule: Pick<AlertRuleRow, "kind" | "threshold" | "recover" | "currency" | "shopId">,
  shops: ShopRow[],
  words: Words = translator("en"),
): string {
  const { t, fmt } = words;
  const shop = shops.find((s) => s.id === rule.shopId)?.name;
  const amount = (v: string | null) => {
    if (!v || !rule.currency) return "?";
    try {
      return fmt.money(parseMoney(v, rule.currency));
    } catch {
      // A rule stored with an unreadable currency (parked by evaluation) is still listed, as stored.
      return `${v} ${rule.currency}`;
    }
  };
  const named = <K extends "Payout" | "Failed" | "SyncTrouble" | "Above" | "Below">(
    key: K,
    values: Record<string, string> = {},
  ) => (shop ? t(`alert.rule${key}Of`, { ...values, shop }) : t(`alert.rule${key}`, values));
  const rearms = (text: string, key: "alert.ruleRearmsBelow" | "alert.ruleRearmsAbove") =>
    rule.recover !== rule.threshold ? t(key, { rule: text, recover: amount(rule.recover) }) : text;
  switch (rule.kind) {
    case "payout":
      return named("Payout");
    case "failed":
      return named("Failed");
    case "sync_trouble":
      return named("SyncTrouble");
    case "above":
      return rearms(named("Above", { limit: amount(rule.threshold) }), "alert.ruleRearmsBelow");
    case "below":
      return rearms(named("Below", { limit: amount(rule.threshold) }), "alert.ruleRearmsAbove");
    default:
      return rule.kind;
  }
}
