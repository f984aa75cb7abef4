import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  needsAmount: '"alerts add {kind}" cần một số tiền',
  takesNoAmount: '"alerts add {kind}" không nhận số tiền',
  recoverBelow: 'recover {recover} phải bằng hoặc cao hơn ngưỡng {limit} với cảnh báo "below"',
  recoverAbove: 'recover {recover} phải bằng hoặc thấp hơn ngưỡng {limit} với cảnh báo "above"',
  addedTitle: "Đã thêm cảnh báo #{id}",
  addedSummary: "Kênh này sẽ được báo {rule}.",
  listTitle: "Cảnh báo ({count})",
  listNone: "Chưa có cảnh báo nào",
  listSummary: "{count} quy tắc cảnh báo",
  listNoneNote: "Chưa có cảnh báo nào. Quản trị viên thêm bằng /balance alerts add payout",
  columnId: "Id",
  columnTells: "Báo khi",
  columnChannel: "Kênh",
  columnState: "Trạng thái",
  thisChannel: "kênh này",
  stateParked: "tạm gác lại: {reason} (xóa bằng /balance alerts remove {id})",
  stateMuted: "đã tắt tiếng (bật lại bằng /balance alerts unmute {id})",
  stateSnoozed: "tạm hoãn đến {until} UTC (kết thúc bằng /balance alerts unsnooze {id})",
  stateArmed: "đang theo dõi",
  stateFired: "đã báo, chờ trở lại mức cũ",
  stateOn: "đang bật",
  notFound: "không có cảnh báo #{id} trong workspace này (xem /balance alerts list)",
  removed: "Đã xóa cảnh báo #{id}",
  notInState:
    "cảnh báo #{id} không ở trạng thái {change, select, unsnooze {tạm hoãn} other {tắt tiếng}}; chưa có gì thay đổi",
  undone: "Cảnh báo #{id}: {change, select, unsnooze {đã hết tạm hoãn} other {đã bật lại}}",
} as const satisfies Translation<typeof en>;
