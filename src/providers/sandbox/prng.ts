/**
 * Deterministic randomness for the sandbox shop. Every figure is derived from the seed plus a key
 * (shop, day, order…) instead of a shared stream, so any day can be generated alone, in any order.
 */

/** A 32-bit hash of integer parts (murmur3-style mixing). */
export function hashInts(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    let k = Math.imul(part | 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** mulberry32: a tiny, good-enough PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Rng {
  /** Float in [0, 1). */
  next(): number;
  /** Integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** `count` decimal digits, as a string (for ids). */
  digits(count: number): string;
}

/** A generator keyed by integer parts. */
export function rng(...parts: number[]): Rng {
  const next = mulberry32(hashInts(...parts));
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    digits: (count) => {
      let out = "";
      while (out.length < count) out += String(int(0, 9));
      return out;
    },
  };
}

/** A float in [0, 1) for one key, without building a generator (hot loops). */
export function unit(...parts: number[]): number {
  return hashInts(...parts) / 4294967296;
}
