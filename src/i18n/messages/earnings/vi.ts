import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  title: "Thu nhập · {period} · so với {prior}",
  titleShop: "Thu nhập · {period} · {shop} · so với {prior}",
  summary: "Thu nhập đã quyết toán, so với {prior}",
  revenue: "Doanh thu",
  netSales: "Doanh số thuần",
  fees: "Phí",
  shipping: "Phí vận chuyển",
  adjustments: "Điều chỉnh",
  settlement: "Quyết toán",
  affiliate: "Hoa hồng tiếp thị liên kết (nằm trong phí)",
  statementsNote: "{count, plural, other {# bảng sao kê ngày}} · {period} · ngày theo {zone}",
  otherCurrencies: "Còn có bảng sao kê bằng {currencies}: không cộng chung với {currency}.",
  ownDays:
    "Ngày của mỗi cửa hàng theo múi giờ riêng: một bảng sao kê tính cho ngày trước mốc 00:00 UTC của nó, nên ngày của cửa hàng ở phía tây UTC (Mỹ) kết thúc sớm hơn một ngày.",
  priorDays: "{days} ngày trước đó",
  priorWeekday: "cùng thứ của tuần trước",
  priorMonthDays: "cùng các ngày của tháng trước",
  priorMonth: "tháng trước",
  priorSpan: "khoảng thời gian ngay trước đó",
} as const satisfies Translation<typeof en>;
