import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  state:
    "{on, select, yes {เปิด} other {ปิด}} เวลา {time} {chosen, select, yes {{zone}} other {{zone} (ค่าเริ่มต้น)}}",
  stateOff: "ปิด",
  savedTitle: "บันทึกการตั้งค่าสรุปรายวันแล้ว",
  savedSummary: "สรุปรายวันในช่องนี้: {state}",
  badTime: "ใช้รูปแบบ 24 ชั่วโมง HH:MM เช่น 09:00 หรือ 17:30",
  badZone: '"{zone}" ไม่ใช่เขตเวลา ใช้รูปแบบ ภูมิภาค/เมือง เช่น America/New_York หรือ Asia/Bangkok',
  noShop: "ยังไม่มีร้านค้าที่เชื่อมต่อกับเวิร์กสเปซนี้",
  previewTitle: "{title} (ตัวอย่าง)",
  previewFooter: "{footer} · สรุปรายวัน: {state}",
} as const satisfies Translation<typeof en>;
