import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  noShopLinked:
    "belum ada toko yang terhubung ke workspace ini; admin dapat menghubungkannya (lihat README, bagian “connecting a shop”)",
  matchesSeveral: "“{shown}” cocok dengan {count, plural, other {# toko}}; ketik {tokens}",
  noMatch: "tidak ada toko terhubung yang cocok dengan “{shown}”; ketik {tokens}",
  notSynced: "{shop} belum disinkronkan; coba lagi setelah sinkronisasi pertama",
  oneNeeded: "workspace ini memiliki {count, plural, other {# toko}}; tambahkan {tokens}",
} satisfies Translation<typeof en>;
