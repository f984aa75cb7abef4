import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  title: "{count, number} pembayaran terakhir",
  titleShop: "{count, number} pembayaran terakhir · {shop}",
  failed: "⚠ GAGAL",
  columnAmount: "Jumlah",
  columnStatus: "Status pembayaran",
  columnAccount: "Rekening",
  columnInitiated: "Dimulai",
  columnPaid: "Dibayar",
  columnStatements: "Laporan",
  none: "Belum ada pembayaran yang disinkronkan.",
  clock: "Sudah dibayarkan · tanggal menurut {zone}",
  clockWithdrawals:
    "Sudah dibayarkan · tanggal menurut {zone} · penarikan (pasar ini tidak punya pembayaran otomatis)",
  failedNote: "{count, plural, other {# pembayaran gagal}}: periksa rekening bank di Seller Center.",
} as const satisfies Translation<typeof en>;
