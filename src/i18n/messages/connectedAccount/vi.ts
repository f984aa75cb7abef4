import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  creator: "{name} (tài khoản nhà sáng tạo)",
} as const satisfies Translation<typeof en>;
