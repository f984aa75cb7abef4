import { DateTime } from "luxon";
import { translator, type Words } from "../i18n/index.ts";
import { UserError } from "./errors.ts";

/** A span of whole local days in one zone; `end` is inclusive. Dates are ISO "YYYY-MM-DD". */
export interface DayRange {
  start: string;
  end: string;
  label: string;
}

export interface Period extends DayRange {
  spec: string;
  zone: string;
  /** The period it is fairly compared with (a day: same weekday last week; a month: the previous month). */
  prior: DayRange;
}

export const PERIOD_PRESETS = ["today", "yesterday", "7d", "30d", "90d", "mtd", "last-month"] as const;
export const PERIOD_HELP =
  "today, yesterday, 7d, 30d, 90d, mtd, last-month, YYYY-MM, YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD";
const MAX_DAYS = 3 * 366 + 1;

const ENGLISH: Words = translator("en");
const iso = (d: DateTime) => d.toISODate() as string;

/** Local days as a reply names them, in the language of `words` ("Nov 1 – Nov 28, 2026"). */
/** "Nov 15 – Nov 28, 2026" in the language of `words`. */
export function spanIn({ fmt }: Words, start: DateTime, end: DateTime): string {
  const show = (d: DateTime, style: Parameters<Words["fmt"]["date"]>[2]) => fmt.date(iso(d), "UTC", style);
  if (start.hasSame(end, "day")) return show(start, "weekdayYear");
  if (start.year === end.year) return `${show(start, "day")} – ${show(end, "dayYear")}`;
  return `${show(start, "dayYear")} – ${show(end, "dayYear")}`;
}

function day(value: string, spec: string, { t }: Words): DateTime {
  const parsed = DateTime.fromISO(value, { zone: "UTC" });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !parsed.isValid) {
    throw new UserError(t("core.periodBadDate", { spec }));
  }
  return parsed;
}

/** Whether `spec` names a period (syntax only; dates are checked when resolved). */
export function isPeriodSpec(spec: string): boolean {
  return (
    (PERIOD_PRESETS as readonly string[]).includes(spec) ||
    /^\d{4}-\d{2}$/.test(spec) ||
    /^\d{4}-\d{2}-\d{2}$/.test(spec) ||
    /^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/.test(spec) ||
    /^\d{1,4}d$/.test(spec)
  );
}

/**
 * Resolves a period in the shop's zone at `now`. Dates are local calendar days; the caller maps
 * them to data (statements count on the local date of their 00:00 UTC stamp). Labels and errors
 * are in the language of `words` (pass the command's `ctx`); English without.
 */
export function resolvePeriod(specInput: string, zone: string, now: Date, words: Words = ENGLISH): Period {
  const { t, fmt } = words;
  const span = (start: DateTime, end: DateTime) => spanIn(words, start, end);
  const range = (start: DateTime, end: DateTime, label?: string): DayRange => ({
    start: iso(start),
    end: iso(end),
    label: label ?? span(start, end),
  });
  const named = (d: DateTime, style: "weekday" | "month") => fmt.date(iso(d), "UTC", style);
  const spec = specInput.trim().toLowerCase();
  const today = DateTime.fromJSDate(now, { zone }).startOf("day");
  const local = (d: DateTime) => DateTime.fromObject({ year: d.year, month: d.month, day: d.day }, { zone });
  let start: DateTime;
  let end: DateTime;
  let prior: DayRange;
  let label: string | undefined;
  const weekBefore = (s: DateTime) =>
    range(
      s.minus({ weeks: 1 }),
      s.minus({ weeks: 1 }),
      t("core.periodSameWeekday", { day: named(s.minus({ weeks: 1 }), "weekday") }),
    );

  if (spec === "today" || spec === "yesterday") {
    start = end = spec === "today" ? today : today.minus({ days: 1 });
    const shown = named(start, "weekday");
    label =
      spec === "today" ? t("core.periodToday", { day: shown }) : t("core.periodYesterday", { day: shown });
    prior = weekBefore(start);
  } else if (/^\d{1,4}d$/.test(spec)) {
    const n = Number.parseInt(spec, 10);
    if (n < 1 || n > MAX_DAYS)
      throw new UserError(t("core.periodDaysRange", { spec, max: String(MAX_DAYS) }));
    end = today;
    start = today.minus({ days: n - 1 });
    label = t("core.periodLastDays", { days: n, span: span(start, end) });
    prior = range(start.minus({ days: n }), start.minus({ days: 1 }));
  } else if (spec === "mtd") {
    start = today.startOf("month");
    end = today;
    label = t("core.periodMonthToDate", { span: span(start, end) });
    const previous = start.minus({ months: 1 });
    const priorEnd = DateTime.min(
      previous.plus({ days: today.day - 1 }),
      previous.endOf("month").startOf("day"),
    );
    prior = range(previous, priorEnd);
  } else if (spec === "last-month" || /^\d{4}-\d{2}$/.test(spec)) {
    if (spec === "last-month") start = today.startOf("month").minus({ months: 1 });
    else {
      const parsed = DateTime.fromFormat(spec, "yyyy-MM", { zone });
      if (!parsed.isValid) throw new UserError(t("core.periodBadMonth", { spec }));
      start = local(parsed);
    }
    end = start.endOf("month").startOf("day");
    label = named(start, "month");
    const previous = start.minus({ months: 1 });
    prior = range(previous, previous.endOf("month").startOf("day"), named(previous, "month"));
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(spec)) {
    start = end = local(day(spec, spec, words));
    prior = weekBefore(start);
  } else if (/^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/.test(spec)) {
    const [a = "", b = ""] = spec.split("..");
    start = local(day(a, spec, words));
    end = local(day(b, spec, words));
    if (end < start) throw new UserError(t("core.periodEndsBefore", { spec }));
    const n = Math.round(end.diff(start, "days").days) + 1;
    if (n > MAX_DAYS) throw new UserError(t("core.periodTooLong", { spec }));
    prior = range(start.minus({ days: n }), start.minus({ days: 1 }));
  } else {
    throw new UserError(t("core.periodUnknown", { spec: specInput, help: PERIOD_HELP }));
  }
  if (start > today) throw new UserError(t("core.periodFuture", { spec: specInput }));
  return { spec, zone, ...range(start, end, label), prior };
}

/** Every local date from start to end inclusive. */
export function daysOf(r: { start: string; end: string }): string[] {
  const out: string[] = [];
  let d = DateTime.fromISO(r.start, { zone: "UTC" });
  const last = DateTime.fromISO(r.end, { zone: "UTC" });
  while (d <= last && out.length <= MAX_DAYS) {
    out.push(iso(d));
    d = d.plus({ days: 1 });
  }
  return out;
}

/** The shop-local date of an instant (statements count on the local date of their 00:00 UTC stamp). */
export function localDate(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toISODate() as string;
}

/** "10:42 UTC" / "Nov 27, 10:42 PST" in a zone. */
export function formatClock(at: Date, zone: string, now?: Date): string {
  const d = DateTime.fromJSDate(at, { zone });
  const sameDay = now ? d.hasSame(DateTime.fromJSDate(now, { zone }), "day") : true;
  return d.toFormat(sameDay ? "HH:mm ZZZZ" : "LLL d, HH:mm ZZZZ");
}

/** "3 min ago", "2 h ago", "4 days ago". */
export function formatAge(from: Date, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - from.getTime()) / 1000));
  if (seconds < 60) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 36) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

export function isTimeZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}
