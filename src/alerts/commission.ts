/**
 * "Commission settled" for a creator account: one alert per settlement batch (the orders one sync
 * page found newly SETTLED) to each channel with a payout alert covering the account, as a payout
 * arriving is told. The dedupe key is the event's batch plus the channel, so two evaluations or a
 * re-sync never tell it twice.
 */
import { localizeClocks, type Reply, reply } from "../core/reply.ts";
import { alertView } from "../delivery/payload.ts";
import { type Locale, translator } from "../i18n/index.ts";
import { commissionBatchKey } from "../storage/repos/creator-orders.ts";
import type { ShopRow } from "../storage/repos/workspaces.ts";
import type { CommissionFact, DomainEvent } from "./events.ts";
import { type AlertChannel, type AlertFacts, type AlertMessage, type AlertRule, targetOf } from "./facts.ts";
import { footerIn, perLocale } from "./locale.ts";

type CommissionEvent = Extract<DomainEvent, { kind: "commission_settled" }>;

export function commissionMessages(
  event: CommissionEvent,
  rules: readonly { rule: AlertRule; channel: AlertChannel }[],
  facts: AlertFacts,
  now: Date,
): AlertMessage[] {
  const account = facts.shops.get(event.shopId);
  // History found by a first sync is not news: only what settles from now on is told.
  if (!account || event.payload.backfill) return [];
  const viewIn = perLocale((locale) =>
    alertView("commission_settled", commissionSettledAlert(account, event.payload, facts.sandbox, locale)),
  );
  const linked = new Set(facts.links.filter((l) => l.shopId === account.id).map((l) => l.workspaceId));
  const targets = new Map<number, AlertChannel>();
  for (const { rule, channel } of rules) {
    if (rule.kind !== "payout" || !linked.has(rule.workspaceId)) continue;
    if (rule.snoozedUntil && rule.snoozedUntil.getTime() > now.getTime()) continue;
    if (rule.shopId !== null && rule.shopId !== account.id) continue;
    targets.set(channel.channelId, channel);
  }
  return [...targets.values()].map((channel) => ({
    target: targetOf(channel),
    view: viewIn(channel.language ?? "en"),
    dedupeKey: `commission_settled:${event.shopId}:${commissionBatchKey(event.payload.currency, event.payload.orderIds)}:${channel.channelId}`,
  }));
}

/** The alert a channel reads: how much settled, on how many orders, created when. */
export function commissionSettledAlert(
  account: ShopRow,
  p: CommissionFact,
  sandbox: boolean,
  locale: Locale = "en",
): Reply {
  const words = translator(locale);
  const { t, fmt } = words;
  const amount = fmt.amount(p.amount, p.currency);
  const orders = t("alert.commissionOrders", { count: p.orderIds.length });
  // The days are the account's local days already ("YYYY-MM-DD").
  const day = (iso: string) => fmt.date(iso, account.timezone, "day");
  const days =
    p.firstDay === p.lastDay
      ? day(p.firstDay)
      : t("alert.dayRange", { first: day(p.firstDay), last: day(p.lastDay) });
  const shown = p.orderIds.slice(0, 5);
  const more = p.orderIds.length - shown.length;
  const list = shown.join(", ");
  return localizeClocks(
    reply({
      kind: "alert",
      title: t("alert.commissionTitle", { account: account.name }),
      summary: t("alert.commissionSummary", { amount, orders, days }),
      sections: [
        {
          fields: [
            {
              label: t("alert.commissionLabel"),
              clock: "settled",
              value: amount,
              detail: t("alert.commissionDetail", { orders, days }),
            },
            {
              label: t("alert.ordersLabel"),
              value: more > 0 ? t("alert.andMore", { list, count: more }) : list,
            },
          ],
          notes: [t("alert.commissionNote")],
        },
      ],
      footer: footerIn(words, [t("alert.commissionFooter", { zone: account.timezone })], sandbox),
    }),
    locale,
  );
}
