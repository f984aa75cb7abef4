import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  title: "ข้อความ LINE",
  sentLabel: "ข้อความพุชเดือนนี้",
  sentValue: "ส่งแล้ว {used, number} ข้อความ ไม่จำกัด",
  leftLabel: "ข้อความพุชที่เหลือเดือนนี้",
  leftValue: "{left, number} จาก {limit, number}",
  usedUp:
    "⚠ โควตาข้อความพุชของเดือนนี้หมดแล้ว สรุปและการแจ้งเตือนจะรอส่ง และการตั้งค่าใหม่จะถูกปฏิเสธ จนถึงวันที่ 1 หรือจนกว่าจะอัปเกรดแพ็กเกจ",
  nearlyUsed: "เหลือไม่ถึง 10%: สรุปหรือการแจ้งเตือนที่พุชไปยังกลุ่มจะนับหนึ่งครั้งต่อสมาชิกหนึ่งคน (ตามราคาของ LINE)",
} as const satisfies Translation<typeof en>;
