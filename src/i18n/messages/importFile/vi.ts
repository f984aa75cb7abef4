import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  notText:
    'tệp không phải văn bản (có byte 0) và cũng không phải sổ XLSX; hãy lưu lại dưới dạng "CSV UTF-8" hoặc .xlsx',
  notInEncoding:
    'không đọc được tệp dưới dạng văn bản theo bảng mã {encoding}; hãy lưu lại dưới dạng "CSV UTF-8" hoặc .xlsx',
  recordTooLong: 'dòng {row} dài hơn {mb} MB: có lẽ một dấu ngoặc kép (") chưa được đóng',
  notCsv: "không đọc được tệp dưới dạng CSV (dòng {row}: {detail})",
  oldXls: "đây là sổ .xls nhị phân kiểu cũ; hãy mở và lưu lại dưới dạng .xlsx hoặc .csv",
  notXlsx: "không đọc được tệp dưới dạng sổ XLSX ({detail})",
  damaged: "tệp XLSX bị hỏng ({why}); hãy tải lại bản xuất từ Seller Center",
  damagedNoDirectory: "không có thư mục zip ở cuối tệp",
  damagedEntry: "một mục thư mục bị hỏng",
  damagedInflate: "một phần không giải nén được",
  damagedMissing: "thiếu {part}",
  damagedShort: "{part} bị cắt cụt",
  damagedCompression: "{part} dùng kiểu nén không xác định",
  noSheet: "không trang tính nào có cột Order/adjustment ID (các trang: {sheets})",
  noHeaderRows: "không có dòng tiêu đề chứa cột Order/adjustment ID trong {rows} dòng đầu",
  noHeaderSheet: 'không có dòng tiêu đề chứa cột Order/adjustment ID trong trang "{sheet}"',
  unsettledExport:
    "tệp này có vẻ là bản xuất đơn hàng chưa quyết toán (đang giữ); hãy nhập bản xuất bảng sao kê đã quyết toán (Finance → Statements / Income)",
  missingColumns: "dòng tiêu đề {row} thiếu cột {missing} (các cột có: {found})",
  missingSettledTime: "Order settled time (hoặc Statement date)",
  missingBoth: "{first} và cột {second}",
  datesMixed:
    "tệp ghi ngày theo cả kiểu ngày trước (31/01/2026) lẫn tháng trước (01/31/2026); hãy định dạng các cột ngày thành YYYY-MM-DD rồi nhập lại",
  datesAmbiguous:
    'ngày (ví dụ "{example}") có thể là ngày trước hoặc tháng trước và ngôn ngữ của bản xuất không cho biết; hãy định dạng các cột ngày thành YYYY-MM-DD trong bảng tính, hoặc nhập trên máy chủ bằng `balance-bot import <file> --date-order dmy` (hoặc mdy)',
  badZone: '"{zone}" không phải múi giờ (dùng tên IANA như Asia/Jakarta)',
  sheetCurrency:
    'trang "{sheet}" ghi tiền tệ là {sheetCurrency} nhưng các dòng tính bằng {rowCurrency}; hãy tải lại bản xuất',
  noCurrency: "tệp không có cột Currency và chưa biết tiền tệ của cửa hàng",
  shopCurrency:
    'tệp tính bằng {currency} nhưng cửa hàng "{shop}" dùng {shopCurrency}; hãy nhập dưới một tên --shop khác',
  limitFileBytes:
    "tệp nặng {size}, vượt giới hạn {limit} cho một lần nhập; hãy xuất một kỳ ngắn hơn và nhập từng tệp",
  limitUncompressed:
    "tệp giải nén ra hơn {limit} (giới hạn cho một lần nhập); bản xuất Seller Center nhỏ hơn nhiều, nên đây không phải bản xuất đó, hoặc hãy xuất một kỳ ngắn hơn và nhập từng tệp",
  limitZipEntries:
    "sổ có {entries, number} phần, vượt giới hạn {limit, number}; đây không phải bản xuất Seller Center",
  limitRows:
    "tệp có hơn {limit, number} dòng (giới hạn cho một lần nhập); hãy xuất một kỳ ngắn hơn và nhập từng tệp",
  limitColumns: "dòng {row} có hơn {limit, number} cột (giới hạn); bản xuất Seller Center có khoảng 100 cột",
  limitCells:
    "tệp có hơn {limit, number} ô (giới hạn cho một lần nhập); hãy xuất một kỳ ngắn hơn và nhập từng tệp",
  limitSeconds:
    "đọc tệp mất hơn {limit} giây (giới hạn cho một lần nhập); hãy xuất một kỳ ngắn hơn và nhập từng tệp",
  limitHeap:
    "đọc tệp cần hơn {limit, number} MB bộ nhớ (giới hạn cho một lần nhập); hãy xuất một kỳ ngắn hơn và nhập từng tệp",
} as const satisfies Translation<typeof en>;
