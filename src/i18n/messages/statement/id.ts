import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  badId: "gunakan ID laporan, yaitu angka yang ditampilkan /balance statements",
  title: "Laporan {id} · {day} · {shop}",
  summary:
    "Penyelesaian {amount}, pembayaran {status, select, PAID {sudah dibayarkan} PROCESSING {diproses} FAILED {gagal} other {{raw}}}",
  payment:
    "pembayaran {status, select, PAID {sudah dibayarkan} PROCESSING {diproses} FAILED {gagal} other {{raw}}}",
  paymentPayout:
    "pembayaran {status, select, PAID {sudah dibayarkan} PROCESSING {diproses} FAILED {gagal} other {{raw}}} · ID pembayaran {payout}",
  columnType: "Jenis",
  columnCount: "Jumlah transaksi",
  columnFeesTax: "Biaya & pajak",
  notSynced: "Transaksinya belum disinkronkan.",
  stamped: "Dicap {at} UTC, ditampilkan pada {day} menurut {zone}",
  notFound: "tidak ada laporan {id} di toko-toko workspace ini; lihat daftarnya dengan /balance statements",
} as const satisfies Translation<typeof en>;
