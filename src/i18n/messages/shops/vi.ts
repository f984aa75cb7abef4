import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  title: "Cửa hàng đã liên kết ({count, number})",
  shop: "{name} ({region}, {currency})",
  shopNoCurrency: "{name} ({region}, chưa rõ tiền tệ)",
  none: "Chưa liên kết cửa hàng nào",
  columnShop: "Cửa hàng",
  columnRegion: "Khu vực",
  columnCurrency: "Tiền tệ",
  columnZone: "Múi giờ",
  columnSource: "Nguồn",
  sourceSandbox: "dữ liệu sandbox",
  sourceCreator: "{source} · tài khoản nhà sáng tạo",
  noneNote: "Chưa liên kết cửa hàng nào; xem README, mục “connecting a shop”.",
  pickNote: "Chọn một cửa hàng trong bất kỳ lệnh nào bằng shop:<tên>.",
} as const satisfies Translation<typeof en>;
