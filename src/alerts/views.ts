import { DateTime } from "luxon";
import { show } from "../core/format.ts";
import type { GoalProgress } from "../core/goals.ts";
import { showPayout } from "../core/payout-amount.ts";
import { type Reply, reply } from "../core/reply.ts";
import { formatMoney, parseMoney } from "../money/index.ts";
import type { ShopRow } from "../storage/repos/workspaces.ts";

/** Alert views: one builder per alert, shared by every platform (numbers can't drift). */
export function payoutAlert(
  shop: ShopRow,
  p: {
    payoutId: string;
    amount: string;
    currency: string;
    bankAccount: string | null;
    paidTime: string | null;
    createdTime: string;
    exchange?: {
      settlementAmount: string;
      settlementCurrency: string;
      reserveAmount: string | null;
      exchangeRate: string | null;
    };
  },
  statements: { id: string; day: string }[],
  failed: boolean,
  sandbox: boolean,
): Reply {
  // A cross-border payment also shows the amount before the exchange and the rate.
  const paid = showPayout({
    amount: p.amount,
    currency: p.currency,
    settlementAmount: p.exchange?.settlementAmount ?? null,
    settlementCurrency: p.exchange?.settlementCurrency ?? null,
    reserveAmount: p.exchange?.reserveAmount ?? null,
    exchangeRate: p.exchange?.exchangeRate ?? null,
  });
  const when = DateTime.fromISO(p.paidTime ?? p.createdTime, { zone: shop.timezone }).toFormat(
    "ccc LLL d, HH:mm ZZZZ",
  );
  return reply({
    kind: failed ? "warning" : "alert",
    title: failed ? `⚠ Payout failed · ${shop.name}` : `💸 Payout arrived · ${shop.name}`,
    summary: `${failed ? "Payout failed" : "Payout arrived"}: ${paid} to ${p.bankAccount ?? "your account"}`,
    sections: [
      {
        fields: [
          {
            label: failed ? "Payout (failed)" : "Paid out",
            clock: "paid",
            value: paid,
            detail: when,
          },
          { label: "Bank account", value: p.bankAccount ?? "—" },
          {
            label: "Statements covered",
            value:
              statements.length === 0
                ? "—"
                : statements.length === 1
                  ? statements[0]!.day
                  : `${statements.length} (${statements[0]!.day} → ${statements.at(-1)!.day})`,
          },
        ],
        notes: failed
          ? ["TikTok could not pay this out: check the bank account in Seller Center → Finance."]
          : [],
      },
    ],
    footer: `payout ${p.payoutId} · ${shop.timezone}${sandbox ? " · sandbox data" : ""}`,
  });
}

/** The figure a threshold compares, named as /balance names it. */
const BALANCE_LABEL = {
  ledger_available: "TikTok balance, available (settled, derived)",
  settled_awaiting: "Settled, awaiting payout",
} as const;

export function thresholdAlert(
  shop: ShopRow,
  rule: { kind: string; threshold: string; currency: string },
  balance: { amount: string; source: keyof typeof BALANCE_LABEL },
  sandbox: boolean,
): Reply {
  const limit = formatMoney(parseMoney(rule.threshold, rule.currency));
  const below = rule.kind === "below";
  const negative = below && parseMoney(balance.amount, rule.currency).units < 0n;
  const label = BALANCE_LABEL[balance.source];
  return reply({
    kind: "warning",
    title: `${below ? "📉" : "📈"} Balance ${below ? "below" : "above"} ${limit} · ${shop.name}`,
    summary: `${label} is ${show(balance.amount, rule.currency)} (${below ? "below" : "above"} ${limit})`,
    sections: [
      {
        fields: [{ label, clock: "settled", value: show(balance.amount, rule.currency) }],
        notes: negative ? ["A negative balance blocks withdrawals until sales cover it."] : [],
      },
    ],
    footer: `fires once per crossing · ${shop.timezone}${sandbox ? " · sandbox data" : ""}`,
  });
}

export function goalAlert(
  shop: ShopRow,
  goal: { id: number; cadence: string; metric: string },
  progress: GoalProgress,
  milestone: number,
  sandbox: boolean,
): Reply {
  const done = milestone >= 100;
  return reply({
    kind: done ? "success" : "info",
    title: done ? `🎯 Goal reached · ${shop.name}` : `Goal ${milestone}% · ${shop.name}`,
    summary: `${goal.cadence} ${goal.metric} goal #${goal.id}: ${formatMoney(progress.achieved)} of ${formatMoney(progress.target)} (${progress.percent}%) for ${progress.periodLabel}`,
    sections: [
      {
        fields: [
          {
            label: `${goal.metric === "revenue" ? "Revenue" : "Settled"} so far`,
            clock: "settled",
            value: formatMoney(progress.achieved),
            detail: `${progress.percent}% of ${formatMoney(progress.target)}`,
          },
          ...(progress.neededPerDay
            ? [
                {
                  label: "Pace needed",
                  value: `${formatMoney(progress.neededPerDay)}/day`,
                  detail: `${progress.daysLeft} days left`,
                },
              ]
            : []),
        ],
      },
    ],
    footer: `${progress.periodLabel} · ${shop.timezone}${sandbox ? " · sandbox data" : ""}`,
  });
}

export function syncTroubleAlert(shop: ShopRow, problem: string, sandbox: boolean): Reply {
  return reply({
    kind: "warning",
    title: `⚠ Sync trouble · ${shop.name}`,
    summary: `balance-bot cannot sync ${shop.name}: ${problem}`,
    sections: [
      { notes: [problem, "Figures may be out of date until this is fixed. Details: /balance status"] },
    ],
    footer: `told at most once a day${sandbox ? " · sandbox data" : ""}`,
  });
}
