import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  title: "Pesan LINE",
  sentLabel: "Pesan push bulan ini",
  sentValue: "{used, number} terkirim, tanpa batas",
  leftLabel: "Sisa pesan push bulan ini",
  leftValue: "{left, number} dari {limit, number}",
  usedUp:
    "⚠ Kuota pesan push bulan ini sudah habis: ringkasan dan peringatan menunggu, dan pengaturan baru ditolak, sampai tanggal 1 atau sampai paket ditingkatkan.",
  nearlyUsed:
    "Sisa kurang dari 10%: ringkasan atau peringatan yang di-push ke grup dihitung sekali per anggota (tarif LINE).",
} as const satisfies Translation<typeof en>;
