import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  moreSections: "…và {count, plural, other {# phần}} khác",
  moreRows: "…và {count, plural, other {# dòng}} khác",
  moreNotes: "…và {count, plural, other {# ghi chú}} khác",
  slackMoreBlocks: "…và {count} mục khác không hiển thị (Slack hiển thị tối đa {max} khối)",
  telegramMoreSections:
    "…{count, plural, other {# phần}} khác bị cắt cho vừa giới hạn tin nhắn của Telegram.",
  telegramMoreLines: "…{count, plural, other {# dòng}} khác bị cắt cho vừa 4096 ký tự của Telegram.",
  lineMoreSections: "…{count} phần khác không hiển thị trong LINE",
  lineMoreCharts:
    "…{count, plural, other {# biểu đồ}} khác không được gửi (LINE nhận tối đa 5 tin nhắn một lần)",
  lineMoreRows: "…và {count} dòng khác",
  lineMoreLines: "…{count} dòng khác bị cắt cho vừa kích thước tin nhắn LINE",
  chartAttached: ":bar_chart: Biểu đồ đính kèm: {alt}",
  homeOpen: "Mở trong kênh",
  homeDigests: "Bản tóm tắt hằng ngày",
  homeNoDigest: "Chưa kênh nào có bản tóm tắt: quản trị viên chạy `/balance digest on` trong một kênh.",
  homeDigestSetting: "{channel} · {enabled, select, yes {bật} other {tắt}}, lúc {time} {zone}",
  homeDigestSettingDefault:
    "{channel} · {enabled, select, yes {bật} other {tắt}}, lúc {time} {zone} (mặc định)",
  homeMoreChannels: "và {count} kênh khác",
  homeNoAlerts: "Chưa có cảnh báo nào.",
  discordButtonsInServer: "Các nút này chỉ dùng được trong kênh của máy chủ.",
  discordUseInServer: "Hãy dùng /balance trong kênh của máy chủ.",
  discordOutOfDate: "Lệnh này đã cũ. Hãy nhờ quản trị viên chạy `balance-bot register-commands`.",
  consoleChoose: "{choices}  — nhập số để chọn",
} as const satisfies Translation<typeof en>;
