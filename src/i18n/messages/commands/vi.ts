import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  telegramMenu: "Tiền TikTok Shop: /balance, earnings 7d, payouts, chart 30d, breakdown, help",
  discordAdminPermission: "Quản Lý Máy Chủ",
  "option shop": "Chỉ cửa hàng này",
  "option private": "Chỉ bạn mới thấy",
  "option period": "ví dụ 7d, mtd, 2026-10 (mặc định {fallback})",
  "describe balance":
    "Tiền của bạn ở cả ba giai đoạn: đang chờ (ước tính), đã quyết toán chờ thanh toán, đã thanh toán",
  "describe earnings":
    "Số đã quyết toán: doanh thu, phí, phí vận chuyển, điều chỉnh và quyết toán, so với kỳ trước",
  "describe breakdown": "Tiền đã đi đâu: phí theo loại, thuế, hoàn tiền, điều chỉnh và tiền dự trữ",
  "describe reconcile": "Đối soát từng bước từ doanh số gộp đến khoản thanh toán, khớp chính xác",
  "describe order": "Tiền của một đơn hàng và trạng thái của nó",
  "describe creators": "Hoa hồng trả cho nhà sáng tạo, kèm các đơn trả hoa hồng nhiều nhất",
  "describe payouts":
    "Các khoản thanh toán gần nhất: số tiền, trạng thái, tài khoản ngân hàng, ngày và bảng sao kê",
  "describe statements": "Bảng sao kê hằng ngày trong một kỳ, kèm quyết toán và trạng thái thanh toán",
  "describe statement": "Giao dịch của một bảng sao kê, tóm tắt theo loại",
  "describe products": "Sản phẩm có quyết toán cao nhất, kèm số lượng và tỷ trọng",
  "describe chart":
    "Biểu đồ mỗi cửa hàng: đã quyết toán theo ngày (cột), thanh toán (điểm), đang chờ (ước tính) riêng",
  "describe goal set":
    "Đặt mục tiêu hằng ngày, hằng tuần hoặc hằng tháng cho tiền đã quyết toán hoặc doanh thu",
  "describe goal list": "Các mục tiêu với tiến độ, mức cần đạt mỗi ngày và dự báo",
  "describe goal remove": "Xóa một mục tiêu theo id (xem /balance goal list)",
  "describe alerts add":
    "Cảnh báo trong kênh này: khoản thanh toán, thanh toán thất bại, số dư trên/dưới một mức",
  "describe alerts list": "Các quy tắc cảnh báo của workspace này và trạng thái",
  "describe alerts remove": "Xóa một quy tắc cảnh báo",
  "describe alerts unsnooze": "Kết thúc tạm hoãn của một quy tắc",
  "describe alerts unmute": "Bật lại một quy tắc đã tắt tiếng",
  "describe digest on": "Đăng bản tóm tắt thu nhập hằng ngày trong kênh này",
  "describe digest off": "Dừng bản tóm tắt hằng ngày trong kênh này",
  "describe digest time": "Giờ địa phương của bản tóm tắt hằng ngày (24 giờ HH:MM)",
  "describe digest tz": "Múi giờ của bản tóm tắt hằng ngày (IANA, ví dụ Asia/Ho_Chi_Minh)",
  "describe digest preview": "Xem ngay bản tóm tắt hằng ngày của kênh này",
  "describe shops": "Các cửa hàng đã liên kết với workspace này, kèm khu vực, tiền tệ và múi giờ",
  "describe status":
    "Tình trạng đồng bộ từng cửa hàng (lần thành công, lỗi gần nhất, hạn token) và tin nhắn chưa gửi được",
  "describe language": "Ngôn ngữ phản hồi",
  "describe connect":
    "Liên kết một TikTok Shop với workspace này: đường dẫn ủy quyền dùng một lần cho chủ cửa hàng",
  "describe disconnect":
    "Gỡ một cửa hàng khỏi workspace này (thông tin xác thực bị xóa khi không còn workspace nào dùng)",
  "describe import":
    "Nhập tệp xuất bảng sao kê từ Seller Center (CSV/XLSX) vào một cửa hàng của workspace này",
  "describe help": "Mỗi lệnh /balance làm gì, kèm ví dụ",
  helpTitle: "Các lệnh của balance-bot",
  helpSummary:
    "Số liệu lấy từ lần đồng bộ gần nhất của TikTok Shop; mỗi số tiền đều ghi rõ giai đoạn: đang chờ (ước tính), đã quyết toán, đã thanh toán.",
  helpLine: "{example} — {description}",
  helpLineAdmin: "{example} — {description} (quản trị viên)",
  helpUsage: "cách dùng: {usage}",
  helpNoCommand: "không có lệnh “{command}”",
  helpTextOptions: "Khi có nhiều cửa hàng, thêm shop:<tên> (một từ trong tên hoặc mã, ví dụ shop:vn).",
} as const satisfies Translation<typeof en>;
