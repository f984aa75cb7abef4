import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  moreSections: "…dan {count, plural, other {# bagian}} lainnya",
  moreRows: "…dan {count, plural, other {# baris}} lainnya",
  moreNotes: "…dan {count, plural, other {# catatan}} lainnya",
  slackMoreBlocks: "…dan {count} lainnya tidak ditampilkan (Slack menampilkan paling banyak {max} blok)",
  telegramMoreSections:
    "…{count, plural, other {# bagian}} lainnya dipotong agar muat dalam batas pesan Telegram.",
  telegramMoreLines:
    "…{count, plural, other {# baris}} lainnya dipotong agar muat dalam 4096 karakter Telegram.",
  lineMoreSections: "…{count} bagian lainnya tidak ditampilkan di LINE",
  lineMoreCharts:
    "…{count, plural, other {# grafik}} lainnya tidak dikirim (LINE menerima 5 pesan sekaligus)",
  lineMoreRows: "…dan {count} baris lainnya",
  lineMoreLines: "…{count} baris lainnya dipotong agar muat dalam ukuran pesan LINE",
  chartAttached: ":bar_chart: Grafik terlampir: {alt}",
  homeOpen: "Buka di saluran",
  homeDigests: "Ringkasan harian",
  homeNoDigest:
    "Belum ada saluran dengan ringkasan: admin dapat menjalankan `/balance digest on` di salah satunya.",
  homeDigestSetting: "{channel} · {enabled, select, yes {aktif} other {nonaktif}}, pukul {time} {zone}",
  homeDigestSettingDefault:
    "{channel} · {enabled, select, yes {aktif} other {nonaktif}}, pukul {time} {zone} (bawaan)",
  homeMoreChannels: "dan {count} saluran lainnya",
  homeNoAlerts: "Belum ada peringatan.",
  discordButtonsInServer: "Tombol ini hanya berfungsi di saluran server.",
  discordUseInServer: "Gunakan /balance di saluran server.",
  discordOutOfDate: "Perintah ini sudah usang. Minta admin menjalankan `balance-bot register-commands`.",
  consoleChoose: "{choices}  — ketik nomor untuk memilih",
} as const satisfies Translation<typeof en>;
