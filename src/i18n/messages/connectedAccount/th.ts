import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  creator: "{name} (บัญชีครีเอเตอร์)",
} as const satisfies Translation<typeof en>;
