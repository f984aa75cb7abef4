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
