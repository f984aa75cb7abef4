import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  error: "Lỗi: {message}",
  chart: "Biểu đồ: {path}",
} as const satisfies Translation<typeof en>;
