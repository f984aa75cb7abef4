import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  stepGross: "Doanh số gộp (trước giảm giá)",
  stepPlatformFees: "Phí nền tảng · {group}",
  stepShipping: "Phí vận chuyển",
  stepAdjustments: "Điều chỉnh",
  stepUnexplained: "TikTok không ghi chi tiết",
  stepUnexplainedDetail: "số quyết toán của giao dịch trừ các khoản mục đã ghi chi tiết",
  stepSettlement: "Quyết toán",
  stepReserveHeld: "Tiền dự trữ bị giữ",
  stepReserveReleased: "Tiền dự trữ được trả lại",
  stepPayable: "TikTok phải trả (quyết toán + tiền dự trữ)",
  title: "Đối soát · {period}",
  titleShop: "Đối soát · {period} · {shop}",
  summary: "Từ doanh số gộp đến quyết toán và thanh toán, {period}",
  footerClock: "đã quyết toán, {period}",
  statements: "{count, plural, other {{count} bảng sao kê}}",
  periodNote:
    "{period} · {count, plural, other {{count} bảng sao kê}} của kỳ (các đơn quyết toán trong kỳ) · ngày theo {zone} · tỷ lệ trên doanh số gộp",
  openMissing:
    "Không khớp: các bảng sao kê ghi quyết toán {stated}, còn giao dịch đã lưu cộng lại {stored} (lệch {gap}): {count, plural, other {{count} bảng sao kê ({missing})}} chưa có giao dịch nào được đồng bộ.",
  openUnexplained:
    "Không khớp: các bảng sao kê ghi quyết toán {stated}, còn giao dịch đã lưu cộng lại {stored} (lệch {gap}): tổng giao dịch của TikTok không khớp với bảng sao kê.",
  closes: "Doanh số gộp {gross} + từng bước = quyết toán {stated}, khớp chính xác.",
  reserveHeld:
    "Tiền dự trữ {held} bị giữ{since, select, yes { từ {day}} other {}}{released, select, none {} other {, {released} được trả lại}}: nằm ngoài quyết toán, TikTok trả quyết toán + tiền dự trữ.",
  reserveReleased: "Tiền dự trữ {released} được trả lại: TikTok trả quyết toán + tiền dự trữ.",
  columnStep: "Bước",
  columnAmount: "Số tiền",
  columnOfGross: "Trên doanh số gộp",
  columnRunning: "Lũy kế",
  noStatements: "Không có bảng sao kê nào trong {period}.",
  paymentsTitle: "Từ quyết toán đến thanh toán",
  paymentsTitleShop: "{shop}: từ quyết toán đến thanh toán",
  columnWhere: "Tiền quyết toán đang ở đâu",
  rowStatements: "Quyết toán (bảng sao kê)",
  rowPaidLedger: "Đã vào số dư TikTok",
  rowPaid: "Đã thanh toán",
  rowProcessing: "Đang xử lý",
  rowFailed: "Thanh toán thất bại",
  rowStatus: "Trạng thái {status}",
  paidLedgerDetail: "{count, plural, other {{count} bảng sao kê}}, đã quyết toán vào số dư (rút tiền riêng)",
  paidDetail:
    "{count, plural, other {{count} bảng sao kê}} trong {payouts, plural, other {{payouts} khoản thanh toán}}",
  explainProcessing:
    "{count, plural, other {{count} bảng sao kê ({amount}) vẫn đang xử lý, cũ nhất từ {day}}}.",
  explainFailed:
    "{count, plural, other {{count} bảng sao kê}} ({amount}) thanh toán thất bại: hãy kiểm tra tài khoản ngân hàng trong Seller Center.",
  explainUnknown:
    "{count, plural, other {{count} bảng sao kê}} ({amount}) có trạng thái thanh toán {status} mà phiên bản này chưa biết: không tính vào giai đoạn nào.",
  explainCombined: "Khoản thanh toán ngày {day} trị giá {amount} gồm {count} bảng sao kê.",
  explainMoreCombined: "…và {count, plural, other {{count} khoản thanh toán gộp khác}}.",
  explainOtherCurrency:
    "{count, plural, other {{count} khoản thanh toán}} về bằng {currencies} theo tỷ giá TikTok ghi cho từng khoản (khoản ngày {day}: {amount}); số tiền ở đây vẫn tính bằng {currency}, trước quy đổi.",
  paymentsNote:
    "Đã thanh toán + đang xử lý + thất bại = quyết toán {amount}, khớp chính xác (khoản thanh toán cũng gồm tiền dự trữ của các bảng sao kê).",
  chartTitle:
    "{shop} · từ doanh số gộp đến {to, select, payable {số TikTok phải trả (quyết toán + tiền dự trữ)} other {quyết toán}} · {currency}",
  chartSubtitle: "{period} · {count, plural, other {{count} bảng sao kê}} · đã quyết toán · ngày theo {zone}",
  chartAlt:
    "Biểu đồ thác nước từ doanh số gộp {gross} đến quyết toán {settlement} · {shop} · {period} · {zone} · {currency}",
} as const satisfies Translation<typeof en>;
