/**
 * Dates and times as exports write them. A value is kept as a wall-clock reading plus the zone
 * it names, if any; it becomes an instant only once the importer knows the shop's zone.
 */

import { DateTime } from "luxon";
import { type Cell, pad2 } from "./cells.ts";
import type { Problem } from "./import-error.ts";

export interface Stamp {
  /** "YYYY-MM-DD". */
  date: string;
  /** "HH:mm:ss", or null for a date without a time. */
  time: string | null;
  /** A zone the value itself names ("UTC", "UTC+7"); null means the export's zone. */
  zone: string | null;
}

export type StampResult = { ok: true; stamp: Stamp | null } | { ok: false; problem: Problem };

const INVALID: StampResult = { ok: false, problem: { key: "importRows.invalidDate" } };

export const DATE_FORMATS = "YYYY-MM-DD HH:mm:ss, YYYY/MM/DD HH:mm:ss or DD/MM/YYYY HH:mm:ss";

/** How a slash date such as 01/02/2026 reads: 1 February ("dmy") or January 2 ("mdy"). */
export type DateOrder = "dmy" | "mdy";

const YEAR_FIRST =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i;
export const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
// Excel serial dates: day 1 is 1900-01-01, counted from 1899-12-30 because of the 1900 leap bug.
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function stampOf(
  year: number,
  month: number,
  day: number,
  time: [number, number, number] | null,
  zone: string | null,
): Stamp | undefined {
  const check = DateTime.fromObject(
    { year, month, day, hour: time?.[0] ?? 0, minute: time?.[1] ?? 0, second: time?.[2] ?? 0 },
    { zone: "UTC" },
  );
  if (!check.isValid) return undefined;
  return {
    date: `${year}-${pad2(month)}-${pad2(day)}`,
    time: time ? time.map(pad2).join(":") : null,
    zone,
  };
}

function offsetZone(text: string | undefined): string | null {
  if (!text) return null;
  if (/^(z|utc|gmt)$/i.test(text)) return "UTC";
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(text);
  if (!m) return null;
  return `UTC${m[1]}${Number(m[2])}${m[3] === "00" ? "" : `:${m[3]}`}`;
}

const num = (s: string | undefined) => Number(s ?? "0");

/** Parses a date cell: ISO, YYYY/MM/DD, DD/MM/YYYY (optionally with a time), a date cell or an Excel serial. */
export function parseStamp(cell: Cell | undefined, order: DateOrder = "dmy"): StampResult {
  if (cell === null || cell === undefined || cell === "") return { ok: true, stamp: null };
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return INVALID;
    const time: [number, number, number] = [cell.getUTCHours(), cell.getUTCMinutes(), cell.getUTCSeconds()];
    const stamp = stampOf(
      cell.getUTCFullYear(),
      cell.getUTCMonth() + 1,
      cell.getUTCDate(),
      time.every((t) => t === 0) ? null : time,
      null,
    );
    return stamp ? { ok: true, stamp } : INVALID;
  }
  if (typeof cell === "number") {
    if (!(cell >= 1 && cell < 2_958_466))
      return { ok: false, problem: { key: "importRows.notDate", values: { value: String(cell) } } };
    return parseStamp(new Date(EXCEL_EPOCH + Math.round(cell * 86_400) * 1000), order);
  }
  const text = String(cell).normalize("NFKC").trim();
  if (text === "" || text === "/") return { ok: true, stamp: null };
  const formats = order === "mdy" ? DATE_FORMATS.replace("DD/MM/YYYY", "MM/DD/YYYY") : DATE_FORMATS;
  const bad: StampResult = {
    ok: false,
    problem: { key: "importRows.notDateUse", values: { value: text, formats } },
  };
  const y = YEAR_FIRST.exec(text);
  if (y) {
    const time: [number, number, number] | null = y[4] ? [num(y[4]), num(y[5]), num(y[6])] : null;
    const stamp = stampOf(num(y[1]), num(y[2]), num(y[3]), time, offsetZone(y[7]));
    return stamp ? { ok: true, stamp } : bad;
  }
  const d = DAY_FIRST.exec(text);
  if (d) {
    const time: [number, number, number] | null = d[4] ? [num(d[4]), num(d[5]), num(d[6])] : null;
    const [day, month] = order === "mdy" ? [d[2], d[1]] : [d[1], d[2]];
    const stamp = stampOf(num(d[3]), num(month), num(day), time, null);
    return stamp ? { ok: true, stamp } : bad;
  }
  return bad;
}

/** The instant of a stamp; wall times without their own zone are read in `zone`. */
export function stampInstant(stamp: Stamp, zone: string): Date {
  return DateTime.fromISO(`${stamp.date}T${stamp.time ?? "00:00:00"}`, {
    zone: stamp.zone ?? zone,
  }).toJSDate();
}

/** Whether luxon knows the zone ("America/Los_Angeles", "UTC-7"). */
export function isKnownZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}

/**
 * The order of the slash dates among `texts`: what the values themselves prove (a first part
 * over 12 is a day), else `fallback` (the export's locale). Undefined when nothing decides and a
 * value is ambiguous; "mixed" when the file proves both orders.
 */
export function slashDateOrder(
  texts: Iterable<string>,
  fallback: DateOrder | undefined,
): DateOrder | "mixed" | undefined {
  let dmy = false;
  let mdy = false;
  let ambiguous = false;
  for (const text of texts) {
    const m = DAY_FIRST.exec(text.normalize("NFKC").trim());
    if (!m) continue;
    const first = Number(m[1]);
    const second = Number(m[2]);
    if (first > 12 && second <= 12) dmy = true;
    else if (second > 12 && first <= 12) mdy = true;
    else if (first !== second) ambiguous = true;
  }
  if (dmy && mdy) return "mixed";
  if (dmy) return "dmy";
  if (mdy) return "mdy";
  return ambiguous ? fallback : (fallback ?? "dmy");
}
