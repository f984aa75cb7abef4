import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  titleShop: "Số dư · {shop}",
  titleShops: "Số dư · {count, plural, other {# cửa hàng}}",
  headlineOfShop: "{shop}: {headline}",
  headline: "{balance} · {next} · {pending}",
  available: "{amount} khả dụng (số dư TikTok, tính ra)",
  settled: "{amount} đã quyết toán",
  nextPayout: "khoản thanh toán tiếp theo: {what}",
  nextExpected: "khoản thanh toán tiếp theo dự kiến {amount} vào {day}",
  nextExpectedPaidIn: "khoản thanh toán tiếp theo dự kiến {amount} (trả bằng {currency}) vào {day}",
  nextUnknown: "khoản thanh toán tiếp theo: chưa đủ lịch sử thanh toán để ước tính",
  pending: "{amount} đang chờ (ước tính)",
  pendingNotSynced: "đang chờ (ước tính) chưa đồng bộ",
  withdrawalOnItsWay: "lệnh rút tiền {amount} đang xử lý (yêu cầu {day})",
  nothingToWithdraw: "không có gì để rút cho đến khi số dư lớn hơn 0",
  withdrawUsually:
    "khi bạn rút tiền; thường cách {days, plural, other {# ngày}} một lần, lần tới khoảng {day}",
  withdrawInSellerCenter: "khi bạn rút tiền trong Seller Center",
  pendingLabel: "Đang chờ",
  pendingInLabel: "Đang chờ · {currency}",
  estimate: "{amount} (ước tính)",
  pendingDetail: "{count, plural, other {# đơn chưa quyết toán}} · ước tính {age}",
  pendingDetailNone: "ước tính từ các đơn chưa quyết toán",
  pendingInDetail: "{count, plural, other {# đơn chưa quyết toán}} bằng {currency}",
  ledgerLabel: "Số dư TikTok, khả dụng (đã quyết toán, tính ra)",
  ledgerDetail: "{count, plural, other {# bản ghi sổ cái}} từ {since}",
  ledgerDetailWithdrawing:
    "{count, plural, other {# bản ghi sổ cái}} từ {since} · lệnh rút tiền {amount} đang xử lý",
  ledgerNote:
    "Số dư khả dụng được tính ra, không đọc trực tiếp: TikTok không có API số dư, nên đây là tổng sổ cái rút tiền (quyết toán + chuyển khoản − rút tiền + lệnh rút bị hoàn) kể từ bản ghi đầu tiên.",
  negativeNote: "⚠ Số dư đang âm: không thể rút tiền cho đến khi doanh số bù lại.",
  settledLabel: "Đã quyết toán, chờ thanh toán",
  settledDetail: "{count, plural, other {# bảng sao kê}} đang xử lý thanh toán",
  paidLabel: "Đã thanh toán · {days, number} ngày qua",
  paidDetail: "{count, plural, other {# khoản thanh toán}}",
  reserveLabel: "Tiền dự trữ bị giữ",
  reserveDetail: "TikTok giữ lại, trả lại sau",
  columnLastPayouts: "Khoản thanh toán gần nhất",
  columnAmount: "Số tiền",
  columnStatus: "Trạng thái",
  columnAccount: "Tài khoản",
  habitNote:
    "Dự kiến: trong {count, number} lần rút tiền gần nhất, cửa hàng này rút cách nhau {days, plural, other {# ngày}} (trung vị); người bán tự rút tiền trong Seller Center, nên đây là thói quen, không phải lịch cố định.",
  expectedNote:
    "Dự kiến: trong {count, number} khoản thanh toán gần nhất của cửa hàng này, bảng sao kê được thanh toán {days, plural, other {# ngày}} sau ngày ghi trên bảng (trung vị); đây là ước tính, không phải cam kết.",
  expectedPaidInNote:
    "Dự kiến: trong {count, number} khoản thanh toán gần nhất của cửa hàng này, bảng sao kê được thanh toán {days, plural, other {# ngày}} sau ngày ghi trên bảng (trung vị); đây là ước tính, không phải cam kết. Tiền về bằng {currency}, quy đổi theo tỷ giá TikTok ghi trên từng khoản thanh toán; số tiền trước quy đổi được hiển thị bên cạnh.",
  flowLedger:
    "Khoản đang chờ (ước tính) được quyết toán vào số dư TikTok; khi bạn rút tiền, số dư đó mới được chi trả. Ngày theo {zone}.",
  flow: "Khoản đang chờ (ước tính) sẽ được quyết toán, rồi được thanh toán. Ngày theo {zone}.",
  flowReserve:
    "Khoản đang chờ (ước tính) sẽ được quyết toán, rồi được thanh toán; tiền dự trữ do TikTok giữ lại. Ngày theo {zone}.",
} as const satisfies Translation<typeof en>;
