import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  needsFile: "lampirkan file ekspor pada opsi file perintah ini",
  title: "{file} diimpor",
  summary:
    '{rows} baris ({newRows} baru) ke toko "{shop}" ({currency}, hari menurut {zone}): {days} hari, {first} sampai {last}. Coba /balance earnings {period} shop:{shop}',
  noteWithdrawals: "{count, plural, other {# penarikan}} disimpan sebagai pembayaran",
  noteEncoding: "dibaca sebagai {encoding}",
  noteLegacyEncoding: "dibaca sebagai {encoding}: periksa apakah nama produk tampil dengan benar",
  noteZone:
    "waktu dibaca dalam {zone} (dari {source, select, option {opsi --timezone} sheet {sheet laporan} other {nama file}})",
  failedTitle: "Tidak ada yang diimpor",
  failedSummary: "{message}: {problems}",
  more: "…dan {count} lainnya",
  fixRows: "Perbaiki baris-baris ini di spreadsheet lalu impor file itu lagi.",
} as const satisfies Translation<typeof en>;
