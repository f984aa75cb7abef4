import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  title: "Penghasilan · {period} · dibanding {prior}",
  titleShop: "Penghasilan · {period} · {shop} · dibanding {prior}",
  summary: "Penghasilan yang sudah diselesaikan, dibanding {prior}",
  revenue: "Pendapatan",
  netSales: "Penjualan bersih",
  fees: "Biaya",
  shipping: "Ongkos kirim",
  adjustments: "Penyesuaian",
  settlement: "Penyelesaian",
  affiliate: "Komisi afiliasi (termasuk dalam biaya)",
  statementsNote: "{count, plural, other {# laporan harian}} · {period} · hari menurut {zone}",
  otherCurrencies: "Ada juga laporan dalam {currencies}: tidak dijumlahkan dengan {currency}.",
  ownDays:
    "Hari setiap toko mengikuti zonanya sendiri: laporan mencakup hari sebelum cap waktu 00.00 UTC-nya, jadi toko di barat UTC (AS) berakhir sehari lebih awal.",
  priorDays: "{days} hari sebelumnya",
  priorWeekday: "hari yang sama seminggu sebelumnya",
  priorMonthDays: "hari-hari yang sama bulan sebelumnya",
  priorMonth: "bulan sebelumnya",
  priorSpan: "rentang tepat sebelumnya",
} as const satisfies Translation<typeof en>;
