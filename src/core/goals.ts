import { DateTime } from "luxon";
import { translator, type Words } from "../i18n/index.ts";
import { type Money, parseMoney, scale, subtract } from "../money/index.ts";
import type { Db } from "../storage/database.ts";
import { readStatementTotals } from "../storage/repos/rollups.ts";

export type Cadence = "daily" | "weekly" | "monthly";
export type Metric = "settled" | "revenue";

export interface GoalLike {
  amount: string;
  currency: string;
  cadence: string;
  metric: string;
}

export interface GoalProgress {
  periodStart: string;
  periodEnd: string;
  /** "November 2026", "week of Nov 23", "Sat Nov 28" (other languages: `goalPeriodLabel`). */
  periodLabel: string;
  target: Money;
  achieved: Money;
  remaining: Money;
  /** Per day still needed, over the days left including today (null once reached). */
  neededPerDay: Money | null;
  /** At the current daily pace, where the period ends. */
  projection: Money;
  daysLeft: number;
  /** Progress in whole percent (floored). */
  percent: number;
  reached: boolean;
}

/** The goal's current period in the shop's zone: today, this ISO week (Mon–Sun) or this month. */
export function goalPeriod(cadence: string, zone: string, now: Date) {
  const today = DateTime.fromJSDate(now, { zone }).startOf("day");
  const unit = cadence === "daily" ? "day" : cadence === "weekly" ? "week" : "month";
  const start = today.startOf(unit);
  const end = today.endOf(unit).startOf("day");
  const label = goalPeriodLabel(cadence, start.toISODate()!, translator("en"));
  return { start, end, today, label };
}

/**
 * The goal period starting on `periodStart` (a local day), in a language: "Sat Nov 28",
 * "week of Nov 23", "November 2026". `GoalProgress.periodLabel` is the English one.
 */
export function goalPeriodLabel(cadence: string, periodStart: string, { t, fmt }: Words): string {
  if (cadence === "daily") return fmt.date(periodStart, "UTC", "weekday");
  if (cadence === "weekly") return t("goals.weekOf", { day: fmt.date(periodStart, "UTC", "day") });
  return fmt.date(periodStart, "UTC", "month");
}

export async function goalProgress(
  db: Db,
  shopId: number,
  zone: string,
  goal: GoalLike,
  now: Date,
): Promise<GoalProgress> {
  const { start, end, today, label } = goalPeriod(goal.cadence, zone, now);
  const range = { start: start.toISODate()!, end: end.toISODate()! };
  const rows = await readStatementTotals(db, shopId, range);
  const field = goal.metric === "revenue" ? "revenue" : "settlement";
  const achieved = parseMoney(
    rows.find((r) => r.field === field && r.currency === goal.currency)?.total ?? "0",
    goal.currency,
  );
  const target = parseMoney(goal.amount, goal.currency);
  const remaining = subtract(target, achieved);
  const totalDays = Math.round(end.diff(start, "days").days) + 1;
  const elapsed = Math.round(today.diff(start, "days").days) + 1;
  const daysLeft = totalDays - elapsed + 1;
  const reached = achieved.units >= target.units;
  const percent = target.units > 0n ? Number((achieved.units * 100n) / target.units) : 0;
  return {
    periodStart: range.start,
    periodEnd: range.end,
    periodLabel: label,
    target,
    achieved,
    remaining,
    neededPerDay: reached ? null : scale(remaining, 1n, BigInt(daysLeft)),
    projection: scale(achieved, BigInt(totalDays), BigInt(elapsed)),
    daysLeft,
    percent,
    reached,
  };
}
