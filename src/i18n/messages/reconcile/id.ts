import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  stepGross: "Penjualan kotor (sebelum diskon)",
  stepPlatformFees: "Biaya platform · {group}",
  stepShipping: "Ongkos kirim",
  stepAdjustments: "Penyesuaian",
  stepUnexplained: "Tidak dirinci oleh TikTok",
  stepUnexplainedDetail: "penyelesaian transaksi dikurangi baris-baris yang dirinci",
  stepSettlement: "Penyelesaian",
  stepReserveHeld: "Dana cadangan ditahan",
  stepReserveReleased: "Dana cadangan dilepas",
  stepPayable: "Akan dibayarkan (penyelesaian + dana cadangan)",
  title: "Rekonsiliasi · {period}",
  titleShop: "Rekonsiliasi · {period} · {shop}",
  summary: "Dari penjualan kotor ke penyelesaian hingga pembayaran, {period}",
  footerClock: "sudah diselesaikan, {period}",
  statements: "{count, plural, other {{count} laporan}}",
  periodNote:
    "{period} · {count, plural, other {{count} laporan}} dalam periode ini (pesanan yang diselesaikan di dalamnya) · hari menurut {zone} · porsi dari penjualan kotor",
  openMissing:
    "Tidak seimbang: penyelesaian menurut laporan {stated}, menurut transaksi yang tersimpan {stored} (selisih {gap}): {count, plural, other {{count} laporan ({missing})}} belum memiliki transaksi yang disinkronkan.",
  openUnexplained:
    "Tidak seimbang: penyelesaian menurut laporan {stated}, menurut transaksi yang tersimpan {stored} (selisih {gap}): jumlah transaksi TikTok tidak sama dengan laporannya.",
  closes: "Penjualan kotor {gross} + setiap langkah = penyelesaian {stated}, tanpa selisih.",
  reserveHeld:
    "Dana cadangan {held} ditahan{since, select, yes { sejak {day}} other {}}{released, select, none {} other {, {released} dilepas}}: di luar penyelesaian, TikTok membayar penyelesaian + dana cadangan.",
  reserveReleased: "Dana cadangan {released} dilepas: TikTok membayar penyelesaian + dana cadangan.",
  columnStep: "Langkah",
  columnAmount: "Jumlah",
  columnOfGross: "Porsi penjualan kotor",
  columnRunning: "Total berjalan",
  noStatements: "Tidak ada laporan pada {period}.",
  paymentsTitle: "Dari penyelesaian ke pembayaran",
  paymentsTitleShop: "{shop}: dari penyelesaian ke pembayaran",
  columnWhere: "Posisi dana penyelesaian",
  rowStatements: "Penyelesaian (laporan)",
  rowPaidLedger: "Masuk ke saldo TikTok",
  rowPaid: "Sudah dibayarkan",
  rowProcessing: "Masih diproses",
  rowFailed: "Pembayaran gagal",
  rowStatus: "Status pembayaran {status}",
  paidLedgerDetail:
    "{count, plural, other {{count} laporan}}, masuk ke saldo setelah diselesaikan (ditarik secara terpisah)",
  paidDetail:
    "{count, plural, other {{count} laporan}} dalam {payouts, plural, other {{payouts} pembayaran}}",
  explainProcessing:
    "{count, plural, =1 {{count} laporan ({amount}) masih diproses, bertanggal {day}} other {{count} laporan ({amount}) masih diproses, yang tertua bertanggal {day}}}.",
  explainFailed:
    "{count, plural, other {{count} laporan}} ({amount}) dengan pembayaran gagal: periksa rekening bank di Seller Center.",
  explainUnknown:
    "{count, plural, other {{count} laporan}} ({amount}) dengan status pembayaran {status} yang tidak dikenal versi ini: tidak dihitung di tahap mana pun.",
  explainCombined: "Pembayaran {day} sebesar {amount} mencakup {count} laporan.",
  explainMoreCombined: "…dan {count, plural, other {{count} pembayaran gabungan lainnya}}.",
  explainOtherCurrency:
    "{count, plural, other {{count} pembayaran}} masuk dalam {currencies} dengan kurs yang dinyatakan TikTok untuk masing-masing (pembayaran {day}: {amount}); jumlah di sini tetap dalam {currency}, sebelum konversi.",
  paymentsNote:
    "Dibayarkan + diproses + gagal = penyelesaian {amount}, tanpa selisih (pembayaran juga mencakup dana cadangan dari laporannya).",
  chartTitle:
    "{shop} · penjualan kotor ke {to, select, payable {jumlah akan dibayarkan (penyelesaian + dana cadangan)} other {penyelesaian}} · {currency}",
  chartSubtitle:
    "{period} · {count, plural, other {{count} laporan}} · sudah diselesaikan · hari menurut {zone}",
  chartAlt:
    "Grafik waterfall dari penjualan kotor {gross} ke penyelesaian {settlement} · {shop} · {period} · {zone} · {currency}",
} as const satisfies Translation<typeof en>;
