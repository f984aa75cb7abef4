import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  title: "รายรับ · {period} · เทียบกับ {prior}",
  titleShop: "รายรับ · {period} · {shop} · เทียบกับ {prior}",
  summary: "รายรับที่ชำระแล้ว เทียบกับ {prior}",
  revenue: "รายได้",
  netSales: "ยอดขายสุทธิ",
  fees: "ค่าธรรมเนียม",
  shipping: "ค่าจัดส่ง",
  adjustments: "รายการปรับปรุง",
  settlement: "การชำระเงิน",
  affiliate: "ค่าคอมมิชชันแอฟฟิลิเอต (รวมอยู่ในค่าธรรมเนียม)",
  statementsNote: "{count, plural, other {ใบแจ้งยอดรายวัน # ฉบับ}} · {period} · วันตามเขตเวลา {zone}",
  otherCurrencies: "มีใบแจ้งยอดเป็น {currencies} ด้วย ซึ่งไม่ได้รวมกับ {currency}",
  ownDays:
    "วันของแต่ละร้านค้าเป็นไปตามเขตเวลาของร้านเอง ใบแจ้งยอดครอบคลุมวันก่อนเวลาประทับ 00:00 UTC ร้านค้าที่อยู่ทางตะวันตกของ UTC (สหรัฐฯ) จึงสิ้นสุดเร็วกว่าหนึ่งวัน",
  priorDays: "{days} วันก่อนหน้า",
  priorWeekday: "วันเดียวกันของสัปดาห์ก่อน",
  priorMonthDays: "วันเดียวกันของเดือนก่อน",
  priorMonth: "เดือนก่อน",
  priorSpan: "ช่วงเวลาก่อนหน้า",
} as const satisfies Translation<typeof en>;
