import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  title: "{count, number} khoản thanh toán gần nhất",
  titleShop: "{count, number} khoản thanh toán gần nhất · {shop}",
  failed: "⚠ THẤT BẠI",
  columnAmount: "Số tiền",
  columnStatus: "Trạng thái",
  columnAccount: "Tài khoản",
  columnInitiated: "Ngày tạo",
  columnPaid: "Ngày trả",
  columnStatements: "Bảng sao kê",
  none: "Chưa đồng bộ khoản thanh toán nào.",
  clock: "Đã thanh toán · ngày theo {zone}",
  clockWithdrawals:
    "Đã thanh toán · ngày theo {zone} · là các lần rút tiền (thị trường này không có thanh toán tự động)",
  failedNote:
    "{count, plural, other {# khoản thanh toán thất bại}}: kiểm tra tài khoản ngân hàng trong Seller Center.",
} as const satisfies Translation<typeof en>;
