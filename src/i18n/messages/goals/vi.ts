import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  setTitle: "Đã đặt mục tiêu #{id}",
  setSummary:
    "Mục tiêu {metric, select, revenue {doanh thu} other {tiền đã quyết toán}} {cadence, select, daily {hằng ngày} weekly {hằng tuần} other {hằng tháng}} {amount} cho {shop}: đến nay đạt {percent}% ({period}, {zone}).",
  notPositive: "amount phải lớn hơn 0, ví dụ 5000",
  listTitle: "Mục tiêu ({count})",
  listNone: "Chưa có mục tiêu nào",
  listSummary: "{count} mục tiêu",
  listNoneNote: "Chưa có mục tiêu nào. Quản trị viên đặt mục tiêu bằng /balance goal set 5000 monthly",
  rowGoal:
    "{shop}: {metric, select, revenue {doanh thu} other {đã quyết toán}} {cadence, select, daily {hằng ngày} weekly {hằng tuần} other {hằng tháng}}",
  rowProgress: "{achieved} / {target} ({percent}%)",
  rowReached: "đã đạt ✓",
  rowPace: "cần {amount}/ngày trong {days, plural, other {# ngày}}",
  columnId: "Id",
  columnGoal: "Mục tiêu",
  columnProgress: "Tiến độ",
  columnPace: "Tốc độ cần đạt",
  columnProjection: "Dự báo",
  columnPeriod: "Kỳ",
  listNote:
    "Tính theo tiền đã quyết toán; ngày theo múi giờ của từng cửa hàng. Dự báo = tổng của kỳ nếu giữ tốc độ mỗi ngày hiện tại.",
  removed: "Đã xóa mục tiêu #{id}",
  notFound: "không có mục tiêu #{id} trong workspace này (xem /balance goal list)",
  weekOf: "tuần từ {day}",
} as const satisfies Translation<typeof en>;
