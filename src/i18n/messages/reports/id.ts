import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  settledClock: "sudah diselesaikan, {period}",
  eachShopZone: "masing-masing toko",
  statusPaid: "sudah dibayarkan",
  statusProcessing: "diproses",
  statusFailed: "GAGAL ⚠",
  payoutConverted: "{paid} ({before} dengan kurs {rate})",
  unstatedRate: "yang tidak disebutkan",
  withCurrency: "{label} · {currency}",
  creatorAccountTitle: "{name} (akun kreator)",
  creatorAccountNote:
    "Akun kreator memiliki komisi, bukan laporan atau pembayaran: lihat /balance dan /balance earnings.",
  creatorBalanceTitle: "{name} (kreator, {region}, {currency})",
  creatorEarningsTitle: "{name} (kreator, {currency}) · {period}",
  commissionPending: "Komisi tertunda",
  commissionSettled: "Komisi sudah diselesaikan",
  commissionSettled30: "Komisi sudah diselesaikan · 30 hari terakhir",
  lost: "Dikembalikan atau dipotong",
  lost30: "Dikembalikan atau dipotong · 30 hari terakhir",
  earned: "Komisi atas pesanan periode ini (sudah diselesaikan + perkiraan)",
  estimate: "{amount} (perkiraan)",
  orders: "{count, plural, other {# pesanan}}",
  ordersNotSettled: "{count, plural, other {# pesanan}} belum diselesaikan",
  ordersNotSettledEstimate: "{count, plural, other {# pesanan}} belum diselesaikan · perkiraan TikTok",
  ordersCreated: "{count, plural, other {# pesanan}} dibuat {period}",
  lostRefunded: "{count, plural, other {# pesanan}}: {refunded, number} dengan pengembalian dana",
  lostDeducted: "{count, plural, other {# pesanan}}: {deducted, number} dipotong setelah diselesaikan",
  lostBoth:
    "{count, plural, other {# pesanan}}: {refunded, number} dengan pengembalian dana, {deducted, number} dipotong setelah diselesaikan",
  lostNone: "tidak ada",
  withChange: "{detail} · {change}",
  earnedDetail: "sudah diselesaikan {settled} + tertunda {pending} (perkiraan) · {change}",
  creatorHeadline:
    "{pending} komisi tertunda (perkiraan) · {settled} sudah diselesaikan atas pesanan 30 hari terakhir",
  creatorBalanceNote:
    "Akun kreator: komisi afiliasi. Tertunda (perkiraan) menjadi sudah diselesaikan sekitar seminggu setelah pengiriman, kecuali pesanannya mendapat pengembalian dana. Pesanan dihitung pada hari dibuat, menurut {zone}.",
  noPayoutApi:
    "TikTok tidak punya API pembayaran atau saldo kreator: dana yang sudah masuk ke rekening Anda tidak ditampilkan, hanya komisi per pesanan.",
  creatorEarningsOrders: "{count, plural, other {# pesanan afiliasi}} dibuat {period} · hari menurut {zone}",
  creatorEarningsNote:
    "Akun kreator: komisi per pesanan (perkiraan sampai TikTok menyelesaikannya), bukan laporan.",
  digestTitle: "{name} (kreator) · {period} · {zone}",
  digestYesterday: "Komisi atas pesanan kemarin (perkiraan)",
  digestSettledSince: "Komisi sudah diselesaikan sejak ringkasan terakhir",
  digestSettledSinceDetail: "{count, plural, other {# pesanan}} sejak {since}",
  digestMonth: "Komisi sudah diselesaikan · bulan ini sampai hari ini",
  digestMonthDetail: "pesanan dibuat {period} · dikembalikan atau dipotong {amount}",
  digestPendingDetail: "{count, plural, other {# pesanan}} belum diselesaikan · perkiraan",
  digestNote: "Akun kreator: komisi atas pesanan afiliasi, menurut hari pesanan dibuat.",
  digestSynced: "Data dari sinkronisasi {age}.",
  digestNotSynced: "Belum disinkronkan.",
} as const satisfies Translation<typeof en>;
