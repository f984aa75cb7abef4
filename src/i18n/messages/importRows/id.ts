import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  badRows: "{count, plural, other {{count} baris bermasalah}}, tidak ada yang diimpor",
  more: "…dan {count} lainnya",
  row: "baris {row}: {problem}",
  withdrawalRow: "baris penarikan {row}: {problem}",
  cell: "{column}: {problem}",
  missing: "{column} kosong",
  notCurrency: '{column} "{value}" bukan kode mata uang seperti USD',
  currencyDiffers: "mata uang {currency} berbeda dari mata uang file ({fileCurrency})",
  notNumber: '"{value}" bukan angka',
  ambiguous: '"{value}" ambigu ({dot} atau {comma}): file menulis angka sebagai 1,234.5 dan juga 1.234,5',
  tooManyDecimals: '"{value}" memiliki lebih dari {scale} angka desimal',
  tooLarge: '"{value}" terlalu besar',
  invalidDate: "bukan tanggal yang valid",
  notDate: '"{value}" bukan tanggal',
  notDateUse: '"{value}" bukan tanggal (gunakan {formats})',
} as const satisfies Translation<typeof en>;
