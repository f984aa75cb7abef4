import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  creator: "{name} (akun kreator)",
} as const satisfies Translation<typeof en>;
