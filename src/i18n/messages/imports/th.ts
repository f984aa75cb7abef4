import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  needsFile: "แนบไฟล์ที่ส่งออกในตัวเลือก file ของคำสั่ง",
  title: "นำเข้า {file} แล้ว",
  summary:
    '{rows} แถว (ใหม่ {newRows} แถว) เข้าร้านค้า "{shop}" ({currency}, วันตามเขตเวลา {zone}): {days} วัน ตั้งแต่ {first} ถึง {last} ลองใช้ /balance earnings {period} shop:{shop}',
  noteWithdrawals: "บันทึกการถอนเงิน {count, plural, other {# รายการ}} เป็นการจ่ายเงิน",
  noteEncoding: "อ่านด้วยการเข้ารหัส {encoding}",
  noteLegacyEncoding: "อ่านด้วยการเข้ารหัส {encoding}: ตรวจดูว่าชื่อสินค้าแสดงถูกต้อง",
  noteZone:
    "อ่านเวลาตาม {zone} (จาก{source, select, option {ตัวเลือก --timezone} sheet {ชีตรายงาน} other {ชื่อไฟล์}})",
  failedTitle: "ไม่ได้นำเข้าข้อมูลใด ๆ",
  failedSummary: "{message}: {problems}",
  more: "…และอีก {count} รายการ",
  fixRows: "แก้ไขแถวเหล่านี้ในสเปรดชีตแล้วนำเข้าไฟล์อีกครั้ง",
} as const satisfies Translation<typeof en>;
