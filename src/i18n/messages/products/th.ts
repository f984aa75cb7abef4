import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  title: "สินค้าขายดี · {period}",
  summary: "สินค้าขายดีตามยอดการชำระเงิน {period}",
  columnProduct: "สินค้า",
  columnQty: "จำนวน",
  columnSettlement: "การชำระเงิน",
  columnShare: "สัดส่วน",
  source: "{period} · คำสั่งซื้อที่ชำระแล้ว · วันตามเขตเวลา {zone}",
  allIncluded: "รวมคำสั่งซื้อครบทั้ง {count, number} รายการ",
  csvPartial:
    "มีข้อมูลสินค้าของ {cached, number} จาก {orders, number} คำสั่งซื้อ: แถวในไฟล์ส่งออกของคำสั่งซื้ออื่นไม่มีคอลัมน์ SKU ID",
  apiPartial:
    "มีรายละเอียดสินค้าของ {cached, number} จาก {orders, number} คำสั่งซื้อแล้ว ส่วนที่เหลือจะดึงทีละน้อยตามขีดจำกัดอัตราของ API",
  more: "…และสินค้าอื่นอีก {count, number} รายการ",
} as const satisfies Translation<typeof en>;
