import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  noShopLinked: "ยังไม่มีร้านค้าที่เชื่อมต่อกับเวิร์กสเปซนี้ ผู้ดูแลสามารถเชื่อมต่อได้ (ดู README: connecting a shop)",
  matchesSeveral: "“{shown}” ตรงกับ {count, plural, other {# ร้านค้า}} โปรดพิมพ์ {tokens}",
  noMatch: "ไม่มีร้านค้าที่เชื่อมต่อไว้ตรงกับ “{shown}” โปรดพิมพ์ {tokens}",
  notSynced: "{shop} ยังไม่ได้ซิงค์ โปรดลองอีกครั้งหลังการซิงค์ครั้งแรก",
  oneNeeded: "เวิร์กสเปซนี้มี {count, plural, other {# ร้านค้า}} โปรดเพิ่ม {tokens}",
} satisfies Translation<typeof en>;
