import type { Messages } from "../../catalog.ts";

/**
 * The rows an import refuses (src/providers/csv): `{column}` is the file's own column label,
 * `{value}` the cell as written. The CLI prints these in English; chat in the asker's language.
 */
export default {
  badRows: "{count, plural, one {{count} bad row} other {{count} bad rows}}, nothing was imported",
  more: "…and {count} more",
  row: "row {row}: {problem}",
  withdrawalRow: "withdrawal row {row}: {problem}",
  cell: "{column} {problem}",
  missing: "missing {column}",
  notCurrency: '{column} "{value}" is not a currency code like USD',
  currencyDiffers: "currency {currency} differs from the file's {fileCurrency}",
  notNumber: '"{value}" is not a number',
  ambiguous:
    '"{value}" is ambiguous ({dot} or {comma}): the file writes numbers both as 1,234.5 and as 1.234,5',
  tooManyDecimals: '"{value}" has more than {scale} decimal places',
  tooLarge: '"{value}" is too large',
  invalidDate: "is not a valid date",
  notDate: '"{value}" is not a date',
  notDateUse: '"{value}" is not a date (use {formats})',
} as const satisfies Messages;
