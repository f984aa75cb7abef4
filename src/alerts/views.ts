import { DateTime } from "luxon";
import { type GoalProgress, goalPeriodLabel } from "../core/goals.ts";
import { showPayout } from "../core/payout-amount.ts";
import { localizeClocks, type Reply, reply } from "../core/reply.ts";
import { type Locale, type Translator, translator } from "../i18n/index.ts";
import { add, parseMoney } from "../money/index.ts";
import type { ShopRow } from "../storage/repos/workspaces.ts";
import { footerIn } from "./locale.ts";

/**
 * Alert views: one builder per alert, shared by every platform (numbers can't drift), each in the
 * language of the workspace it goes to (English by default), clocks named in that language.
 */
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
  locale: Locale = "en",
): Reply {
  const words = translator(locale);
  const { t } = words;
  const paid = showPayoutIn(words, {
    amount: p.amount,
    currency: p.currency,
    settlementAmount: p.exchange?.settlementAmount ?? null,
    settlementCurrency: p.exchange?.settlementCurrency ?? null,
    reserveAmount: p.exchange?.reserveAmount ?? null,
    exchangeRate: p.exchange?.exchangeRate ?? null,
  });
  const account = p.bankAccount ?? t("alert.yourAccount");
  const at = DateTime.fromISO(p.paidTime ?? p.createdTime, { zone: shop.timezone });
  const when = t("alert.paidAt", {
    day: words.fmt.date(at.toJSDate(), shop.timezone, "weekday"),
    time: words.fmt.time(at.toJSDate(), shop.timezone),
    offset: at.toFormat("ZZZZ"),
  });
  return localizeClocks(
    reply({
      kind: failed ? "warning" : "alert",
      title: t(failed ? "alert.payoutFailedTitle" : "alert.payoutArrivedTitle", { shop: shop.name }),
      summary: t(failed ? "alert.payoutFailedSummary" : "alert.payoutArrivedSummary", {
        amount: paid,
        account,
      }),
      sections: [
        {
          fields: [
            {
              label: t(failed ? "alert.payoutFailedLabel" : "alert.paidOut"),
              // A failed payout was not paid out: its amount is on no clock (the label says what it is).
              ...(failed ? {} : { clock: "paid" as const }),
              value: paid,
              detail: when,
            },
            { label: t("alert.bankAccount"), value: p.bankAccount ?? "—" },
            {
              label: t("alert.statementsCovered"),
              value:
                statements.length === 0
                  ? "—"
                  : statements.length === 1
                    ? statements[0]!.day
                    : t("alert.statementsRange", {
                        count: statements.length,
                        first: statements[0]!.day,
                        last: statements.at(-1)!.day,
                      }),
            },
          ],
          notes: failed ? [t("alert.payoutFailedNote")] : [],
        },
      ],
      footer: footerIn(words, [t("alert.payoutFooter", { id: p.payoutId }), shop.timezone], sandbox),
    }),
    locale,
  );
}

/**
 * A payout in the currency it was paid in, in a language; one paid in another currency than it
 * settled in (a cross-border shop) also shows the amount before the exchange and the rate.
 * English is `showPayout`'s.
 */
export function showPayoutIn(words: Translator, p: Parameters<typeof showPayout>[0]): string {
  if (words.locale === "en") return showPayout(p);
  const paid = words.fmt.amount(p.amount, p.currency);
  if (!p.settlementAmount || !p.settlementCurrency || p.settlementCurrency === p.currency) return paid;
  const before = add(
    parseMoney(p.settlementAmount, p.settlementCurrency),
    parseMoney(p.reserveAmount ?? "0", p.settlementCurrency),
  );
  return words.t("alert.exchanged", {
    paid,
    before: words.fmt.money(before),
    rate: p.exchangeRate ? words.fmt.decimal(p.exchangeRate) : words.t("alert.unstatedRate"),
  });
}

/** The figure a threshold compares, named as /balance names it. */
const BALANCE_LABEL = {
  ledger_available: "alert.balanceAvailable",
  settled_awaiting: "alert.balanceSettledAwaiting",
} as const;

export function thresholdAlert(
  shop: ShopRow,
  rule: { kind: string; threshold: string; currency: string },
  balance: { amount: string; source: keyof typeof BALANCE_LABEL },
  sandbox: boolean,
  locale: Locale = "en",
): Reply {
  const words = translator(locale);
  const { t, fmt } = words;
  const limit = fmt.amount(rule.threshold, rule.currency);
  const below = rule.kind === "below" ? "yes" : "no";
  const negative = below === "yes" && parseMoney(balance.amount, rule.currency).units < 0n;
  const label = t(BALANCE_LABEL[balance.source]);
  const amount = fmt.amount(balance.amount, rule.currency);
  return localizeClocks(
    reply({
      kind: "warning",
      title: t("alert.thresholdTitle", { below, limit, shop: shop.name }),
      summary: t("alert.thresholdSummary", { label, amount, below, limit }),
      sections: [
        {
          fields: [{ label, clock: "settled", value: amount }],
          notes: negative ? [t("alert.negativeBalanceNote")] : [],
        },
      ],
      footer: footerIn(words, [t("alert.thresholdFooter"), shop.timezone], sandbox),
    }),
    locale,
  );
}

export function goalAlert(
  shop: ShopRow,
  goal: { id: number; cadence: string; metric: string },
  progress: GoalProgress,
  milestone: number,
  sandbox: boolean,
  locale: Locale = "en",
): Reply {
  const words = translator(locale);
  const { t, fmt } = words;
  const done = milestone >= 100;
  const period = goalPeriodLabel(goal.cadence, progress.periodStart, words);
  const achieved = fmt.money(progress.achieved);
  const target = fmt.money(progress.target);
  const percent = fmt.number(progress.percent);
  return localizeClocks(
    reply({
      kind: done ? "success" : "info",
      title: done
        ? t("alert.goalReachedTitle", { shop: shop.name })
        : t("alert.goalMilestoneTitle", { milestone: fmt.number(milestone), shop: shop.name }),
      summary: t("alert.goalSummary", {
        cadence: goal.cadence,
        metric: goal.metric,
        id: String(goal.id),
        achieved,
        target,
        percent,
        period,
      }),
      sections: [
        {
          fields: [
            {
              label: t("alert.goalSoFar", { metric: goal.metric }),
              clock: "settled",
              value: achieved,
              detail: t("alert.goalOfTarget", { percent, target }),
            },
            ...(progress.neededPerDay
              ? [
                  {
                    label: t("alert.goalPace"),
                    value: t("alert.perDay", { amount: fmt.money(progress.neededPerDay) }),
                    detail: t("alert.daysLeft", { days: progress.daysLeft }),
                  },
                ]
              : []),
          ],
        },
      ],
      footer: footerIn(words, [period, shop.timezone], sandbox),
    }),
    locale,
  );
}

/** Why a shop's sync is in trouble: its authorization lapsed, or syncs kept failing. */
export type SyncProblem =
  | { kind: "reauth" }
  | { kind: "failing"; error: string | null; code: string | null; failures: number };

/** The problem as one sentence; TikTok's own error text stays as TikTok wrote it. */
export function describeSyncProblem(problem: SyncProblem, locale: Locale = "en"): string {
  const { t } = translator(locale);
  if (problem.kind === "reauth") return t("alert.problemReauth");
  const error = problem.error ?? t("alert.syncFailed");
  return problem.code
    ? t("alert.problemFailingCode", { error, code: problem.code, failures: problem.failures })
    : t("alert.problemFailing", { error, failures: problem.failures });
}

export function syncTroubleAlert(
  shop: ShopRow,
  problem: SyncProblem,
  sandbox: boolean,
  locale: Locale = "en",
): Reply {
  const words = translator(locale);
  const { t } = words;
  const sentence = describeSyncProblem(problem, locale);
  const alert = reply({
    kind: "warning",
    title: t("alert.syncTroubleTitle", { shop: shop.name }),
    summary: t("alert.syncTroubleSummary", { shop: shop.name, problem: sentence }),
    sections: [{ notes: [sentence, t("alert.syncTroubleNote")] }],
    footer: footerIn(words, [t("alert.toldOnceADay")], sandbox),
  });
  return localizeClocks(alert, locale);
}
