import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  title: "การจ่ายเงิน {count, number} ครั้งล่าสุด",
  titleShop: "การจ่ายเงิน {count, number} ครั้งล่าสุด · {shop}",
  failed: "⚠ ไม่สำเร็จ",
  columnAmount: "จำนวนเงิน",
  columnStatus: "สถานะ",
  columnAccount: "บัญชี",
  columnInitiated: "เริ่มเมื่อ",
  columnPaid: "จ่ายเมื่อ",
  columnStatements: "ใบแจ้งยอด",
  none: "ยังไม่มีการจ่ายเงินที่ซิงค์",
  clock: "จ่ายออกแล้ว · วันที่ตามเขตเวลา {zone}",
  clockWithdrawals: "จ่ายออกแล้ว · วันที่ตามเขตเวลา {zone} · การถอนเงิน (ตลาดนี้ไม่มีการจ่ายเงินอัตโนมัติ)",
  failedNote: "{count, plural, other {การจ่ายเงินไม่สำเร็จ # ครั้ง}}: โปรดตรวจสอบบัญชีธนาคารใน Seller Center",
} as const satisfies Translation<typeof en>;
