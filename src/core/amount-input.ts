import { currencyDigits, decimalProblem, type Money, parseMoney } from "../money/index.ts";
import { UserError } from "./errors.ts";

/**
 * Reads an amount a person typed: "5000", "5,000", "$5,000.50", "-200". Thousands separators
 * are accepted only in their proper places, so "5,00" is an error rather than a guess; more
 * decimals than the currency has ("1,000.005" USD, "10.5" VND) are refused rather than rounded
 * for display, so what is stored is what is shown.
 */
export function parseAmountInput(text: string, currency: string, name = "amount"): Money {
  const cleaned = text
    .trim()
    .replace(/^([+-]?)\s*[^\d\s.,+-]{1,3}\s*/u, "$1")
    .replace(/\s*[A-Za-z]{3}$/, "");
  const plain = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(cleaned) ? cleaned.replace(/,/g, "") : cleaned;
  const problem = decimalProblem(plain);
  if (problem || plain.length > 20) {
    throw new UserError(`${name} "${text.slice(0, 30)}" is not an amount (write it like 5000 or 1250.50)`);
  }
  const digits = currencyDigits(currency);
  const decimals = (plain.split(".")[1] ?? "").replace(/0+$/, "").length;
  if (decimals > digits) {
    throw new UserError(
      digits === 0
        ? `${name} "${text.slice(0, 30)}" has decimals, but ${currency} amounts have none (write it like 5000)`
        : `${name} "${text.slice(0, 30)}" has ${decimals} decimals, but ${currency} amounts have ${digits} (write it like 1250.${"5".padEnd(digits, "0")})`,
    );
  }
  return parseMoney(plain, currency, name);
}

export const amountOptionText = "an amount like 5000 or 1250.50, in the shop's currency";
