import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  needsFile: "hãy đính kèm tệp xuất vào tùy chọn file của lệnh",
  title: "Đã nhập {file}",
  summary:
    '{rows} dòng ({newRows} dòng mới) vào cửa hàng "{shop}" ({currency}, ngày theo {zone}): {days} ngày, từ {first} đến {last}. Thử /balance earnings {period} shop:{shop}',
  noteWithdrawals: "{count, plural, other {# lần rút tiền}} được lưu thành khoản thanh toán",
  noteEncoding: "đọc theo bảng mã {encoding}",
  noteLegacyEncoding: "đọc theo bảng mã {encoding}: hãy kiểm tra tên sản phẩm hiển thị đúng chưa",
  noteZone:
    "thời gian được đọc theo {zone} (lấy từ {source, select, option {tùy chọn --timezone} sheet {trang báo cáo} other {tên tệp}})",
  failedTitle: "Chưa nhập gì",
  failedSummary: "{message}: {problems}",
  more: "…và {count} lỗi khác",
  fixRows: "Hãy sửa các dòng này trong bảng tính rồi nhập lại tệp.",
} as const satisfies Translation<typeof en>;
