import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  titleShop: "ยอดเงิน · {shop}",
  titleShops: "ยอดเงิน · {count, plural, other {# ร้านค้า}}",
  headlineOfShop: "{shop}: {headline}",
  headline: "{balance} · {next} · {pending}",
  available: "{amount} ใช้ได้ (ยอดคงเหลือ TikTok ที่คำนวณขึ้น)",
  settled: "{amount} ชำระแล้ว",
  nextPayout: "การจ่ายเงินครั้งถัดไป: {what}",
  nextExpected: "การจ่ายเงินครั้งถัดไปคาดว่า {amount} ในวัน{day}",
  nextExpectedPaidIn: "การจ่ายเงินครั้งถัดไปคาดว่า {amount} (จ่ายเป็น {currency}) ในวัน{day}",
  nextUnknown: "การจ่ายเงินครั้งถัดไป: ประวัติการจ่ายเงินยังไม่พอสำหรับประมาณการ",
  pending: "{amount} รอดำเนินการ (ประมาณการ)",
  pendingNotSynced: "รอดำเนินการ (ประมาณการ) ยังไม่ได้ซิงค์",
  withdrawalOnItsWay: "การถอนเงิน {amount} กำลังดำเนินการ (ขอเมื่อวัน{day})",
  nothingToWithdraw: "ยังไม่มีเงินให้ถอนจนกว่ายอดคงเหลือจะมากกว่าศูนย์",
  withdrawUsually: "เมื่อคุณถอนเงิน โดยปกติทุก {days, plural, other {# วัน}} ครั้งถัดไปประมาณวัน{day}",
  withdrawInSellerCenter: "เมื่อคุณถอนเงินใน Seller Center",
  pendingLabel: "รอดำเนินการ",
  pendingInLabel: "รอดำเนินการ · {currency}",
  estimate: "{amount} (ประมาณการ)",
  pendingDetail: "{count, plural, other {คำสั่งซื้อที่ TikTok ยังไม่ชำระยอด # รายการ}} · ประมาณการ {age}",
  pendingDetailNone: "ประมาณการจากคำสั่งซื้อที่ TikTok ยังไม่ชำระยอด",
  pendingInDetail: "{count, plural, other {คำสั่งซื้อที่ TikTok ยังไม่ชำระยอด # รายการ}} เป็น {currency}",
  ledgerLabel: "ยอดคงเหลือ TikTok ที่ใช้ได้ (คำนวณจากยอดชำระแล้ว)",
  ledgerDetail: "{count, plural, other {# รายการในบัญชี}} ตั้งแต่ {since}",
  ledgerDetailWithdrawing:
    "{count, plural, other {# รายการในบัญชี}} ตั้งแต่ {since} · การถอนเงิน {amount} กำลังดำเนินการ",
  ledgerNote:
    "ยอดคงเหลือที่ใช้ได้เป็นตัวเลขที่คำนวณ ไม่ได้อ่านจาก TikTok เพราะ TikTok ไม่มี API ยอดคงเหลือ จึงเป็นผลรวมของบัญชีการถอนเงิน (การชำระเงิน + การโอน − การถอนเงิน + การถอนเงินที่ถูกตีกลับ) นับจากรายการแรก",
  negativeNote: "⚠ ยอดคงเหลือติดลบ: ถอนเงินไม่ได้จนกว่ายอดขายจะชดเชยได้",
  settledLabel: "ชำระแล้ว รอการจ่ายเงิน",
  settledDetail: "{count, plural, other {ใบแจ้งยอด # ฉบับ}}ที่กำลังดำเนินการจ่ายเงิน",
  paidLabel: "จ่ายออกแล้ว · {days, number} วันล่าสุด",
  paidDetail: "{count, plural, other {การจ่ายเงิน # ครั้ง}}",
  reserveLabel: "เงินสำรองที่ถูกกัน",
  reserveDetail: "TikTok กันไว้และจะปล่อยคืนภายหลัง",
  columnLastPayouts: "การจ่ายเงินล่าสุด",
  columnAmount: "จำนวนเงิน",
  columnStatus: "สถานะ",
  columnAccount: "บัญชี",
  habitNote:
    "คาดการณ์: ร้านค้านี้ถอนเงินห่างกันโดยมัธยฐาน {days, plural, other {# วัน}} ใน {count, number} ครั้งล่าสุด ผู้ขายเป็นผู้เริ่มการถอนเงินแต่ละครั้งใน Seller Center จึงเป็นพฤติกรรม ไม่ใช่กำหนดการ",
  expectedNote:
    "คาดการณ์: ใบแจ้งยอดได้รับการจ่ายเงินโดยมัธยฐาน {days, plural, other {# วัน}} หลังวันที่ของใบแจ้งยอด จากการจ่ายเงิน {count, number} ครั้งล่าสุดของร้านค้านี้ เป็นการประมาณการ ไม่ใช่คำสัญญา",
  expectedPaidInNote:
    "คาดการณ์: ใบแจ้งยอดได้รับการจ่ายเงินโดยมัธยฐาน {days, plural, other {# วัน}} หลังวันที่ของใบแจ้งยอด จากการจ่ายเงิน {count, number} ครั้งล่าสุดของร้านค้านี้ เป็นการประมาณการ ไม่ใช่คำสัญญา เงินจะเข้าเป็น {currency} แปลงตามอัตราที่ TikTok ระบุในการจ่ายเงินแต่ละครั้ง และแสดงจำนวนก่อนแปลงไว้ข้างกัน",
  flowLedger:
    "รอดำเนินการ (ประมาณการ) จะเข้าสู่ยอดคงเหลือ TikTok เมื่อชำระแล้ว และจ่ายออกเมื่อถอนเงิน วันตามเขตเวลา {zone}",
  flow: "รอดำเนินการ (ประมาณการ) จะเปลี่ยนเป็นชำระแล้ว แล้วจึงจ่ายออก วันตามเขตเวลา {zone}",
  flowReserve:
    "รอดำเนินการ (ประมาณการ) จะเปลี่ยนเป็นชำระแล้ว แล้วจึงจ่ายออก เงินสำรองถูก TikTok กันไว้ วันตามเขตเวลา {zone}",
} as const satisfies Translation<typeof en>;
