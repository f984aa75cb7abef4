import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  title: "ใบแจ้งยอด · {period}",
  summary: "ใบแจ้งยอดของ {period}",
  failed: "⚠ ไม่สำเร็จ",
  columnDay: "วันที่",
  columnStatement: "ใบแจ้งยอด",
  columnSettlement: "การชำระเงิน",
  columnRevenue: "รายได้",
  columnFees: "ค่าธรรมเนียม",
  columnPayment: "การจ่ายเงิน",
  none: "ไม่มีใบแจ้งยอดใน {period}",
  stamped: "{period} · ใบแจ้งยอดประทับเวลา 00:00 UTC และแสดงตามวันที่ท้องถิ่นนั้นในเขตเวลา {zone}",
  newest: "…แสดง {count, number} ฉบับล่าสุด โปรดระบุช่วงเวลาให้แคบลงเพื่อดูฉบับที่เก่ากว่า",
  details: "รายละเอียดของแต่ละใบ: /balance statement <id>",
} as const satisfies Translation<typeof en>;
