import { endpointOf } from "../tiktok/rate-limit.ts";

/**
 * TikTok's documented limit (reference §4.3): N requests per second per API per app+shop. A token
 * bucket per (shop_cipher, API) holding N tokens, refilled at N per second; an empty bucket is a 429.
 */
export function createQpsGate(qps: number, now: () => number = () => performance.now()) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    admit(rawUrl: string): boolean {
      const url = new URL(rawUrl, "http://sandbox.local");
      const key = `${url.searchParams.get("shop_cipher") ?? "app"} ${endpointOf(url.pathname)}`;
      const t = now();
      const bucket = buckets.get(key) ?? { tokens: qps, at: t };
      bucket.tokens = Math.min(qps, bucket.tokens + ((t - bucket.at) / 1000) * qps);
      bucket.at = t;
      buckets.set(key, bucket);
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      return true;
    },
  };
}
