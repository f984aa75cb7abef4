import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  setTitle: "ตั้งเป้าหมาย #{id} แล้ว",
  setSummary:
    "เป้าหมาย{metric, select, revenue {รายได้} other {ยอดชำระแล้ว}}{cadence, select, daily {รายวัน} weekly {รายสัปดาห์} other {รายเดือน}} {amount} สำหรับ {shop}: ถึงตอนนี้ได้ {percent}% ({period}, {zone})",
  notPositive: "amount ต้องมากกว่าศูนย์ เช่น 5000",
  listTitle: "เป้าหมาย ({count})",
  listNone: "ยังไม่มีเป้าหมาย",
  listSummary: "{count} เป้าหมาย",
  listNoneNote: "ยังไม่มีเป้าหมาย ผู้ดูแลตั้งได้ด้วย /balance goal set 5000 monthly",
  rowGoal:
    "{shop}: {metric, select, revenue {รายได้} other {ยอดชำระแล้ว}}{cadence, select, daily {รายวัน} weekly {รายสัปดาห์} other {รายเดือน}}",
  rowProgress: "{achieved} จาก {target} ({percent}%)",
  rowReached: "ถึงเป้าแล้ว ✓",
  rowPace: "ต้องได้ {amount}/วัน อีก {days, plural, other {# วัน}}",
  columnId: "Id",
  columnGoal: "เป้าหมาย",
  columnProgress: "ความคืบหน้า",
  columnPace: "อัตราที่ต้องการ",
  columnProjection: "คาดการณ์",
  columnPeriod: "ช่วงเวลา",
  listNote: "นับตามยอดที่ชำระแล้ว วันตามเขตเวลาของแต่ละร้านค้า คาดการณ์ = ยอดรวมของช่วงเวลาตามอัตรารายวันปัจจุบัน",
  removed: "ลบเป้าหมาย #{id} แล้ว",
  notFound: "ไม่มีเป้าหมาย #{id} ในเวิร์กสเปซนี้ (ดู /balance goal list)",
  weekOf: "สัปดาห์เริ่ม {day}",
} as const satisfies Translation<typeof en>;
