/**
 * Amounts as sellers' spreadsheets show them ("$1,234.56", "Rp 1.234.567", "(12.50)", "/")
 * turned into exact decimal strings, never through a JS number.
 *
 * Separators are decided by the value's own pattern:
 * - both `.` and `,`: the last one is the decimal separator, the other groups thousands
 *   ("1,234.56", "1.234,56");
 * - one kind, repeated: thousands ("1,234,567", "1.234.567");
 * - one separator followed by anything but exactly three digits: decimal ("12,5", "1234.56");
 * - one separator followed by exactly three digits ("1,234", "150.000") is ambiguous. It takes
 *   the file's style when the file's other values show it (an Indonesian file writing
 *   "1.234.567" reads "150.000" as 150000; a file writing "12.50" reads "1,234" as 1234); with
 *   no evidence it is a thousands separator; when the file uses both styles it is an error.
 */
import { decimalProblem, SCALE } from "../../money/money.ts";
import type { Problem } from "./import-error.ts";

/** Which character separates decimals in a file: "dot" (1,234.5) or "comma" (1.234,5). */
export type NumberStyle = "dot" | "comma";
export type FileStyle = NumberStyle | "mixed" | undefined;

export type AmountResult = { ok: true; value: string | null } | { ok: false; problem: Problem };

/** Cells that mean "not applicable" (the unsettled export writes "/"). */
const NOT_APPLICABLE = new Set(["", "/", "-", "--", "—", "n/a", "na"]);
const PREFIX = /^(?:US\$|S\$|R\$|RM|Rp\.?|[A-Z]{3}|[$€£¥₫฿₱₩₹])\s*/i;
const SUFFIX = /\s*(?:[A-Z]{3}|[€₫đ₩])$/i;

interface Shape {
  value: string;
  /** What the value says about the file's style (undefined: nothing, or ambiguous). */
  vote: NumberStyle | undefined;
  /** Set for "1,234" / "150.000": the readings under each style. */
  ambiguous?: Record<NumberStyle, string>;
}

const grouped = (integer: string, separator: string) =>
  new RegExp(`^\\d{1,3}(?:\\${separator}\\d{3})+$`).test(integer);

function shapeOf(body: string): Shape | undefined {
  const dots = body.split(".").length - 1;
  const commas = body.split(",").length - 1;
  if (!/^\d*[.,\d]*$/.test(body) || !/\d/.test(body)) return undefined;
  if (dots === 0 && commas === 0) return { value: body, vote: undefined };
  if (dots > 0 && commas > 0) {
    const decimal = body.lastIndexOf(".") > body.lastIndexOf(",") ? "." : ",";
    const group = decimal === "." ? "," : ".";
    const at = body.lastIndexOf(decimal);
    const integer = body.slice(0, at);
    const fraction = body.slice(at + 1);
    if (!grouped(integer, group) || !/^\d+$/.test(fraction)) return undefined;
    return { value: `${integer.split(group).join("")}.${fraction}`, vote: decimal === "." ? "dot" : "comma" };
  }
  const separator = dots > 0 ? "." : ",";
  if (dots + commas > 1) {
    if (!grouped(body, separator)) return undefined;
    return { value: body.split(separator).join(""), vote: separator === "." ? "comma" : "dot" };
  }
  const [integer = "", fraction = ""] = body.split(separator);
  if (!/^\d+$/.test(fraction)) return undefined;
  if (fraction.length === 3 && /^[1-9]\d{0,2}$/.test(integer)) {
    const thousands = `${integer}${fraction}`;
    const decimal = `${integer}.${fraction}`;
    return {
      value: thousands,
      vote: undefined,
      ambiguous: separator === "." ? { dot: decimal, comma: thousands } : { dot: thousands, comma: decimal },
    };
  }
  return { value: `${integer || "0"}.${fraction}`, vote: separator === "." ? "dot" : "comma" };
}

interface Stripped {
  negative: boolean;
  body: string;
}

function strip(text: string): Stripped | null | undefined {
  let s = text
    .normalize("NFKC")
    .trim()
    .replace(/[\u2212\u2012\u2013]/g, "-");
  if (NOT_APPLICABLE.has(s.toLowerCase())) return null;
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  const sign = () => {
    const m = /^([+-])\s*/.exec(s);
    if (!m) return;
    if (m[1] === "-") negative = !negative;
    s = s.slice(m[0].length);
  };
  sign();
  const prefix = PREFIX.exec(s);
  if (prefix && /^[\d.,+-]/.test(s.slice(prefix[0].length))) s = s.slice(prefix[0].length);
  sign();
  const suffix = SUFFIX.exec(s);
  if (suffix && /\d$/.test(s.slice(0, suffix.index))) s = s.slice(0, suffix.index);
  // Spaces and apostrophes group thousands ("1 234,56", "1'234.56"), only in groups of three.
  if (/[ ']/.test(s)) {
    if (!/^\d{1,3}(?:[ ']\d{3})+(?:[.,]\d+)?$/.test(s)) return undefined;
    s = s.replace(/[ ']/g, "");
  }
  return { negative, body: s };
}

/** The style a file's values show, from the values that are not ambiguous on their own. */
export function detectNumberStyle(texts: Iterable<string>): FileStyle {
  let dot = false;
  let comma = false;
  for (const text of texts) {
    const stripped = strip(text);
    const shape = stripped ? shapeOf(stripped.body) : undefined;
    if (shape?.vote === "dot") dot = true;
    if (shape?.vote === "comma") comma = true;
  }
  return dot && comma ? "mixed" : dot ? "dot" : comma ? "comma" : undefined;
}

/** Parses one amount as text; `null` value for an empty or "/" (n/a) cell. */
export function parseAmountText(text: string, style?: FileStyle): AmountResult {
  const quoted = text.trim();
  const stripped = strip(text);
  if (stripped === null) return { ok: true, value: null };
  const shape = stripped ? shapeOf(stripped.body) : undefined;
  if (!stripped || !shape)
    return { ok: false, problem: { key: "importRows.notNumber", values: { value: quoted } } };
  let value = shape.value;
  if (shape.ambiguous) {
    if (style === "mixed") {
      return {
        ok: false,
        problem: {
          key: "importRows.ambiguous",
          values: { value: quoted, dot: shape.ambiguous.dot, comma: shape.ambiguous.comma },
        },
      };
    }
    if (style) value = shape.ambiguous[style];
  }
  return checked(`${stripped.negative ? "-" : ""}${value}`, quoted);
}

/** A number cell (XLSX) as an exact decimal string. */
export function parseAmountNumber(value: number): AmountResult {
  if (!Number.isFinite(value))
    return { ok: false, problem: { key: "importRows.notNumber", values: { value: String(value) } } };
  // XLSX stores numbers as doubles; the shortest round-trip text is what the file holds
  // ("12.34"). A computed value such as 0.30000000000000004 then fails the scale check.
  return checked(expandExponent(String(value)), String(value));
}

function checked(value: string, quoted: string): AmountResult {
  const problem = decimalProblem(value);
  if (!problem) return { ok: true, value };
  if (problem.includes("decimal places")) {
    return {
      ok: false,
      problem: { key: "importRows.tooManyDecimals", values: { value: quoted, scale: SCALE } },
    };
  }
  if (problem.includes("too large"))
    return { ok: false, problem: { key: "importRows.tooLarge", values: { value: quoted } } };
  return { ok: false, problem: { key: "importRows.notNumber", values: { value: quoted } } };
}

/** "1.5e-7" → "0.00000015", "1e+21" → "1000000000000000000000" (string arithmetic only). */
export function expandExponent(text: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/i.exec(text);
  if (!match) return text;
  const [, sign = "", whole = "", fraction = "", exponentText = "0"] = match;
  const exponent = Number(exponentText);
  const digits = whole + fraction;
  const point = whole.length + exponent;
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
