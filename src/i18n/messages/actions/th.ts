import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  breakdown: "รายละเอียด",
  chart: "กราฟ",
  payouts: "การจ่ายเงิน",
  snooze: "เลื่อน 24 ชม.",
  mute: "ปิดกฎนี้",
  ack: "รับทราบ",
  unknownTitle: "ไม่รู้จักปุ่มนี้",
  unknown: "balance-bot ไม่รู้จักปุ่มนี้ (อาจถูกแก้ไข) ไม่มีการเปลี่ยนแปลงใด ๆ",
  notYoursTitle: "ไม่ใช่เวิร์กสเปซของคุณ",
  notYours: "ปุ่มนี้เป็นของข้อความในเวิร์กสเปซอื่น ใช้ได้เฉพาะสมาชิกของเวิร์กสเปซนั้น ไม่มีการเปลี่ยนแปลงใด ๆ",
  shopGoneTitle: "ร้านค้าไม่ได้เชื่อมต่อแล้ว",
  shopGone: "ร้านค้าที่ข้อความนี้กล่าวถึงไม่ได้เชื่อมต่อกับเวิร์กสเปซนี้แล้ว จึงไม่มีอะไรให้แสดงหรือเปลี่ยน ไม่มีการเปลี่ยนแปลงใด ๆ",
  notAllowedTitle: "ไม่ได้รับอนุญาต",
  notAllowed:
    "เฉพาะผู้ดูแลเวิร์กสเปซเท่านั้นที่{action, select, snooze {เลื่อน} other {ปิด}}{syncTrouble, select, yes {การแจ้งเตือนปัญหาการซิงค์} other {กฎการแจ้งเตือน}}ได้ ไม่มีการเปลี่ยนแปลงใด ๆ",
  notAllowedRule:
    "เฉพาะผู้ดูแลเวิร์กสเปซเท่านั้นที่{action, select, snooze {เลื่อน} other {ปิด}}{syncTrouble, select, yes {การแจ้งเตือนปัญหาการซิงค์} other {กฎการแจ้งเตือน}}ได้ ({rule}) ไม่มีการเปลี่ยนแปลงใด ๆ",
  ruleGoneTitle: "กฎถูกลบแล้ว",
  ruleGone:
    "ไม่มีกฎการแจ้งเตือน #{id} แล้ว (ถูกลบ) จึงไม่มีอะไรให้{action, select, snooze {เลื่อน} other {ปิด}} ไม่มีการเปลี่ยนแปลงใด ๆ",
  alreadyTitle: "ดำเนินการไปแล้ว",
  alreadyMuted: "กฎการแจ้งเตือน #{id} ถูกปิดอยู่แล้ว ใช้ /balance alerts unmute {id} เพื่อเปิดอีกครั้ง ไม่มีการเปลี่ยนแปลงใด ๆ",
  alreadySnoozed:
    "กฎการแจ้งเตือน #{id} ถูกเลื่อนอยู่แล้วจนถึง {until} UTC ใช้ /balance alerts unsnooze {id} เพื่อยกเลิก ไม่มีการเปลี่ยนแปลงใด ๆ",
  thisShop: "ร้านค้านี้",
  syncSnoozedTitle: "เลื่อนการแจ้งเตือนปัญหาการซิงค์แล้ว",
  syncMutedTitle: "ปิดการแจ้งเตือนปัญหาการซิงค์แล้ว",
  syncSnoozed:
    "{user} เลื่อนการแจ้งเตือนปัญหาการซิงค์ของ {shop} ในช่องนี้ (การแจ้งเตือน #{id}) ออกไป 24 ชม. จนถึง {until} UTC ยกเลิก: /balance alerts unsnooze {id}",
  syncMuted:
    "{user} ปิดการแจ้งเตือนปัญหาการซิงค์ของ {shop} ในช่องนี้ (การแจ้งเตือน #{id}) แล้ว เปิดอีกครั้ง: /balance alerts unmute {id}",
  ruleSnoozedTitle: "เลื่อนกฎแล้ว",
  ruleMutedTitle: "ปิดกฎแล้ว",
  ruleSnoozed:
    "{user} เลื่อนกฎการแจ้งเตือน #{id} ออกไป 24 ชม. จนถึง {until} UTC ยกเลิก: /balance alerts unsnooze {id}",
  ruleMuted: "{user} ปิดกฎการแจ้งเตือน #{id} แล้ว เปิดอีกครั้ง: /balance alerts unmute {id}",
  alreadyAckedTitle: "รับทราบไปแล้ว",
  nothingChanged: "ไม่มีการเปลี่ยนแปลงใด ๆ",
  acknowledgedShop: "{user} รับทราบเมื่อ {time} (เขตเวลาของ {shop}, {zone})",
  acknowledgedUtc: "{user} รับทราบเมื่อ {time} (UTC)",
} as const satisfies Translation<typeof en>;
