import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  title: "Rincian · {period}",
  titleShop: "Rincian · {period} · {shop}",
  summary: "Ke mana uangnya pergi, {period}",
  notItemised: "Tidak dirinci oleh TikTok (penyelesaian − baris)",
  noteSource: "{period} · dari transaksi laporan · hari menurut {zone} · negatif = uang keluar",
  noteExact: "Penjualan sebelum diskon {sales} + setiap baris = penyelesaian {settlement}, tanpa selisih.",
  hidden: "…dan {count, plural, other {# baris lebih kecil}} dengan total {amount}",
  sales: "Penjualan sebelum diskon",
  moneyOut: "Uang keluar (biaya, pajak, ongkos kirim, pengembalian dana, penyesuaian)",
  moneyIn: "Uang masuk (ongkos kirim dibayar pembeli, kredit)",
  affiliate: "Komisi afiliasi (kreator)",
  affiliateDetail: "termasuk dalam uang keluar; /balance creators untuk melihat siapa yang mendapatkannya",
  settlement: "Penyelesaian",
  reserve: "Dana cadangan (dilepas − ditahan)",
  reserveDetail: "di luar penyelesaian: TikTok membayar penyelesaian + dana cadangan",
  columnWhere: "Ke mana",
  columnAmount: "Jumlah",
  columnShare: "Bagian dari uang keluar",
  moneyInShare: "masuk",
  none: "Tidak ada baris biaya atau penyesuaian pada {period}.",
} as const satisfies Translation<typeof en>;
