import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  settledClock: "đã quyết toán, {period}",
  eachShopZone: "của từng cửa hàng",
  statusPaid: "đã trả",
  statusProcessing: "đang xử lý",
  statusFailed: "THẤT BẠI ⚠",
  payoutConverted: "{paid} ({before} theo tỷ giá {rate})",
  unstatedRate: "tỷ giá không ghi rõ",
  withCurrency: "{label} · {currency}",
  creatorAccountTitle: "{name} (tài khoản nhà sáng tạo)",
  creatorAccountNote:
    "Tài khoản nhà sáng tạo có hoa hồng, không có bảng sao kê hay khoản thanh toán: xem /balance và /balance earnings.",
  creatorBalanceTitle: "{name} (nhà sáng tạo, {region}, {currency})",
  creatorEarningsTitle: "{name} (nhà sáng tạo, {currency}) · {period}",
  commissionPending: "Hoa hồng đang chờ",
  commissionSettled: "Hoa hồng đã quyết toán",
  commissionSettled30: "Hoa hồng đã quyết toán · 30 ngày qua",
  lost: "Bị hoàn hoặc khấu trừ",
  lost30: "Bị hoàn hoặc khấu trừ · 30 ngày qua",
  earned: "Hoa hồng trên đơn của kỳ (đã quyết toán + ước tính)",
  estimate: "{amount} (ước tính)",
  orders: "{count, plural, other {# đơn}}",
  ordersNotSettled: "{count, plural, other {# đơn}} chưa quyết toán",
  ordersNotSettledEstimate: "{count, plural, other {# đơn}} chưa quyết toán · ước tính của TikTok",
  ordersCreated: "{count, plural, other {# đơn}} tạo {period}",
  lostRefunded: "{count, plural, other {# đơn}}: {refunded, number} bị hoàn",
  lostDeducted: "{count, plural, other {# đơn}}: {deducted, number} bị khấu trừ sau quyết toán",
  lostBoth:
    "{count, plural, other {# đơn}}: {refunded, number} bị hoàn, {deducted, number} bị khấu trừ sau quyết toán",
  lostNone: "không có",
  withChange: "{detail} · {change}",
  earnedDetail: "đã quyết toán {settled} + đang chờ {pending} (ước tính) · {change}",
  creatorHeadline: "{pending} hoa hồng đang chờ (ước tính) · {settled} đã quyết toán trên đơn 30 ngày qua",
  creatorBalanceNote:
    "Tài khoản nhà sáng tạo: hoa hồng tiếp thị liên kết. Đang chờ (ước tính) chuyển thành đã quyết toán khoảng một tuần sau khi giao hàng, trừ khi đơn bị hoàn. Đơn được tính theo ngày tạo, theo {zone}.",
  noPayoutApi:
    "TikTok không có API thanh toán hay số dư cho nhà sáng tạo: số tiền đã về ngân hàng không được hiển thị, chỉ có hoa hồng theo từng đơn.",
  creatorEarningsOrders: "{count, plural, other {# đơn tiếp thị liên kết}} tạo {period} · ngày theo {zone}",
  creatorEarningsNote:
    "Tài khoản nhà sáng tạo: hoa hồng theo từng đơn (ước tính cho đến khi TikTok quyết toán), không phải bảng sao kê.",
  digestTitle: "{name} (nhà sáng tạo) · {period} · {zone}",
  digestYesterday: "Hoa hồng trên đơn hôm qua (ước tính)",
  digestSettledSince: "Hoa hồng đã quyết toán từ bản tóm tắt trước",
  digestSettledSinceDetail: "{count, plural, other {# đơn}} từ {since}",
  digestMonth: "Hoa hồng đã quyết toán · từ đầu tháng",
  digestMonthDetail: "đơn tạo {period} · bị hoàn hoặc khấu trừ {amount}",
  digestPendingDetail: "{count, plural, other {# đơn}} chưa quyết toán · ước tính",
  digestNote: "Tài khoản nhà sáng tạo: hoa hồng trên đơn tiếp thị liên kết, theo ngày tạo đơn.",
  digestSynced: "Dữ liệu đồng bộ {age}.",
  digestNotSynced: "Chưa đồng bộ.",
} as const satisfies Translation<typeof en>;
