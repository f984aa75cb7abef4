import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  notAmount: '{name} "{text}" ไม่ใช่จำนวนเงิน (เขียนแบบ 5000 หรือ 1250.50)',
  noDecimals: '{name} "{text}" มีทศนิยม แต่จำนวนเงิน {currency} ไม่มีทศนิยม (เขียนแบบ 5000)',
  tooManyDecimals:
    '{name} "{text}" มีทศนิยม {decimals} ตำแหน่ง แต่จำนวนเงิน {currency} มี {digits} ตำแหน่ง (เขียนแบบ {example})',
} as const satisfies Translation<typeof en>;
