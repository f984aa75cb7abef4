/** Region facts the client and sync need: payout source and the shop's timezone. */

/** SEA markets have no Get Payments API; their payouts come from Get Withdrawals (reference §3.3–3.4). */
const SEA = new Set(["ID", "MY", "PH", "SG", "TH", "VN"]);

/** True for the SEA markets (ID, MY, PH, SG, TH, VN), whose payouts are withdrawals. */
export function isSeaRegion(region: string): boolean {
  return SEA.has(region.trim().toUpperCase());
}

const ZONES: Readonly<Record<string, string>> = {
  US: "America/Los_Angeles",
  GB: "Europe/London",
  UK: "Europe/London",
  ID: "Asia/Jakarta",
  VN: "Asia/Ho_Chi_Minh",
  TH: "Asia/Bangkok",
  MY: "Asia/Kuala_Lumpur",
  PH: "Asia/Manila",
  SG: "Asia/Singapore",
  JP: "Asia/Tokyo",
  MX: "America/Mexico_City",
  ES: "Europe/Madrid",
  DE: "Europe/Berlin",
  FR: "Europe/Paris",
  IT: "Europe/Rome",
  BR: "America/Sao_Paulo",
  IE: "Europe/Dublin",
};

/** The IANA timezone a shop's days are counted in; "UTC" for a region not listed. */
export function regionTimezone(region: string): string {
  return ZONES[region.trim().toUpperCase()] ?? "UTC";
}
