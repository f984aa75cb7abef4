/** Small numeric helpers shared by the benchmark figures. */

/** The p-th percentile (nearest rank) of an ascending array; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN
  );
}

/** p50 and p99 of a sample (milliseconds), rounded to 0.01. */
export function p50p99(samples: readonly number[]): { p50: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: round2(percentile(sorted, 50)), p99: round2(percentile(sorted, 99)) };
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Runs `task` `warmup` times unmeasured, then `samples` times; wall milliseconds per call. */
export async function sample(
  task: () => Promise<unknown>,
  samples: number,
  warmup: number,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await task();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  return times;
}

/**
 * Samples two tasks interleaved (a, b, a, b, …) so both see the same machine state: the figure
 * and its limit are measured side by side, not one after the other.
 */
export async function sampleSideBySide(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  samples: number,
  warmup: number,
): Promise<{ a: number[]; b: number[] }> {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const out = { a: [] as number[], b: [] as number[] };
  for (let i = 0; i < samples; i++) {
    let start = performance.now();
    await a();
    out.a.push(performance.now() - start);
    start = performance.now();
    await b();
    out.b.push(performance.now() - start);
  }
  return out;
}

/** Seconds since `start` (a performance.now() reading), rounded to 0.01. */
export function secondsSince(start: number): number {
  return round2((performance.now() - start) / 1000);
}

/** The median of a sample (the mean of the two middle values for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
