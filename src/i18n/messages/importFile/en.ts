import type { Messages } from "../../catalog.ts";

/**
 * Why a whole import file is refused (src/providers/csv, src/import): unreadable, damaged, over a
 * limit, without a header, dates of unknown order. `{detail}` is the parser's own words (data).
 * The CLI prints these in English; chat in the asker's language.
 */
export default {
  notText:
    'the file is not text (it holds zero bytes) nor an XLSX workbook; save it again as "CSV UTF-8" or as .xlsx',
  notInEncoding: 'the file does not read as text in {encoding}; save it again as "CSV UTF-8" or as .xlsx',
  recordTooLong: 'row {row} is longer than {mb} MB: a quote (") is probably never closed',
  notCsv: "the file is not readable as CSV (row {row}: {detail})",
  oldXls: "this is an old binary .xls workbook; open it and save it as .xlsx or .csv",
  notXlsx: "the file is not a readable XLSX workbook ({detail})",
  damaged: "the XLSX file is damaged ({why}); download the export again from Seller Center",
  damagedNoDirectory: "no zip directory at its end",
  damagedEntry: "a broken directory entry",
  damagedInflate: "a part does not inflate",
  damagedMissing: "{part} is missing",
  damagedShort: "{part} is cut short",
  damagedCompression: "{part} uses an unknown compression",
  noSheet: "no sheet has an Order/adjustment ID column (sheets: {sheets})",
  noHeaderRows: "no header row with an Order/adjustment ID column in the first {rows} rows",
  noHeaderSheet: 'no header row with an Order/adjustment ID column in sheet "{sheet}"',
  unsettledExport:
    "this looks like the unsettled (on-hold) orders export; import the settled statement export (Finance → Statements / Income) instead",
  missingColumns: "the header on row {row} has no {missing} column (columns found: {found})",
  missingSettledTime: "Order settled time (or Statement date)",
  missingBoth: "{first} and no {second}",
  datesMixed:
    "the file writes dates both day-first (31/01/2026) and month-first (01/31/2026); format the date columns as YYYY-MM-DD and import it again",
  datesAmbiguous:
    "the dates (such as \"{example}\") could be day-first or month-first and the export's language doesn't say which; format the date columns as YYYY-MM-DD in the spreadsheet, or import on the server with `balance-bot import <file> --date-order dmy` (or mdy)",
  badZone: '"{zone}" is not a time zone (use an IANA name like Asia/Jakarta)',
  sheetCurrency:
    'the "{sheet}" sheet says the currency is {sheetCurrency} but the rows are in {rowCurrency}; download the export again',
  noCurrency: "the file has no Currency column and the shop's currency is not known yet",
  shopCurrency:
    'the file is in {currency} but shop "{shop}" is in {shopCurrency}; import it under another --shop name',
  limitFileBytes:
    "the file is {size}, over the {limit} limit for one import; export a shorter period and import each file",
  limitUncompressed:
    "the file expands to more than {limit} (the limit for one import); a Seller Center export is far smaller, so this is not one, or export a shorter period and import each file",
  limitZipEntries:
    "the workbook holds {entries, number} parts, over the limit of {limit, number}; it is not a Seller Center export",
  limitRows:
    "the file has more than {limit, number} rows (the limit for one import); export a shorter period and import each file",
  limitColumns:
    "row {row} has more than {limit, number} columns (the limit); a Seller Center export has about 100",
  limitCells:
    "the file has more than {limit, number} cells (the limit for one import); export a shorter period and import each file",
  limitSeconds:
    "reading the file took longer than {limit} s (the limit for one import); export a shorter period and import each file",
  limitHeap:
    "reading the file needed more than {limit, number} MB of memory (the limit for one import); export a shorter period and import each file",
} as const satisfies Messages;
