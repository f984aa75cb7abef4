/**
 * Sandbox money: exact bigint minor units (cents, đồng) formatted as the API's decimal strings.
 * The sandbox never touches a float amount, so its sums are exactly what a client must reproduce.
 */

/** Minor units → decimal string with the currency's digits ("-12.30", "150000"). */
export function formatMinor(units: bigint, digits: number): string {
  const negative = units < 0n;
  const magnitude = negative ? -units : units;
  if (digits === 0) return `${negative ? "-" : ""}${magnitude}`;
  const factor = 10n ** BigInt(digits);
  const fraction = (magnitude % factor).toString().padStart(digits, "0");
  return `${negative ? "-" : ""}${magnitude / factor}.${fraction}`;
}

/** `units × basisPoints / 10000`, rounded half away from zero. */
export function percentOf(units: bigint, basisPoints: number): bigint {
  const product = units * BigInt(basisPoints);
  const magnitude = product < 0n ? -product : product;
  const rounded = (magnitude + 5000n) / 10000n;
  return product < 0n ? -rounded : rounded;
}

/** Rounds to a multiple of `step` minor units (VND prices end in 000). */
export function roundTo(units: bigint, step: bigint): bigint {
  return ((units + step / 2n) / step) * step;
}

/** Sum of a bigint list. */
export function total(values: Iterable<bigint>): bigint {
  let sum = 0n;
  for (const value of values) sum += value;
  return sum;
}
