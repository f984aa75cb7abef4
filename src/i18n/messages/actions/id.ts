import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  breakdown: "Rincian",
  chart: "Grafik",
  payouts: "Pembayaran",
  snooze: "Tunda 24 jam",
  mute: "Bisukan aturan ini",
  ack: "Tandai sudah dibaca",
  unknownTitle: "Tombol tidak dikenal",
  unknown: "balance-bot tidak mengenali tombol ini (mungkin telah diubah). Tidak ada yang diubah.",
  notYoursTitle: "Bukan workspace Anda",
  notYours:
    "Tombol ini milik pesan dari workspace lain; hanya anggotanya yang dapat menggunakannya. Tidak ada yang diubah.",
  shopGoneTitle: "Toko tidak lagi terhubung",
  shopGone:
    "Toko yang dibahas pesan ini tidak lagi terhubung ke workspace ini, jadi tidak ada yang dapat ditampilkan atau diubah. Tidak ada yang diubah.",
  notAllowedTitle: "Tidak diizinkan",
  notAllowed:
    "Hanya admin workspace yang dapat {action, select, snooze {menunda} other {membisukan}} {syncTrouble, select, yes {peringatan masalah sinkronisasi} other {aturan peringatan}}. Tidak ada yang diubah.",
  notAllowedRule:
    "Hanya admin workspace yang dapat {action, select, snooze {menunda} other {membisukan}} {syncTrouble, select, yes {peringatan masalah sinkronisasi} other {aturan peringatan}} ({rule}). Tidak ada yang diubah.",
  ruleGoneTitle: "Aturan dihapus",
  ruleGone:
    "Aturan peringatan #{id} sudah tidak ada (telah dihapus), jadi tidak ada yang dapat {action, select, snooze {ditunda} other {dibisukan}}. Tidak ada yang diubah.",
  alreadyTitle: "Sudah dilakukan",
  alreadyMuted:
    "Aturan peringatan #{id} sudah dibisukan; /balance alerts unmute {id} mengaktifkannya kembali. Tidak ada yang diubah.",
  alreadySnoozed:
    "Aturan peringatan #{id} sudah ditunda sampai {until} UTC; /balance alerts unsnooze {id} mengakhirinya. Tidak ada yang diubah.",
  thisShop: "toko ini",
  syncSnoozedTitle: "Masalah sinkronisasi ditunda",
  syncMutedTitle: "Masalah sinkronisasi dibisukan",
  syncSnoozed:
    "Peringatan masalah sinkronisasi {shop} di saluran ini (peringatan #{id}) ditunda 24 jam oleh {user}, sampai {until} UTC. Batalkan: /balance alerts unsnooze {id}",
  syncMuted:
    "Peringatan masalah sinkronisasi {shop} di saluran ini (peringatan #{id}) dibisukan oleh {user}. Aktifkan kembali: /balance alerts unmute {id}",
  ruleSnoozedTitle: "Aturan ditunda",
  ruleMutedTitle: "Aturan dibisukan",
  ruleSnoozed:
    "Aturan peringatan #{id} ditunda 24 jam oleh {user}, sampai {until} UTC. Batalkan: /balance alerts unsnooze {id}",
  ruleMuted: "Aturan peringatan #{id} dibisukan oleh {user}. Aktifkan kembali: /balance alerts unmute {id}",
  alreadyAckedTitle: "Sudah ditandai dibaca",
  nothingChanged: "Tidak ada yang diubah.",
  acknowledgedShop: "Ditandai dibaca oleh {user} pukul {time} (zona waktu {shop}, {zone})",
  acknowledgedUtc: "Ditandai dibaca oleh {user} pukul {time} (UTC)",
} as const satisfies Translation<typeof en>;
