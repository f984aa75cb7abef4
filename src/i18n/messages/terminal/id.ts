import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  error: "Kesalahan: {message}",
  chart: "Grafik: {path}",
} as const satisfies Translation<typeof en>;
