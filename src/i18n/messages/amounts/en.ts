import type { Messages } from "../../catalog.ts";

/** Amounts a person types (src/core/amount-input.ts). `{name}` is the option's name: stays English. */
export default {
  notAmount: '{name} "{text}" is not an amount (write it like 5000 or 1250.50)',
  noDecimals: '{name} "{text}" has decimals, but {currency} amounts have none (write it like 5000)',
  tooManyDecimals:
    '{name} "{text}" has {decimals} decimals, but {currency} amounts have {digits} (write it like {example})',
} as const satisfies Messages;
