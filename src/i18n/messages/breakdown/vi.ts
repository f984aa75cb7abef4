import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  title: "Chi tiết · {period}",
  titleShop: "Chi tiết · {period} · {shop}",
  summary: "Tiền đã đi đâu, {period}",
  notItemised: "TikTok không ghi chi tiết (quyết toán − các dòng)",
  noteSource: "{period} · từ giao dịch của bảng sao kê · ngày theo {zone} · số âm = tiền ra",
  noteExact: "Doanh số trước giảm giá {sales} + mọi dòng = quyết toán {settlement}, chính xác.",
  hidden: "…và {count, plural, other {# dòng nhỏ hơn}} tổng cộng {amount}",
  sales: "Doanh số trước giảm giá",
  moneyOut: "Tiền ra (phí, thuế, phí vận chuyển, hoàn tiền, điều chỉnh)",
  moneyIn: "Tiền vào (phí vận chuyển người mua trả, khoản ghi có)",
  affiliate: "Hoa hồng tiếp thị liên kết (nhà sáng tạo)",
  affiliateDetail: "đã nằm trong tiền ra; xem /balance creators để biết ai nhận",
  settlement: "Quyết toán",
  reserve: "Tiền dự trữ (trả lại − giữ lại)",
  reserveDetail: "nằm ngoài quyết toán: TikTok trả quyết toán + tiền dự trữ",
  columnWhere: "Khoản",
  columnAmount: "Số tiền",
  columnShare: "Tỷ trọng tiền ra",
  moneyInShare: "vào",
  none: "Không có dòng phí hay điều chỉnh nào trong {period}.",
} as const satisfies Translation<typeof en>;
