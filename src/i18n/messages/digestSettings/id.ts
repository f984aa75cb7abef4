import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  state:
    "{on, select, yes {aktif} other {nonaktif}}, pukul {time} {chosen, select, yes {{zone}} other {{zone} (bawaan)}}",
  stateOff: "nonaktif",
  savedTitle: "Pengaturan ringkasan disimpan",
  savedSummary: "Ringkasan harian di saluran ini: {state}.",
  badTime: "gunakan format 24 jam HH:MM seperti 09:00 atau 17:30",
  badZone: '"{zone}" bukan zona waktu; gunakan Area/Kota seperti America/New_York atau Asia/Jakarta',
  noShop: "belum ada toko yang terhubung ke workspace ini",
  previewTitle: "{title} (pratinjau)",
  previewFooter: "{footer} · ringkasan {state}",
} as const satisfies Translation<typeof en>;
