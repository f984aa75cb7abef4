import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  state:
    "{on, select, yes {bật} other {tắt}}, lúc {time} {chosen, select, yes {{zone}} other {{zone} (mặc định)}}",
  stateOff: "tắt",
  savedTitle: "Đã lưu cài đặt bản tóm tắt",
  savedSummary: "Bản tóm tắt hằng ngày trong kênh này: {state}.",
  badTime: "hãy dùng dạng 24 giờ HH:MM như 09:00 hoặc 17:30",
  badZone:
    '"{zone}" không phải là múi giờ; dùng dạng Khu vực/Thành phố như America/New_York hoặc Asia/Ho_Chi_Minh',
  noShop: "chưa có cửa hàng nào liên kết với workspace này",
  previewTitle: "{title} (xem trước)",
  previewFooter: "{footer} · bản tóm tắt: {state}",
} as const satisfies Translation<typeof en>;
