import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  title: "Tin nhắn LINE",
  sentLabel: "Tin nhắn đẩy trong tháng",
  sentValue: "đã gửi {used, number}, không giới hạn",
  leftLabel: "Tin nhắn đẩy còn lại trong tháng",
  leftValue: "{left, number} / {limit, number}",
  usedUp:
    "⚠ Đã dùng hết hạn mức tin nhắn đẩy của tháng: bản tóm tắt và cảnh báo phải chờ, và cài đặt mới bị từ chối, cho đến ngày 1 hoặc khi nâng cấp gói.",
  nearlyUsed:
    "Còn dưới 10%: mỗi bản tóm tắt hoặc cảnh báo đẩy vào nhóm được tính một lần cho mỗi thành viên (theo cách tính phí của LINE).",
} as const satisfies Translation<typeof en>;
