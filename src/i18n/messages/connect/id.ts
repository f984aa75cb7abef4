import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  setupTitle: "Menghubungkan toko sungguhan perlu pengaturan",
  setupSummary: "Atur {variables}, lalu mulai ulang balance-bot dan jalankan /balance connect lagi.",
  and: "{first} dan {next}",
  setupFooter: "lihat README, bagian “Connecting a real shop”",
  settingServiceId:
    "TIKTOK_SERVICE_ID: Service ID aplikasi Anda di TikTok Shop Partner Center global (ada di tautan otorisasinya, services.tiktokshop.com/open/authorize?service_id=…).",
  settingUsServiceId:
    "TIKTOK_US_SERVICE_ID: Service ID aplikasi Anda di TikTok Shop Partner Center AS (ada di tautan otorisasinya, services.tiktokshops.us/open/authorize?service_id=…).",
  settingPublicUrl:
    "PUBLIC_URL: alamat https publik bot, misalnya https://balance.example.com; daftarkan {callback} sebagai redirect URL aplikasi di Partner Center.",
  settingPort:
    "PORT: server HTTP bot (callback dan webhook) tidak berjalan; atur PORT (misalnya 3000) lalu mulai ulang.",
  title: "Hubungkan TikTok Shop",
  summary:
    "Buka {links, plural, other {tautan untuk wilayah Anda}} sebagai pemilik toko dan setujui balance-bot: {urls}",
  linkSandbox: "Toko sandbox",
  linkUs: "Penjual di AS",
  linkGlobal: "Penjual di luar AS",
  noteOnce: "Tautan hanya berlaku sekali dan kedaluwarsa dalam 30 menit (pukul {time} UTC).",
  noteApproved:
    "Setelah pemilik menyetujui, saluran ini menerima konfirmasi dan tokonya muncul di /balance shops.",
  footerSandbox: "toko sandbox · tidak ada toko sungguhan yang tersentuh",
  footerReal: "otorisasi TikTok Shop",
  whichShop: "sebutkan toko mana yang akan diputuskan: {shops}",
  disconnectedTitle: "Koneksi {shop} diputus",
  disconnectedSummary: "{shop} tidak lagi terhubung ke workspace ini.",
  credentialsDeleted:
    "Tidak ada workspace lain yang memakai otorisasi TikTok-nya, jadi kredensial yang tersimpan telah dihapus.",
  credentialsKept:
    "Workspace lain masih memakai otorisasi TikTok toko ini, jadi kredensialnya tetap disimpan.",
  historyStays:
    "Riwayat yang sudah disinkronkan tetap ada di database; /balance connect menghubungkannya lagi.",
  sandboxAgain: "Sandbox: workspace tanpa toko akan melihat toko sandbox lagi pada perintah berikutnya.",
} as const satisfies Translation<typeof en>;
