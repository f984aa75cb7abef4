/**
 * Exact money. An amount is a `bigint` count of micro-units (10^-6) plus an ISO 4217 currency.
 * Six decimals hold every amount TikTok sends ("1.000000" is its widest); an input with more
 * digits is rejected rather than rounded, so nothing is silently lost.
 */
export const SCALE = 6;
const FACTOR = 10n ** BigInt(SCALE);
const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;
const CURRENCY = /^[A-Z]{3}$/;

export interface Money {
  readonly units: bigint;
  readonly currency: string;
}

/** Thrown for a malformed amount or currency; `field` names where it came from. */
export class MoneyError extends Error {
  override readonly name = "MoneyError";
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(field ? `${field}: ${message}` : message);
  }
}

/** Why `value` is not an exact decimal within the scale, or undefined when it is. */
export function decimalProblem(value: string): string | undefined {
  const match = DECIMAL.exec(value.trim());
  if (!match) return `"${truncate(value)}" is not a decimal number`;
  const fraction = match[3] ?? "";
  if (fraction.length > SCALE && /[1-9]/.test(fraction.slice(SCALE))) {
    return `"${truncate(value)}" has more than ${SCALE} decimal places`;
  }
  if ((match[2] ?? "").length > 24) return `"${truncate(value)}" is too large`;
  return undefined;
}

/** Parses a decimal string exactly ("-30", "1234.56", "1.000000"). */
export function parseMoney(value: string, currency: string, field?: string): Money {
  const problem = decimalProblem(value);
  if (problem) throw new MoneyError(problem, field);
  return { units: toUnits(value.trim()), currency: checkCurrency(currency, field) };
}

export function checkCurrency(currency: string, field?: string): string {
  const code = currency.trim().toUpperCase();
  if (!CURRENCY.test(code))
    throw new MoneyError(`"${truncate(currency)}" is not an ISO 4217 currency`, field);
  return code;
}

function toUnits(value: string): bigint {
  const match = DECIMAL.exec(value)!;
  const fraction = (match[3] ?? "").slice(0, SCALE).padEnd(SCALE, "0");
  const magnitude = BigInt(match[2] ?? "0") * FACTOR + BigInt(fraction);
  return match[1] === "-" ? -magnitude : magnitude;
}

export function money(value: string, currency: string): Money {
  return parseMoney(value, currency);
}

export function zero(currency: string): Money {
  return { units: 0n, currency: checkCurrency(currency) };
}

function same(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new MoneyError(`cannot combine ${a.currency} with ${b.currency} without an exchange rate`);
  }
}

export function add(a: Money, b: Money): Money {
  same(a, b);
  return { units: a.units + b.units, currency: a.currency };
}

export function subtract(a: Money, b: Money): Money {
  same(a, b);
  return { units: a.units - b.units, currency: a.currency };
}

export function negate(a: Money): Money {
  return { units: -a.units, currency: a.currency };
}

export function sum(currency: string, items: Iterable<Money>): Money {
  let total = zero(currency);
  for (const item of items) total = add(total, item);
  return total;
}

export function compare(a: Money, b: Money): -1 | 0 | 1 {
  same(a, b);
  return a.units < b.units ? -1 : a.units > b.units ? 1 : 0;
}

export function isZero(a: Money): boolean {
  return a.units === 0n;
}

export function isNegative(a: Money): boolean {
  return a.units < 0n;
}

/** Multiplies by a rational `numerator / denominator`, rounding half away from zero to the scale. */
export function scale(a: Money, numerator: bigint, denominator: bigint): Money {
  if (denominator === 0n) throw new MoneyError("division by zero");
  const product = a.units * numerator;
  const negative = product < 0n !== denominator < 0n;
  const n = product < 0n ? -product : product;
  const d = denominator < 0n ? -denominator : denominator;
  const rounded = (n * 2n + d) / (2n * d);
  return { units: negative ? -rounded : rounded, currency: a.currency };
}

/** The exact decimal string, trailing zeros trimmed ("-30", "1234.5"). */
export function toDecimal(a: Money): string {
  const negative = a.units < 0n;
  const magnitude = negative ? -a.units : a.units;
  const whole = magnitude / FACTOR;
  const fraction = (magnitude % FACTOR).toString().padStart(SCALE, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

/** A decimal string as Intl.NumberFormat's typings name it (toDecimal always gives one). */
function isNumericLiteral(value: string): value is `${number}` {
  return DECIMAL.test(value);
}

/** Digits the currency shows (USD 2, JPY 0, VND 0, BHD 3). */
export function currencyDigits(currency: string): number {
  return (
    new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Formats with Intl in the currency's own digits. The decimal string (not a float) goes to Intl,
 * which formats it exactly; only the display rounds, half away from zero.
 */
export function formatMoney(a: Money, options: { locale?: string; signed?: boolean } = {}): string {
  const locale = options.locale ?? "en-US";
  const key = `${locale}|${a.currency}|${options.signed ? 1 : 0}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: "currency",
      currency: a.currency,
      currencyDisplay: "narrowSymbol",
      signDisplay: options.signed ? "exceptZero" : "auto",
    });
    formatters.set(key, formatter);
  }
  // Intl formats a decimal string exactly (Intl.NumberFormat v3): no float in between.
  const decimal = toDecimal(a);
  if (!isNumericLiteral(decimal)) throw new MoneyError(`"${decimal}" is not a decimal number`);
  const text = formatter.format(decimal);
  return ambiguousSymbol(text, a.currency);
}

/** "$" alone is ambiguous between USD, CAD, SGD, MXN…: show the code for non-USD dollars. */
function ambiguousSymbol(text: string, currency: string): string {
  if (currency !== "USD" && text.includes("$") && !text.includes(currency)) return `${text} ${currency}`;
  return text;
}

function truncate(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
