import type { Words } from "../i18n/index.ts";
import { currencyDigits, decimalProblem, type Money, parseMoney } from "../money/index.ts";
import { UserError } from "./errors.ts";

/**
 * Reads an amount a person typed: "5000", "5,000", "$5,000.50", "-200". Thousands separators
 * are accepted only in their proper places, so "5,00" is an error rather than a guess; more
 * decimals than the currency has ("1,000.005" USD, "10.5" VND) are refused rather than rounded
 * for display, so what is stored is what is shown.
 */
export function parseAmountInput(text: string, currency: string, { t }: Words, name = "amount"): Money {
  const cleaned = text
    .trim()
    .replace(/^([+-]?)\s*[^\d\s.,+-]{1,3}\s*/u, "$1")
    .replace(/\s*[A-Za-z]{3}$/, "");
  const plain = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(cleaned) ? cleaned.replace(/,/g, "") : cleaned;
  const problem = decimalProblem(plain);
  if (problem || plain.length > 20) {
    throw new UserError(t("amounts.notAmount", { name, text: text.slice(0, 30) }));
  }
  const digits = currencyDigits(currency);
  const decimals = (plain.split(".")[1] ?? "").replace(/0+$/, "").length;
  if (decimals > digits) {
    const given = { name, text: text.slice(0, 30), currency };
    throw new UserError(
      digits === 0
        ? t("amounts.noDecimals", given)
        : t("amounts.tooManyDecimals", {
            ...given,
            decimals,
            digits,
            example: `1250.${"5".padEnd(digits, "0")}`,
          }),
    );
  }
  return parseMoney(plain, currency, name);
}

export const amountOptionText = "an amount like 5000 or 1250.50, in the shop's currency";
