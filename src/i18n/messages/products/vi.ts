import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  title: "Sản phẩm hàng đầu · {period}",
  summary: "Sản phẩm hàng đầu theo quyết toán, {period}",
  columnProduct: "Sản phẩm",
  columnQty: "SL",
  columnSettlement: "Quyết toán",
  columnShare: "Tỷ trọng",
  source: "{period} · đơn đã quyết toán · ngày theo {zone}",
  allIncluded: "Đã gồm đủ {count, number} đơn.",
  csvPartial:
    "Có sản phẩm cho {cached, number} trên {orders, number} đơn: các dòng xuất của những đơn còn lại không có cột SKU ID.",
  apiPartial:
    "Đã có chi tiết sản phẩm cho {cached, number} trên {orders, number} đơn; phần còn lại được tải dần trong giới hạn tốc độ của API.",
  more: "…và {count, number} sản phẩm khác",
} as const satisfies Translation<typeof en>;
