import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  title: "รายละเอียด · {period}",
  titleShop: "รายละเอียด · {period} · {shop}",
  summary: "เงินไปที่ไหนบ้าง {period}",
  notItemised: "TikTok ไม่ได้แจกแจง (การชำระเงิน − รายการ)",
  noteSource: "{period} · จากธุรกรรมในใบแจ้งยอด · วันตามเขตเวลา {zone} · ค่าติดลบ = เงินออก",
  noteExact: "ยอดขายก่อนส่วนลด {sales} + ทุกรายการ = การชำระเงิน {settlement} พอดี",
  hidden: "…และอีก {count, plural, other {# รายการย่อย}} รวม {amount}",
  sales: "ยอดขายก่อนส่วนลด",
  moneyOut: "เงินออก (ค่าธรรมเนียม ภาษี ค่าจัดส่ง การคืนเงิน รายการปรับปรุง)",
  moneyIn: "เงินเข้า (ค่าจัดส่งที่ผู้ซื้อจ่าย เครดิต)",
  affiliate: "ค่าคอมมิชชันแอฟฟิลิเอต (ครีเอเตอร์)",
  affiliateDetail: "รวมอยู่ในเงินออกแล้ว ดูว่าใครได้รับด้วย /balance creators",
  settlement: "การชำระเงิน",
  reserve: "เงินสำรอง (ปล่อยคืน − กันไว้)",
  reserveDetail: "อยู่นอกยอดการชำระเงิน: ยอดที่ TikTok จ่าย = การชำระเงิน + เงินสำรอง",
  columnWhere: "รายการ",
  columnAmount: "จำนวนเงิน",
  columnShare: "สัดส่วนของเงินออก",
  moneyInShare: "เข้า",
  none: "ไม่มีรายการค่าธรรมเนียมหรือรายการปรับปรุงใน {period}",
} as const satisfies Translation<typeof en>;
