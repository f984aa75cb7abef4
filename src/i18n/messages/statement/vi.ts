import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  badId: "phải là mã bảng sao kê (dãy số như /balance statements hiển thị)",
  title: "Bảng sao kê {id} · {day} · {shop}",
  summary:
    "Quyết toán {amount}, thanh toán {status, select, PAID {đã trả} PROCESSING {đang xử lý} FAILED {thất bại} other {{raw}}}",
  payment:
    "thanh toán {status, select, PAID {đã trả} PROCESSING {đang xử lý} FAILED {thất bại} other {{raw}}}",
  paymentPayout:
    "thanh toán {status, select, PAID {đã trả} PROCESSING {đang xử lý} FAILED {thất bại} other {{raw}}} · khoản thanh toán {payout}",
  columnType: "Loại",
  columnCount: "Số lượng",
  columnFeesTax: "Phí & thuế",
  notSynced: "Các giao dịch của bảng này chưa được đồng bộ.",
  stamped: "Mốc thời gian {at} UTC, xếp vào ngày {day} theo {zone}",
  notFound:
    "không có bảng sao kê {id} trong các cửa hàng của workspace này; xem danh sách bằng /balance statements",
} as const satisfies Translation<typeof en>;
