import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  badRows: "{count, plural, other {แถวที่มีปัญหา {count} แถว}} ไม่ได้นำเข้าข้อมูลใด ๆ",
  more: "…และอีก {count} รายการ",
  row: "แถว {row}: {problem}",
  withdrawalRow: "แถวการถอนเงิน {row}: {problem}",
  cell: "{column}: {problem}",
  missing: "ไม่มี {column}",
  notCurrency: '{column} "{value}" ไม่ใช่รหัสสกุลเงิน เช่น USD',
  currencyDiffers: "สกุลเงิน {currency} ต่างจากสกุลเงินของไฟล์ ({fileCurrency})",
  notNumber: '"{value}" ไม่ใช่ตัวเลข',
  ambiguous: '"{value}" กำกวม ({dot} หรือ {comma}): ไฟล์เขียนตัวเลขทั้งแบบ 1,234.5 และ 1.234,5',
  tooManyDecimals: '"{value}" มีทศนิยมเกิน {scale} ตำแหน่ง',
  tooLarge: '"{value}" มากเกินไป',
  invalidDate: "ไม่ใช่วันที่ที่ถูกต้อง",
  notDate: '"{value}" ไม่ใช่วันที่',
  notDateUse: '"{value}" ไม่ใช่วันที่ (ใช้ {formats})',
} as const satisfies Translation<typeof en>;
