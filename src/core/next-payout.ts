import { DateTime } from "luxon";
import { add, type Money, parseMoney, zero } from "../money/index.ts";

export interface PaidStatement {
  statementTime: Date;
  paymentTime: Date;
}

export interface ProcessingStatement {
  statementTime: Date;
  settlement: string;
  currency: string;
}

export interface ExpectedPayout {
  amount: Money;
  /** The shop-local date it is expected on (YYYY-MM-DD). */
  date: string;
  /** The median whole days from a statement to its payment, in this shop's history. */
  lagDays: number;
  /** How many paid statements the estimate rests on. */
  basis: number;
}

const DAY_MS = 86_400_000;
/** Fewer paid statements than this and there is no history to speak of. */
const MIN_HISTORY = 3;

/**
 * The next payout as this shop's own history predicts it: each statement still processing is
 * expected the shop's median statement-to-payment delay after its stamp (never before today);
 * the next payout is the earliest such date, and its amount the statements expected by then.
 * Null when there is too little history or nothing is processing.
 */
export function estimateNextPayout(
  history: readonly PaidStatement[],
  processing: readonly ProcessingStatement[],
  currency: string,
  now: Date,
  zone: string,
): ExpectedPayout | null {
  const lags = history
    .map((s) => s.paymentTime.getTime() - s.statementTime.getTime())
    .filter((ms) => ms >= 0)
    .sort((a, b) => a - b);
  const waiting = processing.filter((s) => s.currency === currency);
  if (lags.length < MIN_HISTORY || waiting.length === 0) return null;
  const lagDays = Math.ceil(lags[Math.floor(lags.length / 2)]! / DAY_MS);
  const today = DateTime.fromJSDate(now, { zone }).toISODate()!;
  const dueOf = (s: ProcessingStatement) => {
    const due = DateTime.fromJSDate(new Date(s.statementTime.getTime() + lagDays * DAY_MS), {
      zone,
    }).toISODate()!;
    return due.localeCompare(today) < 0 ? today : due;
  };
  const date = waiting.map(dueOf).sort()[0]!;
  const amount = waiting
    .filter((s) => dueOf(s) <= date)
    .reduce((total, s) => add(total, parseMoney(s.settlement, currency)), zero(currency));
  return { amount, date, lagDays, basis: lags.length };
}

export interface WithdrawalRecord {
  amount: string;
  currency: string;
  status: string;
  createdTime: Date;
}

/** What a withdrawal-market shop can say about its next payout (the seller starts each one). */
export type NextWithdrawal =
  | { kind: "on-its-way"; amount: Money; requested: string }
  | { kind: "usual"; date: string; everyDays: number; basis: number }
  | { kind: "when-you-withdraw" };

/**
 * In a withdrawal market nothing is paid out until the seller withdraws from the TikTok balance.
 * A withdrawal still processing is the next payout; otherwise, with enough history, the shop's
 * median days between withdrawals after the last one gives the date it usually happens (never
 * before today). Anything else: it comes when the seller withdraws.
 */
export function estimateNextWithdrawal(
  withdrawals: readonly WithdrawalRecord[],
  currency: string,
  now: Date,
  zone: string,
): NextWithdrawal {
  const mine = withdrawals
    .filter((w) => w.currency === currency)
    .sort((a, b) => a.createdTime.getTime() - b.createdTime.getTime());
  const day = (d: Date) => DateTime.fromJSDate(d, { zone }).toISODate()!;
  const processing = mine.filter((w) => w.status === "PROCESSING");
  if (processing.length > 0) {
    const amount = processing.reduce(
      (total, w) => add(total, parseMoney(w.amount, currency)),
      zero(currency),
    );
    return { kind: "on-its-way", amount, requested: day(processing[processing.length - 1]!.createdTime) };
  }
  const days = [...new Set(mine.map((w) => day(w.createdTime)))];
  const gaps = days
    .slice(1)
    .map((d, i) => DateTime.fromISO(d).diff(DateTime.fromISO(days[i]!), "days").days)
    .sort((a, b) => a - b);
  if (gaps.length < MIN_HISTORY) return { kind: "when-you-withdraw" };
  const everyDays = gaps[Math.floor(gaps.length / 2)]!;
  const usual = DateTime.fromISO(days[days.length - 1]!)
    .plus({ days: everyDays })
    .toISODate()!;
  const today = day(now);
  return {
    kind: "usual",
    date: usual.localeCompare(today) < 0 ? today : usual,
    everyDays,
    basis: gaps.length,
  };
}
