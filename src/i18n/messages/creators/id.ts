import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  title: "Kreator · {period}",
  titleShop: "Kreator · {period} · {shop}",
  summary: "Komisi yang dibayarkan ke kreator, {period}",
  footerClock: "sudah diselesaikan, {period}",
  paid: "Dibayarkan ke kreator",
  paidDetail: "{share} dari penjualan sebelum diskon sebesar {sales}",
  ordersNote:
    "{count} dari {orders} pesanan yang diselesaikan pada {period} membayar kreator · hari menurut {zone}",
  byOrderNote:
    "Transaksi laporan TikTok tidak menyebut nama kreator, jadi komisi ditampilkan per pesanan (yang terbesar lebih dulu).",
  none: "Tidak ada komisi kreator pada {period}.",
  columnOrder: "Pesanan",
  columnSettled: "Diselesaikan",
  columnSales: "Penjualan",
  columnCommission: "Komisi",
  columnRate: "Tarif",
} as const satisfies Translation<typeof en>;
