import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  title: "Grafik · {period} · {shop}",
  titleShops: "Grafik · {period} · {count, number} toko",
  summary:
    "Sudah diselesaikan per hari, pembayaran, dan tertunda (perkiraan) untuk {period}, satu grafik per toko",
  note: "Sudah diselesaikan per hari, pembayaran, dan tertunda (perkiraan) · {period} · hari menurut {zone}",
  chartTitle: "{shop} · sudah diselesaikan per hari · {period} · {zone} · {currency}",
  legendSettled: "sudah diselesaikan",
  legendNegative: "hari negatif",
  legendPending: "tertunda (perkiraan) {amount}, bukan per hari: tidak digambar",
  legendGoal: "target {amount}/hari",
  legendPaid: "pembayaran berhasil",
  legendProcessing: "pembayaran diproses",
  legendFailed: "pembayaran gagal",
  summarySettled: "sudah diselesaikan {amount} dalam {days, plural, other {# hari}}",
  summaryPaid: "sudah dibayarkan {amount} ({count, number})",
  summaryPaidBefore: "sudah dibayarkan {amount} sebelum dikonversi ke {currency} ({count, number})",
  summaryProcessing: "diproses {amount}",
  summaryFailed: "{count, plural, other {# pembayaran gagal}}",
  waterfallTotal: "jumlah",
  waterfallIn: "uang masuk",
  waterfallOut: "uang keluar",
} as const satisfies Translation<typeof en>;
