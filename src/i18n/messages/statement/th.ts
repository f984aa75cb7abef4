import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  badId: "ไม่ใช่รหัสใบแจ้งยอด (ตัวเลข ตามที่ /balance statements แสดง)",
  title: "ใบแจ้งยอด {id} · {day} · {shop}",
  summary:
    "การชำระเงิน {amount} · การจ่ายเงิน: {status, select, PAID {จ่ายแล้ว} PROCESSING {กำลังดำเนินการ} FAILED {ไม่สำเร็จ} other {{raw}}}",
  payment:
    "การจ่ายเงิน: {status, select, PAID {จ่ายแล้ว} PROCESSING {กำลังดำเนินการ} FAILED {ไม่สำเร็จ} other {{raw}}}",
  paymentPayout:
    "การจ่ายเงิน: {status, select, PAID {จ่ายแล้ว} PROCESSING {กำลังดำเนินการ} FAILED {ไม่สำเร็จ} other {{raw}}} · รายการจ่ายเงิน {payout}",
  columnType: "ประเภท",
  columnCount: "จำนวน",
  columnFeesTax: "ค่าธรรมเนียมและภาษี",
  notSynced: "ยังไม่ได้ซิงค์ธุรกรรมของใบแจ้งยอดนี้",
  stamped: "ประทับเวลา {at} UTC แสดงในวันที่ {day} ตามเขตเวลา {zone}",
  notFound: "ไม่พบใบแจ้งยอด {id} ในร้านค้าของเวิร์กสเปซนี้ ดูรายการได้ด้วย /balance statements",
} as const satisfies Translation<typeof en>;
