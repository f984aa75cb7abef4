import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  title: "Bảng sao kê · {period}",
  summary: "Bảng sao kê trong {period}",
  failed: "⚠ THẤT BẠI",
  columnDay: "Ngày",
  columnStatement: "Bảng sao kê",
  columnSettlement: "Quyết toán",
  columnRevenue: "Doanh thu",
  columnFees: "Phí",
  columnPayment: "Thanh toán",
  none: "Không có bảng sao kê nào trong {period}.",
  stamped: "{period} · bảng sao kê mang mốc 00:00 UTC và được xếp vào ngày địa phương tương ứng theo {zone}",
  newest: "…đang hiển thị {count, number} bảng mới nhất; thu hẹp kỳ để xem bảng cũ hơn",
  details: "Chi tiết một bảng: /balance statement <id>",
} as const satisfies Translation<typeof en>;
