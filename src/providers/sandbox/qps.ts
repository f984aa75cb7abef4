import { endpointOf } from "../tiktok/rate-limit.ts";

/**
 * TikTok's documented limit (reference §4.3): N requests per second per API per app+shop. A token
 * bucket per (shop_cipher, API) holding N tokens, refilled at N per second; an empty bucket is a 429.
 */
export function createQpsGate(qps: number, now: () => number = () => performance.now()) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    /** Admits the request, or names the (shop, API) whose limit it would break. */
    admit(rawUrl: string): { ok: true } | { ok: false; shop: string; api: string } {
      const url = new URL(rawUrl, "http://sandbox.local");
      const shop = url.searchParams.get("shop_cipher") ?? "app";
      const api = endpointOf(url.pathname);
      const key = `${shop} ${api}`;
      const t = now();
      const bucket = buckets.get(key) ?? { tokens: qps, at: t };
      bucket.tokens = Math.min(qps, bucket.tokens + ((t - bucket.at) / 1000) * qps);
      bucket.at = t;
      buckets.set(key, bucket);
      if (bucket.tokens < 1) return { ok: false, shop, api };
      bucket.tokens -= 1;
      return { ok: true };
    },
  };
}
