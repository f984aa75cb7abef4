import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  titleShop: "Saldo · {shop}",
  titleShops: "Saldo · {count, plural, other {# toko}}",
  headlineOfShop: "{shop}: {headline}",
  headline: "{balance} · {next} · {pending}",
  available: "{amount} tersedia (saldo TikTok, hasil perhitungan)",
  settled: "{amount} sudah diselesaikan",
  nextPayout: "pembayaran berikutnya: {what}",
  nextExpected: "pembayaran berikutnya diperkirakan {amount} pada {day}",
  nextExpectedPaidIn: "pembayaran berikutnya diperkirakan {amount} (dibayar dalam {currency}) pada {day}",
  nextUnknown: "pembayaran berikutnya: riwayat pembayaran belum cukup untuk memperkirakan",
  pending: "{amount} tertunda (perkiraan)",
  pendingNotSynced: "tertunda (perkiraan) belum disinkronkan",
  withdrawalOnItsWay: "penarikan {amount} sedang diproses (diajukan {day})",
  nothingToWithdraw: "tidak ada yang bisa ditarik sampai saldo di atas nol",
  withdrawUsually:
    "saat Anda menariknya; biasanya setiap {days, plural, other {# hari}}, berikutnya sekitar {day}",
  withdrawInSellerCenter: "saat Anda menariknya di Seller Center",
  pendingLabel: "Tertunda",
  pendingInLabel: "Tertunda · {currency}",
  estimate: "{amount} (perkiraan)",
  pendingDetail: "{count, plural, other {# pesanan belum diselesaikan}} · perkiraan dibuat {age}",
  pendingDetailNone: "diperkirakan dari pesanan yang belum diselesaikan",
  pendingInDetail: "{count, plural, other {# pesanan belum diselesaikan}} dalam {currency}",
  ledgerLabel: "Saldo TikTok, tersedia (sudah diselesaikan, hasil perhitungan)",
  ledgerDetail: "{count, plural, other {# catatan buku besar}} sejak {since}",
  ledgerDetailWithdrawing:
    "{count, plural, other {# catatan buku besar}} sejak {since} · penarikan {amount} sedang diproses",
  ledgerNote:
    "Saldo tersedia dihitung, bukan dibaca: TikTok tidak punya API saldo, jadi angka ini adalah jumlah buku besar penarikan (penyelesaian + transfer − penarikan + penarikan yang dibatalkan) sejak catatan pertamanya.",
  negativeNote: "⚠ Saldo negatif: penarikan diblokir sampai penjualan menutupinya.",
  settledLabel: "Sudah diselesaikan, menunggu pembayaran",
  settledDetail: "{count, plural, other {# laporan}} dengan pembayaran sedang diproses",
  paidLabel: "Sudah dibayarkan · {days, number} hari terakhir",
  paidDetail: "{count, plural, other {# pembayaran}}",
  reserveLabel: "Dana cadangan ditahan",
  reserveDetail: "ditahan oleh TikTok, dilepas kemudian",
  columnLastPayouts: "Pembayaran terakhir",
  columnAmount: "Jumlah",
  columnStatus: "Status pembayaran",
  columnAccount: "Rekening",
  habitNote:
    "Perkiraan: dalam {count, number} penarikan terakhir toko ini, jarak mediannya {days, plural, other {# hari}}; penjual memulai setiap penarikan di Seller Center, jadi ini kebiasaan, bukan jadwal.",
  expectedNote:
    "Perkiraan: dalam {count, number} pembayaran terakhir toko ini, laporan dibayar median {days, plural, other {# hari}} setelah tanggalnya; ini hanya perkiraan, bukan janji.",
  expectedPaidInNote:
    "Perkiraan: dalam {count, number} pembayaran terakhir toko ini, laporan dibayar median {days, plural, other {# hari}} setelah tanggalnya; ini hanya perkiraan, bukan janji. Pembayaran masuk dalam {currency}, dikonversi dengan kurs yang dicantumkan TikTok pada setiap pembayaran; jumlah sebelum konversi ditampilkan di sampingnya.",
  flowLedger:
    "Tertunda (perkiraan) masuk ke saldo TikTok setelah diselesaikan; penarikan membayarkannya. Hari menurut {zone}.",
  flow: "Tertunda (perkiraan) menjadi sudah diselesaikan, lalu sudah dibayarkan. Hari menurut {zone}.",
  flowReserve:
    "Tertunda (perkiraan) menjadi sudah diselesaikan, lalu sudah dibayarkan; dana cadangan ditahan oleh TikTok. Hari menurut {zone}.",
} as const satisfies Translation<typeof en>;
