/**
 * TikTok Shop's limit is 50 requests per second per API per app+shop (reference §4.3). One
 * process-wide limiter keeps every job (sync, refresh, backfill) under it together, so the
 * platform's 429s stay the exception that the transport's retry handles.
 */

export interface RateLimiterOptions {
  /** Requests per second per key; default 50. */
  perSecond?: number;
  /** Requests allowed back to back after an idle spell; default `perSecond`. */
  burst?: number;
  /** Milliseconds; injected in tests to run on simulated time. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface RateLimiter {
  /** Waits until `key` may send one more request (reserves the slot before waiting). */
  take(key: string): Promise<void>;
}

/** Keys idle this long are forgotten, so one-off statement ids never pile up. */
const FORGET_AFTER_MS = 60_000;

/**
 * A token bucket per key, kept as its "theoretical arrival time" (GCRA): each take reserves the
 * next free slot synchronously, so concurrent callers queue in order without a lock.
 */
export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const perSecond = options.perSecond ?? 50;
  const interval = 1000 / perSecond;
  const tolerance = interval * ((options.burst ?? perSecond) - 1);
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const arrivals = new Map<string, number>();
  let sweptAt = now();

  return {
    async take(key) {
      const at = now();
      if (at - sweptAt > FORGET_AFTER_MS) {
        for (const [k, tat] of arrivals) if (tat < at - FORGET_AFTER_MS) arrivals.delete(k);
        sweptAt = at;
      }
      const tat = Math.max(arrivals.get(key) ?? at, at);
      arrivals.set(key, tat + interval);
      const wait = tat - tolerance - at;
      if (wait > 0) await sleep(wait);
    },
  };
}

/**
 * The limiter every TikTok client in this process shares: 50 per second per endpoint and shop,
 * with a short burst, so jitter on the way never pushes a second's count over TikTok's limit.
 */
export const sharedRateLimiter: RateLimiter = createRateLimiter({ perSecond: 50, burst: 10 });

/** For the local sandbox, which enforces no limit: keeps demos and tests at full speed. */
export const noRateLimit: RateLimiter = { take: async () => {} };

/**
 * The API a path belongs to: ids in the path (statement, order) are folded, so
 * `/finance/202501/statements/123…/statement_transactions` is one API whatever the statement.
 */
export function endpointOf(path: string): string {
  return path
    .split("/")
    .map((segment) =>
      segment.length >= 8 && /\d/.test(segment) && !/^20\d{4}$/.test(segment) ? "{id}" : segment,
    )
    .join("/");
}

/**
 * A `fetch` that takes a slot for (shop, API) before every request, retries included. The shop
 * is the `shop_cipher`; calls without one (authorized shops, tokens) share the app-level key.
 */
export function wrapFetch(inner: typeof fetch, limiter: RateLimiter = sharedRateLimiter): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const shop = url.searchParams.get("shop_cipher") ?? "app";
    await limiter.take(`${url.host} ${shop} ${endpointOf(url.pathname)}`);
    return inner(input, init);
  };
}
