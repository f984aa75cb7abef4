import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  title: "Ngôn ngữ",
  chosen: "Các phản hồi trong workspace này dùng {name}.",
  auto: "Chưa chọn ngôn ngữ: phản hồi theo ngôn ngữ ứng dụng của từng người (của bạn: {name}).",
  columnCode: "Mã",
  columnLanguage: "Ngôn ngữ",
  current: "đang dùng",
  howTo:
    "Quản trị viên đổi bằng /balance language <mã>; /balance language auto để quay lại theo ngôn ngữ ứng dụng của từng người.",
  setTitle: "Ngôn ngữ: {name}",
  setSummary: "Từ nay các phản hồi trong workspace này dùng {name}.",
  autoTitle: "Ngôn ngữ: tự động",
  autoSummary:
    "Từ nay các phản hồi lại theo ngôn ngữ ứng dụng của từng người (tiếng Anh nếu bot không hỗ trợ ngôn ngữ đó).",
  forbidden: "chỉ quản trị viên workspace mới đổi được ngôn ngữ; chưa có gì thay đổi",
  unknownCode: "“{code}” không phải ngôn ngữ được hỗ trợ; hãy dùng một trong {choices}",
} as const satisfies Translation<typeof en>;
