/** The settlement currency a shop of this region uses, until its own data says otherwise. */
const REGION_CURRENCY: Record<string, string> = {
  US: "USD",
  GB: "GBP",
  IE: "EUR",
  ES: "EUR",
  DE: "EUR",
  FR: "EUR",
  IT: "EUR",
  MX: "MXN",
  BR: "BRL",
  JP: "JPY",
  ID: "IDR",
  MY: "MYR",
  PH: "PHP",
  SG: "SGD",
  TH: "THB",
  VN: "VND",
};

export function regionCurrency(region: string): string | null {
  return REGION_CURRENCY[region.toUpperCase()] ?? null;
}
