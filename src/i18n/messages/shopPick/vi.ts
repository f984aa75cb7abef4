import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  noShopLinked:
    "chưa có cửa hàng nào được liên kết với workspace này; quản trị viên có thể kết nối một cửa hàng (xem README: connecting a shop)",
  matchesSeveral: "“{shown}” khớp với {count, plural, other {# cửa hàng}}; hãy gõ {tokens}",
  noMatch: "không có cửa hàng liên kết nào khớp với “{shown}”; hãy gõ {tokens}",
  notSynced: "{shop} chưa được đồng bộ; hãy thử lại sau lần đồng bộ đầu tiên",
  oneNeeded: "workspace này có {count, plural, other {# cửa hàng}}; hãy thêm {tokens}",
} satisfies Translation<typeof en>;
