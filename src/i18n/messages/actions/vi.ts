import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  breakdown: "Chi tiết",
  chart: "Biểu đồ",
  payouts: "Khoản thanh toán",
  snooze: "Tạm hoãn 24 giờ",
  mute: "Tắt quy tắc này",
  ack: "Đã xem",
  unknownTitle: "Nút không xác định",
  unknown: "balance-bot không nhận ra nút này (có thể đã bị sửa đổi). Không có gì thay đổi.",
  notYoursTitle: "Không phải workspace của bạn",
  notYours:
    "Nút này thuộc tin nhắn của một workspace khác; chỉ thành viên của workspace đó mới dùng được. Không có gì thay đổi.",
  shopGoneTitle: "Cửa hàng không còn liên kết",
  shopGone:
    "Cửa hàng mà tin nhắn này nói đến không còn liên kết với workspace này, nên không có gì để hiển thị hay thay đổi. Không có gì thay đổi.",
  notAllowedTitle: "Không được phép",
  notAllowed:
    "Chỉ quản trị viên workspace mới có thể {action, select, snooze {tạm hoãn} other {tắt}} {syncTrouble, select, yes {cảnh báo sự cố đồng bộ} other {một quy tắc cảnh báo}}. Không có gì thay đổi.",
  notAllowedRule:
    "Chỉ quản trị viên workspace mới có thể {action, select, snooze {tạm hoãn} other {tắt}} {syncTrouble, select, yes {cảnh báo sự cố đồng bộ} other {một quy tắc cảnh báo}} ({rule}). Không có gì thay đổi.",
  ruleGoneTitle: "Quy tắc đã bị xóa",
  ruleGone:
    "Quy tắc cảnh báo #{id} không còn tồn tại (đã bị xóa), nên không có gì để {action, select, snooze {tạm hoãn} other {tắt}}. Không có gì thay đổi.",
  alreadyTitle: "Đã thực hiện",
  alreadyMuted:
    "Quy tắc cảnh báo #{id} đã được tắt; /balance alerts unmute {id} bật lại. Không có gì thay đổi.",
  alreadySnoozed:
    "Quy tắc cảnh báo #{id} đã được tạm hoãn đến {until} UTC; /balance alerts unsnooze {id} kết thúc tạm hoãn. Không có gì thay đổi.",
  thisShop: "cửa hàng này",
  syncSnoozedTitle: "Đã tạm hoãn cảnh báo sự cố đồng bộ",
  syncMutedTitle: "Đã tắt cảnh báo sự cố đồng bộ",
  syncSnoozed:
    "Cảnh báo sự cố đồng bộ của {shop} trong kênh này (cảnh báo #{id}) được {user} tạm hoãn 24 giờ, đến {until} UTC. Hoàn tác: /balance alerts unsnooze {id}",
  syncMuted:
    "Cảnh báo sự cố đồng bộ của {shop} trong kênh này (cảnh báo #{id}) đã được {user} tắt. Bật lại: /balance alerts unmute {id}",
  ruleSnoozedTitle: "Đã tạm hoãn quy tắc",
  ruleMutedTitle: "Đã tắt quy tắc",
  ruleSnoozed:
    "Quy tắc cảnh báo #{id} được {user} tạm hoãn 24 giờ, đến {until} UTC. Hoàn tác: /balance alerts unsnooze {id}",
  ruleMuted: "Quy tắc cảnh báo #{id} đã được {user} tắt. Bật lại: /balance alerts unmute {id}",
  alreadyAckedTitle: "Đã được đánh dấu đã xem",
  nothingChanged: "Không có gì thay đổi.",
  acknowledgedShop: "{user} đã xem lúc {time} (múi giờ của {shop}, {zone})",
  acknowledgedUtc: "{user} đã xem lúc {time} (UTC)",
} as const satisfies Translation<typeof en>;
