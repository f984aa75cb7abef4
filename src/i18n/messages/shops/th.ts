import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  title: "ร้านค้าที่เชื่อมต่อ ({count, number})",
  shop: "{name} ({region}, {currency})",
  shopNoCurrency: "{name} ({region}, ยังไม่ทราบสกุลเงิน)",
  none: "ยังไม่มีร้านค้าที่เชื่อมต่อ",
  columnShop: "ร้านค้า",
  columnRegion: "ภูมิภาค",
  columnCurrency: "สกุลเงิน",
  columnZone: "เขตเวลา",
  columnSource: "แหล่งข้อมูล",
  sourceSandbox: "ข้อมูลทดสอบ (sandbox)",
  sourceCreator: "{source} · บัญชีครีเอเตอร์",
  noneNote: "ยังไม่มีร้านค้าที่เชื่อมต่อ ดู README หัวข้อ “connecting a shop”",
  pickNote: "เลือกร้านค้าในคำสั่งใดก็ได้ด้วย shop:<ชื่อ>",
} as const satisfies Translation<typeof en>;
