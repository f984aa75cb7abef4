import type { Messages } from "../../catalog.ts";

/** `/balance import`. Days stay YYYY-MM-DD: they are what /balance earnings takes. */
export default {
  needsFile: "attach the export file to the command's file option",
  title: "Imported {file}",
  summary:
    '{rows} rows ({newRows} new) into shop "{shop}" ({currency}, days in {zone}): {days} days, {first} to {last}. Try /balance earnings {period} shop:{shop}',
  noteWithdrawals: "{count, plural, one {# withdrawal} other {# withdrawals}} stored as payouts",
  noteEncoding: "read as {encoding}",
  noteLegacyEncoding: "read as {encoding}: check that product names look right",
  noteZone:
    "times read in {zone} (from the {source, select, option {--timezone option} sheet {reports sheet} other {file name}})",
  failedTitle: "Nothing was imported",
  failedSummary: "{message}: {problems}",
  more: "…and {count} more",
  fixRows: "Fix these rows in the spreadsheet and import the file again.",
} as const satisfies Messages;
