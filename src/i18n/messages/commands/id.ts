import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  telegramMenu: "Uang TikTok Shop: /balance, earnings 7d, payouts, chart 30d, breakdown, help",
  discordAdminPermission: "Kelola Server",
  "option shop": "Hanya toko ini",
  "option private": "Hanya Anda yang dapat melihatnya",
  "option period": "mis. 7d, mtd, 2026-10 (bawaan {fallback})",
  "describe balance":
    "Uang Anda di tiga tahap: tertunda (perkiraan), diselesaikan menunggu pembayaran, sudah dibayarkan",
  "describe earnings":
    "Yang diselesaikan: pendapatan, biaya, ongkos kirim, penyesuaian, penyelesaian, vs periode lalu",
  "describe breakdown":
    "Ke mana uang pergi: biaya per jenis, pajak, pengembalian dana, penyesuaian, dan dana cadangan",
  "describe reconcile": "Rincian bertahap (waterfall) dari penjualan kotor hingga pembayaran, tanpa selisih",
  "describe order": "Uang satu pesanan dan statusnya",
  "describe creators": "Komisi yang dibayarkan ke kreator, pesanan teratas",
  "describe payouts":
    "Pembayaran terakhir: jumlah, status, rekening bank, tanggal, dan laporan yang tercakup",
  "describe statements": "Laporan harian dalam satu periode, dengan penyelesaian dan status pembayaran",
  "describe statement": "Transaksi satu laporan, diringkas per jenis",
  "describe products": "Produk teratas menurut penyelesaian, dengan kuantitas dan porsi",
  "describe chart":
    "Grafik per toko: diselesaikan per hari (batang), pembayaran (penanda), tertunda (perkiraan) terpisah",
  "describe goal set":
    "Tetapkan target harian, mingguan, atau bulanan untuk uang yang sudah diselesaikan atau pendapatan",
  "describe goal list": "Target dengan kemajuan, laju yang masih dibutuhkan, dan proyeksinya",
  "describe goal remove": "Hapus target menurut id-nya (lihat /balance goal list)",
  "describe alerts add":
    "Peringatan di saluran ini: pembayaran, pembayaran gagal, saldo di atas/di bawah jumlah tertentu",
  "describe alerts list": "Aturan peringatan workspace ini dan statusnya",
  "describe alerts remove": "Hapus aturan peringatan",
  "describe alerts unsnooze": "Akhiri penundaan sebuah aturan",
  "describe alerts unmute": "Aktifkan lagi aturan yang dibisukan",
  "describe digest on": "Kirim ringkasan penghasilan harian di saluran ini",
  "describe digest off": "Hentikan ringkasan harian di saluran ini",
  "describe digest time": "Waktu lokal ringkasan harian (24 jam HH:MM)",
  "describe digest tz": "Zona waktu ringkasan harian (IANA, mis. Asia/Jakarta)",
  "describe digest preview": "Tampilkan ringkasan harian saluran ini sekarang",
  "describe shops": "Toko yang terhubung ke workspace ini, dengan wilayah, mata uang, dan zona waktu",
  "describe status":
    "Kondisi sinkronisasi per toko (sukses/kesalahan terakhir, masa berlaku token) dan pesan tak terkirim",
  "describe language": "Bahasa balasan",
  "describe connect":
    "Hubungkan TikTok Shop ke workspace ini: tautan otorisasi sekali pakai untuk pemilik toko",
  "describe disconnect":
    "Lepaskan toko dari workspace ini (kredensialnya dihapus bila tidak ada workspace yang memakainya)",
  "describe import": "Impor file ekspor laporan Seller Center (CSV/XLSX) ke toko di workspace ini",
  "describe help": "Fungsi setiap perintah /balance, dengan contoh",
  helpTitle: "Perintah balance-bot",
  helpSummary:
    "Angka berasal dari sinkronisasi terakhir TikTok Shop Anda; setiap jumlah menyebut tahapnya: tertunda (perkiraan), sudah diselesaikan, sudah dibayarkan.",
  helpLine: "{example} — {description}",
  helpLineAdmin: "{example} — {description} (admin)",
  helpUsage: "cara pakai: {usage}",
  helpNoCommand: "tidak ada perintah “{command}”",
  helpTextOptions:
    "Dengan beberapa toko, tambahkan shop:<nama> (satu kata dari nama atau kodenya, mis. shop:id).",
} as const satisfies Translation<typeof en>;
