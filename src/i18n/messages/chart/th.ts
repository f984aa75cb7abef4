import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  title: "กราฟ · {period} · {shop}",
  titleShops: "กราฟ · {period} · {count, number} ร้านค้า",
  summary: "ยอดชำระแล้วรายวัน การจ่ายเงิน และรอดำเนินการ (ประมาณการ) ของ {period} กราฟละหนึ่งร้านค้า",
  note: "ยอดชำระแล้วรายวัน การจ่ายเงิน และรอดำเนินการ (ประมาณการ) · {period} · วันตามเขตเวลา {zone}",
  chartTitle: "{shop} · ชำระแล้วรายวัน · {period} · {zone} · {currency}",
  legendSettled: "ชำระแล้ว",
  legendNegative: "วันที่ยอดติดลบ",
  legendPending: "รอดำเนินการ (ประมาณการ) {amount} ไม่ใช่ยอดรายวัน จึงไม่แสดงเป็นแท่ง",
  legendGoal: "เป้าหมาย {amount}/วัน",
  legendPaid: "การจ่ายเงินสำเร็จ",
  legendProcessing: "การจ่ายเงินกำลังดำเนินการ",
  legendFailed: "การจ่ายเงินไม่สำเร็จ",
  summarySettled: "ชำระแล้ว {amount} ใน {days, plural, other {# วัน}}",
  summaryPaid: "จ่ายออกแล้ว {amount} ({count, number} ครั้ง)",
  summaryPaidBefore: "จ่ายออกแล้ว {amount} ก่อนแปลงเป็น {currency} ({count, number} ครั้ง)",
  summaryProcessing: "กำลังดำเนินการ {amount}",
  summaryFailed: "{count, plural, other {การจ่ายเงินไม่สำเร็จ # ครั้ง}}",
  waterfallTotal: "ยอดรวม",
  waterfallIn: "เงินเข้า",
  waterfallOut: "เงินออก",
} as const satisfies Translation<typeof en>;
