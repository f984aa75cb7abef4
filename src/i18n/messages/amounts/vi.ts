import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  notAmount: '{name} "{text}" không phải là số tiền (viết như 5000 hoặc 1250.50)',
  noDecimals: '{name} "{text}" có phần thập phân, nhưng số tiền {currency} không có (viết như 5000)',
  tooManyDecimals:
    '{name} "{text}" có {decimals} chữ số thập phân, nhưng số tiền {currency} chỉ có {digits} (viết như {example})',
} as const satisfies Translation<typeof en>;
