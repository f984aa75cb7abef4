import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  badRows: "{count, plural, other {{count} dòng lỗi}}, chưa nhập gì",
  more: "…và {count} lỗi khác",
  row: "dòng {row}: {problem}",
  withdrawalRow: "dòng rút tiền {row}: {problem}",
  cell: "{column}: {problem}",
  missing: "thiếu {column}",
  notCurrency: '{column} "{value}" không phải mã tiền tệ như USD',
  currencyDiffers: "tiền tệ {currency} khác với tiền tệ của tệp ({fileCurrency})",
  notNumber: '"{value}" không phải là số',
  ambiguous: '"{value}" không rõ nghĩa ({dot} hay {comma}): tệp viết số theo cả hai kiểu 1,234.5 và 1.234,5',
  tooManyDecimals: '"{value}" có hơn {scale} chữ số thập phân',
  tooLarge: '"{value}" quá lớn',
  invalidDate: "không phải ngày hợp lệ",
  notDate: '"{value}" không phải là ngày',
  notDateUse: '"{value}" không phải là ngày (dùng {formats})',
} as const satisfies Translation<typeof en>;
