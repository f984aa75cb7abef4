import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  title: "Nhà sáng tạo · {period}",
  titleShop: "Nhà sáng tạo · {period} · {shop}",
  summary: "Hoa hồng trả cho nhà sáng tạo, {period}",
  footerClock: "đã quyết toán, {period}",
  paid: "Đã trả cho nhà sáng tạo",
  paidDetail: "{share} trên doanh số trước giảm giá {sales}",
  ordersNote:
    "{count} trên {orders} đơn quyết toán trong {period} có trả hoa hồng cho nhà sáng tạo · ngày theo {zone}",
  byOrderNote:
    "Giao dịch sao kê của TikTok không ghi tên nhà sáng tạo, nên hoa hồng được hiển thị theo đơn hàng (lớn nhất trước).",
  none: "Không có hoa hồng cho nhà sáng tạo trong {period}.",
  columnOrder: "Đơn hàng",
  columnSettled: "Ngày quyết toán",
  columnSales: "Doanh số",
  columnCommission: "Hoa hồng",
  columnRate: "Tỷ lệ",
} as const satisfies Translation<typeof en>;
