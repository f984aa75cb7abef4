import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  refused: "Saya tidak dapat mengirim {what} ke saluran ini: {reason}. {fix}; tidak ada yang disimpan",
  whatAlerts: "peringatan",
  whatDigest: "ringkasan harian",
  joined: "Saya bergabung ke #{channel} agar dapat mengirim pesan di sini.",
  discordLacks: "saya tidak memiliki izin {permissions} di sini",
  discordFix:
    "Admin server perlu membuka #{channel} → Edit Channel → Permissions lalu mengizinkan peran saya {permissions}",
  discordFixHere:
    "Admin server perlu membuka saluran ini → Edit Channel → Permissions lalu mengizinkan peran saya {permissions}",
  slackDirect: "ini pesan langsung, sedangkan ringkasan dan peringatan dikirim ke saluran",
  slackDirectFix: "Jalankan perintah di saluran yang akan menerimanya",
  slackNotMember: "saya bukan anggota saluran ini",
  slackInvite: "Undang saya dengan `/invite @{bot}` di saluran ini, lalu jalankan perintahnya lagi",
  slackScope:
    "aplikasi Slack mungkin tidak diizinkan membaca keanggotaan saluran (channels:read, groups:read)",
  slackReinstall:
    "Admin perlu memasang ulang aplikasi Slack dari manifest (`balance-bot slack-manifest`) untuk memberi izin itu",
  slackUndescribed: "Slack tidak memberikan keterangan tentang saluran ini",
  slackArchived: "saluran ini sudah diarsipkan",
  slackArchivedFix: "Jalankan perintah di saluran yang aktif",
  telegramUnknown: "Telegram tidak memberi tahu hak saya di grup ini",
  telegramUnknownFix: "Coba lagi dalam satu menit",
  telegramNotMember: "saya bukan anggota grup ini",
  telegramNotMemberFix: "Tambahkan bot ke grup lagi",
  telegramRestricted: "saya dibatasi untuk mengirim pesan atau foto di sini",
  telegramRestrictedFix:
    "Admin grup perlu mencabut pembatasan bot (Group settings → Permissions → Exceptions)",
  lineQuotaUsed: "LINE Official Account ini sudah memakai semua pesan push bulan ini",
  lineQuotaFix: "Tingkatkan paketnya di LINE Official Account Manager, atau atur ini lagi setelah tanggal 1",
} as const satisfies Translation<typeof en>;
