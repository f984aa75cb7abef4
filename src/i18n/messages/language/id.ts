import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  title: "Bahasa",
  chosen: "Balasan di workspace ini memakai {name}.",
  auto: "Belum ada bahasa yang dipilih: balasan mengikuti bahasa aplikasi tiap orang (milik Anda: {name}).",
  columnCode: "Kode",
  columnLanguage: "Bahasa",
  current: "aktif",
  howTo:
    "Admin dapat mengubahnya dengan /balance language <kode>; /balance language auto kembali mengikuti bahasa aplikasi tiap orang.",
  setTitle: "Bahasa: {name}",
  setSummary: "Mulai sekarang balasan di workspace ini memakai {name}.",
  autoTitle: "Bahasa: otomatis",
  autoSummary:
    "Balasan kembali mengikuti bahasa aplikasi tiap orang (bahasa Inggris jika bukan salah satu dari ini).",
  forbidden: "hanya admin workspace yang dapat mengubah bahasa; tidak ada yang diubah",
  unknownCode: "“{code}” bukan bahasa yang tersedia; gunakan salah satu dari {choices}",
} as const satisfies Translation<typeof en>;
