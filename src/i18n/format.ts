import { DateTime } from "luxon";
import { formatMoney, type Money, parseMoney } from "../money/index.ts";
import { INTL_TAG, type Locale } from "./locale.ts";

/** Dates as a reply shows them; English keeps the bot's own patterns, the others Intl's. */
export type DateStyle = "day" | "weekday" | "dayYear" | "weekdayYear" | "month";

const EN_PATTERNS: Record<DateStyle, string> = {
  day: "LLL d",
  weekday: "ccc LLL d",
  dayYear: "LLL d, yyyy",
  weekdayYear: "ccc LLL d, yyyy",
  month: "LLLL yyyy",
};

const INTL_STYLES: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  day: { month: "short", day: "numeric" },
  weekday: { weekday: "short", month: "short", day: "numeric" },
  dayYear: { year: "numeric", month: "short", day: "numeric" },
  weekdayYear: { weekday: "short", year: "numeric", month: "short", day: "numeric" },
  month: { year: "numeric", month: "long" },
};

/** Numbers, money, percentages and dates by one language's rules (Intl). */
export interface Formatters {
  /** "$1,234.50", "53.973.760 ₫" (vi), "Rp 1.234.567" (id: Intl puts a no-break space after Rp). */
  money(amount: Money, options?: { signed?: boolean }): string;
  /** A stored decimal (Postgres numeric as text) in a currency; null/absent is zero. */
  amount(value: string | null | undefined, currency: string, options?: { signed?: boolean }): string;
  /** 1,234 / 1.234 */
  number(value: number | bigint): string;
  /**
   * An exact decimal string as the language writes it, every digit kept (an exchange rate:
   * "1.265885" in English, "1,265885" in id and vi, where "1.265885" would read as a million).
   * English keeps the string as stored.
   */
  decimal(value: string): string;
  /** An exact share in tenths of a percent (123n → "12.3%", "12,3%" in id and vi). */
  percent(permille: bigint): string;
  /**
   * A day in a zone: a Date (an instant) or an ISO date "YYYY-MM-DD" (already a local day).
   * "Dec 2" / "2 Des" / "2 thg 12" / "2 ธ.ค."
   */
  date(at: Date | string, zone: string, style?: DateStyle): string;
  /** A 24-hour clock time in a zone: "10:42" ("10.42" in id). */
  time(at: Date, zone: string): string;
  /** Items as a list, the language's way ("a, b, c"; Thai "a b และ c"); none: "". */
  list(items: readonly string[]): string;
}

function localDay(at: Date | string, zone: string): DateTime {
  return typeof at === "string"
    ? DateTime.fromISO(at, { zone: "UTC" }).set({ hour: 12 })
    : DateTime.fromJSDate(at, { zone });
}

export function formattersFor(locale: Locale): Formatters {
  const tag = INTL_TAG[locale];
  const numbers = new Intl.NumberFormat(tag);
  const percents = new Intl.NumberFormat(tag, {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  // English keeps its "a, b, c"; id and vi join the last item with their "and" ("A, B và C").
  // Thai's ICU lists put nothing or one space between items ("Bangkok ShopและChiang Mai"), which
  // runs shop names with spaces together: commas, then " และ " before the last.
  const lists = new Intl.ListFormat(
    tag,
    locale === "en" ? { type: "unit", style: "short" } : { type: "conjunction", style: "long" },
  );
  const thaiList = (items: readonly string[]) =>
    items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} และ ${items.at(-1)}`;
  // Indonesian writes the đồng as Vietnam does, after the number ("53.973.760 ₫"; the same
  // separators as id's own), not "₫53.973.760" as Intl's id data would.
  const money: Formatters["money"] = (amount, options) =>
    formatMoney(amount, {
      locale: locale === "id" && amount.currency === "VND" ? INTL_TAG.vi : tag,
      ...options,
    });
  return {
    money,
    amount: (value, currency, options) => money(parseMoney(value ?? "0", currency), options),
    number: (value) => numbers.format(value),
    decimal(value) {
      if (locale === "en" || !/^-?\d+(\.\d+)?$/.test(value)) return value;
      const digits = value.split(".")[1]?.length ?? 0;
      // A string, not a float: Intl.NumberFormat v3 formats the exact decimal.
      return new Intl.NumberFormat(tag, {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }).format(value as `${number}`);
    },
    percent(permille) {
      const negative = permille < 0n;
      const abs = negative ? -permille : permille;
      // An exact decimal string (Intl.NumberFormat v3), no float: 123n → "0.123".
      const whole = abs / 1000n;
      const rest = (abs % 1000n).toString().padStart(3, "0");
      return percents.format(`${negative ? "-" : ""}${whole}.${rest}` as `${number}`);
    },
    date(at, zone, style = "day") {
      const day = localDay(at, zone);
      if (locale === "en") return day.toFormat(EN_PATTERNS[style]);
      return day.setLocale(tag).toLocaleString(INTL_STYLES[style]);
    },
    time: (at, zone) =>
      DateTime.fromJSDate(at, { zone })
        .setLocale(tag)
        .toLocaleString({ hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
    list: (items) => (locale === "th" ? thaiList(items) : lists.format(items)),
  };
}
