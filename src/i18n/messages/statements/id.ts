import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  title: "Laporan · {period}",
  summary: "Laporan untuk {period}",
  failed: "⚠ GAGAL",
  columnDay: "Hari",
  columnStatement: "Laporan",
  columnSettlement: "Penyelesaian",
  columnRevenue: "Pendapatan",
  columnFees: "Biaya",
  columnPayment: "Pembayaran",
  none: "Tidak ada laporan pada {period}.",
  stamped: "{period} · laporan dicap 00.00 UTC dan dicantumkan pada tanggal lokal itu menurut {zone}",
  newest: "…menampilkan {count, number} terbaru; persempit periode untuk yang lebih lama",
  details: "Rincian satu laporan: /balance statement <id>",
} as const satisfies Translation<typeof en>;
