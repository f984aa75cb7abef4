import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  stepGross: "ยอดขายรวม (ก่อนส่วนลด)",
  stepPlatformFees: "ค่าธรรมเนียมแพลตฟอร์ม · {group}",
  stepShipping: "ค่าจัดส่ง",
  stepAdjustments: "รายการปรับปรุง",
  stepUnexplained: "TikTok ไม่ได้แจกแจง",
  stepUnexplainedDetail: "ยอดชำระของธุรกรรมหักรายการที่แจกแจงแล้ว",
  stepSettlement: "การชำระเงิน",
  stepReserveHeld: "เงินสำรองที่ถูกกัน",
  stepReserveReleased: "เงินสำรองที่ปล่อยคืน",
  stepPayable: "ยอดที่จะได้รับ (การชำระเงิน + เงินสำรอง)",
  title: "กระทบยอด · {period}",
  titleShop: "กระทบยอด · {period} · {shop}",
  summary: "จากยอดขายรวมสู่การชำระเงินและการจ่ายเงิน {period}",
  footerClock: "ชำระแล้ว {period}",
  statements: "{count, plural, other {ใบแจ้งยอด {count} ฉบับ}}",
  periodNote:
    "{period} · ใบแจ้งยอด {count, plural, other {{count} ฉบับ}}ของช่วงเวลานี้ (คำสั่งซื้อที่ชำระในช่วงนี้) · วันตามเขตเวลา {zone} · สัดส่วนของยอดขายรวม",
  openMissing:
    "ยอดไม่ตรงกัน: ใบแจ้งยอดระบุการชำระเงิน {stated} แต่ธุรกรรมที่บันทึกไว้รวมได้ {stored} (ต่างกัน {gap}): ใบแจ้งยอด {count, plural, other {{count} ฉบับ ({missing})}} ยังไม่มีธุรกรรมที่ซิงค์",
  openUnexplained:
    "ยอดไม่ตรงกัน: ใบแจ้งยอดระบุการชำระเงิน {stated} แต่ธุรกรรมที่บันทึกไว้รวมได้ {stored} (ต่างกัน {gap}): ธุรกรรมของ TikTok รวมแล้วไม่เท่ากับใบแจ้งยอด",
  closes: "ยอดขายรวม {gross} + ทุกขั้น = การชำระเงิน {stated} ตรงกันพอดี",
  reserveHeld:
    "เงินสำรอง {held} ถูกกันไว้{since, select, yes {ตั้งแต่ {day}} other {}}{released, select, none {} other { และปล่อยคืนแล้ว {released}}}: อยู่นอกยอดการชำระเงิน ยอดที่ TikTok จ่าย = การชำระเงิน + เงินสำรอง",
  reserveReleased: "ปล่อยคืนเงินสำรองแล้ว {released}: ยอดที่ TikTok จ่าย = การชำระเงิน + เงินสำรอง",
  columnStep: "ขั้น",
  columnAmount: "จำนวนเงิน",
  columnOfGross: "สัดส่วนยอดรวม",
  columnRunning: "ยอดสะสม",
  noStatements: "ไม่มีใบแจ้งยอดใน{period}",
  paymentsTitle: "จากการชำระเงินสู่การจ่ายเงิน",
  paymentsTitleShop: "{shop}: จากการชำระเงินสู่การจ่ายเงิน",
  columnWhere: "เงินที่ชำระแล้วอยู่ที่ใด",
  rowStatements: "การชำระเงิน (ใบแจ้งยอด)",
  rowPaidLedger: "เข้ายอดคงเหลือ TikTok แล้ว",
  rowPaid: "จ่ายออกแล้ว",
  rowProcessing: "ยังอยู่ระหว่างดำเนินการ",
  rowFailed: "การจ่ายเงินล้มเหลว",
  rowStatus: "สถานะ {status}",
  paidLedgerDetail: "{count, plural, other {ใบแจ้งยอด {count} ฉบับ}} ชำระเข้ายอดคงเหลือ (ถอนเงินแยกต่างหาก)",
  paidDetail:
    "{count, plural, other {ใบแจ้งยอด {count} ฉบับ}} ใน{payouts, plural, other {การจ่ายเงิน {payouts} ครั้ง}}",
  explainProcessing:
    "{count, plural, =1 {ใบแจ้งยอด 1 ฉบับ ({amount}) ยังอยู่ระหว่างดำเนินการ ตั้งแต่ {day}} other {ใบแจ้งยอด {count} ฉบับ ({amount}) ยังอยู่ระหว่างดำเนินการ ฉบับเก่าสุดตั้งแต่ {day}}}",
  explainFailed:
    "{count, plural, other {ใบแจ้งยอด {count} ฉบับ}} ({amount}) จ่ายเงินไม่สำเร็จ: โปรดตรวจสอบบัญชีธนาคารใน Seller Center",
  explainUnknown:
    "{count, plural, other {ใบแจ้งยอด {count} ฉบับ}} ({amount}) มีสถานะการจ่ายเงิน {status} ซึ่งเวอร์ชันนี้ไม่รู้จัก จึงไม่นับในสถานะใด",
  explainCombined: "การจ่ายเงินวันที่ {day} จำนวน {amount} ครอบคลุมใบแจ้งยอด {count} ฉบับ",
  explainMoreCombined: "…และการจ่ายเงินรวมอีก {count, plural, other {{count} ครั้ง}}",
  explainOtherCurrency:
    "{count, plural, other {การจ่ายเงิน {count} ครั้ง}}เข้ามาเป็น {currencies} ตามอัตราที่ TikTok ระบุแต่ละครั้ง (ครั้งวันที่ {day}: {amount}) จำนวนเงินที่นี่ยังคงเป็น {currency} ก่อนแลกเปลี่ยน",
  paymentsNote:
    "จ่ายออกแล้ว + ระหว่างดำเนินการ + ล้มเหลว = การชำระเงิน {amount} ตรงกันพอดี (การจ่ายเงินรวมเงินสำรองของใบแจ้งยอดด้วย)",
  chartTitle:
    "{shop} · ยอดขายรวมสู่{to, select, payable {ยอดที่จะได้รับ (การชำระเงิน + เงินสำรอง)} other {การชำระเงิน}} · {currency}",
  chartSubtitle: "{period} · {count, plural, other {ใบแจ้งยอด {count} ฉบับ}} · ชำระแล้ว · วันตามเขตเวลา {zone}",
  chartAlt: "กราฟน้ำตกจากยอดขายรวม {gross} สู่การชำระเงิน {settlement} · {shop} · {period} · {zone} · {currency}",
} as const satisfies Translation<typeof en>;
