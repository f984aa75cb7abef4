import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  notAPeriod: "không phải một kỳ; hãy dùng {help}",
  idNotANumber: "phải là một số như 3 (xem danh sách)",
  idNotWhole: "phải là số nguyên như 3",
  idTooSmall: "phải từ 1 trở lên",
  idTooLarge: "quá lớn, không thể là một mã",
} satisfies Translation<typeof en>;
