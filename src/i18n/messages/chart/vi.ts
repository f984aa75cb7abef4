import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  title: "Biểu đồ · {period} · {shop}",
  titleShops: "Biểu đồ · {period} · {count, number} cửa hàng",
  summary:
    "Đã quyết toán theo ngày, khoản thanh toán và đang chờ (ước tính) trong {period}, mỗi cửa hàng một biểu đồ",
  note: "Đã quyết toán theo ngày, khoản thanh toán và đang chờ (ước tính) · {period} · ngày theo {zone}",
  chartTitle: "{shop} · đã quyết toán theo ngày · {period} · {zone} · {currency}",
  legendSettled: "đã quyết toán",
  legendNegative: "ngày quyết toán âm",
  legendPending: "đang chờ (ước tính) {amount}, không thuộc ngày nào: không vẽ",
  legendGoal: "mục tiêu {amount}/ngày",
  legendPaid: "khoản thanh toán đã trả",
  legendProcessing: "khoản thanh toán đang xử lý",
  legendFailed: "khoản thanh toán thất bại",
  summarySettled: "đã quyết toán {amount} trong {days, plural, other {# ngày}}",
  summaryPaid: "đã thanh toán {amount} ({count, number})",
  summaryPaidBefore: "đã thanh toán {amount} trước khi quy đổi sang {currency} ({count, number})",
  summaryProcessing: "đang xử lý {amount}",
  summaryFailed: "{count, plural, other {# khoản thanh toán thất bại}}",
  waterfallTotal: "tổng",
  waterfallIn: "tiền vào",
  waterfallOut: "tiền ra",
} as const satisfies Translation<typeof en>;
