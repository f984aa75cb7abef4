import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  refused: "Không thể đăng {what} trong kênh này: {reason}. {fix}; chưa lưu thay đổi nào",
  whatAlerts: "cảnh báo",
  whatDigest: "bản tóm tắt hằng ngày",
  joined: "Bot đã tham gia #{channel} để có thể đăng tại đây.",
  discordLacks: "bot thiếu quyền {permissions} ở đây",
  discordFix:
    "Quản trị viên máy chủ mở #{channel} → Edit Channel → Permissions và cấp cho vai trò của bot các quyền {permissions}",
  discordFixHere:
    "Quản trị viên máy chủ mở kênh này → Edit Channel → Permissions và cấp cho vai trò của bot các quyền {permissions}",
  slackDirect: "đây là tin nhắn trực tiếp, còn bản tóm tắt và cảnh báo được đăng vào một kênh",
  slackDirectFix: "Hãy chạy lệnh trong kênh sẽ nhận chúng",
  slackNotMember: "bot chưa là thành viên của kênh",
  slackInvite: "Hãy mời bot bằng `/invite @{bot}` trong kênh này rồi chạy lại lệnh",
  slackScope: "ứng dụng Slack không được phép đọc danh sách thành viên kênh (channels:read, groups:read)",
  slackReinstall:
    "Quản trị viên cài lại ứng dụng Slack từ manifest (`balance-bot slack-manifest`) để cấp quyền này",
  slackUndescribed: "Slack không cung cấp thông tin về kênh này",
  slackArchived: "kênh đã được lưu trữ",
  slackArchivedFix: "Hãy chạy lệnh trong một kênh đang hoạt động",
  telegramUnknown: "Telegram không cho bot biết quyền của bot trong nhóm này",
  telegramUnknownFix: "Hãy thử lại sau một phút",
  telegramNotMember: "bot không phải thành viên của nhóm này",
  telegramNotMemberFix: "Hãy thêm bot vào nhóm lần nữa",
  telegramRestricted: "bot bị hạn chế gửi tin nhắn hoặc ảnh ở đây",
  telegramRestrictedFix: "Quản trị viên nhóm gỡ hạn chế cho bot (Group settings → Permissions → Exceptions)",
  lineQuotaUsed: "tài khoản LINE Official Account này đã dùng hết lượt tin nhắn đẩy của tháng",
  lineQuotaFix: "Hãy nâng cấp gói trong LINE Official Account Manager, hoặc cài đặt lại sau ngày 1",
} as const satisfies Translation<typeof en>;
