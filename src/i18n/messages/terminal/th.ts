import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  error: "ข้อผิดพลาด: {message}",
  chart: "แผนภูมิ: {path}",
} as const satisfies Translation<typeof en>;
