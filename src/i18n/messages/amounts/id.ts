import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  notAmount: '{name} "{text}" bukan jumlah uang (tulis seperti 5000 atau 1250.50)',
  noDecimals:
    '{name} "{text}" memakai desimal, padahal jumlah {currency} tidak punya desimal (tulis seperti 5000)',
  tooManyDecimals:
    '{name} "{text}" memakai {decimals} angka desimal, padahal jumlah {currency} memakai {digits} (tulis seperti {example})',
} as const satisfies Translation<typeof en>;
