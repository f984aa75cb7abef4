import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  title: "Toko terhubung ({count, number})",
  shop: "{name} ({region}, {currency})",
  shopNoCurrency: "{name} ({region}, mata uang belum diketahui)",
  none: "Belum ada toko yang terhubung",
  columnShop: "Toko",
  columnRegion: "Wilayah",
  columnCurrency: "Mata uang",
  columnZone: "Zona waktu",
  columnSource: "Sumber",
  sourceSandbox: "data sandbox",
  sourceCreator: "{source} · akun kreator",
  noneNote: "Belum ada toko yang terhubung; lihat README, bagian “connecting a shop”.",
  pickNote: "Pilih salah satu di perintah mana pun dengan shop:<nama>.",
} as const satisfies Translation<typeof en>;
