import { formatMoney, parseMoney } from "../money/index.ts";
import type { AlertRuleRow } from "../storage/repos/settings.ts";
import type { ShopRow } from "../storage/repos/workspaces.ts";

/**
 * "when a payout of Sandbox US Shop arrives", "when the balance of X drops below $0.00 (re-arms
 * above $100.00)": the balance /balance shows (settled, awaiting payout; in withdrawal markets the
 * available TikTok balance), which is what evaluation compares.
 */
export function describeRule(
  rule: Pick<AlertRuleRow, "kind" | "threshold" | "recover" | "currency" | "shopId">,
  shops: ShopRow[],
): string {
  const shop = shops.find((s) => s.id === rule.shopId);
  const of = shop ? ` of ${shop.name}` : "";
  const amount = (v: string | null) => {
    if (!v || !rule.currency) return "?";
    try {
      return formatMoney(parseMoney(v, rule.currency));
    } catch {
      // A rule stored with an unreadable currency (parked by evaluation) is still listed, as stored.
      return `${v} ${rule.currency}`;
    }
  };
  switch (rule.kind) {
    case "payout":
      return `when a payout${of} arrives`;
    case "failed":
      return `when a payout${of} fails`;
    case "sync_trouble":
      return `sync trouble${of} (told to every channel that hears the shop)`;
    case "above":
      return `when the balance${of} rises above ${amount(rule.threshold)}${rule.recover !== rule.threshold ? ` (re-arms below ${amount(rule.recover)})` : ""}`;
    case "below":
      return `when the balance${of} drops below ${amount(rule.threshold)}${rule.recover !== rule.threshold ? ` (re-arms above ${amount(rule.recover)})` : ""}`;
    default:
      return rule.kind;
  }
}
