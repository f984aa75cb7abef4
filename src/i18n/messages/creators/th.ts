import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  title: "ครีเอเตอร์ · {period}",
  titleShop: "ครีเอเตอร์ · {period} · {shop}",
  summary: "ค่าคอมมิชชันที่จ่ายให้ครีเอเตอร์ {period}",
  footerClock: "ชำระแล้ว {period}",
  paid: "จ่ายให้ครีเอเตอร์",
  paidDetail: "{share} ของยอดขายก่อนส่วนลด {sales}",
  ordersNote:
    "คำสั่งซื้อ {count} จาก {orders} รายการที่ชำระใน {period} จ่ายค่าคอมมิชชันให้ครีเอเตอร์ · วันตามเขตเวลา {zone}",
  byOrderNote: "ธุรกรรมในใบแจ้งยอดของ TikTok ไม่ระบุชื่อครีเอเตอร์ จึงแสดงค่าคอมมิชชันตามคำสั่งซื้อ (มากที่สุดก่อน)",
  none: "ไม่มีค่าคอมมิชชันครีเอเตอร์ใน {period}",
  columnOrder: "คำสั่งซื้อ",
  columnSettled: "ชำระเมื่อ",
  columnSales: "ยอดขาย",
  columnCommission: "ค่าคอมมิชชัน",
  columnRate: "อัตรา",
} as const satisfies Translation<typeof en>;
