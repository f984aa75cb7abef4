import { describe, expect, it } from "vitest";
import { createRateLimiter, endpointOf, wrapFetch } from "../../src/providers/tiktok/rate-limit.ts";

/** A simulated clock: sleeping moves it forward, no real time passes. */
function simulatedTime() {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
    elapsed: () => now,
  };
}

describe("TikTok rate limiter (50 requests/s per API per shop)", () => {
  it("spreads 200 requests to one API of one shop over at least ~3 s", async () => {
    const time = simulatedTime();
    const limiter = createRateLimiter({ now: time.now, sleep: time.sleep });
    for (let i = 0; i < 200; i++) await limiter.take("shop-a /finance/202309/statements");
    // 50 at once (the burst), then one every 20 ms: 150 × 20 ms.
    expect(time.elapsed()).toBeGreaterThanOrEqual(2_980);
    expect(time.elapsed()).toBeLessThan(3_100);
  });

  it("keeps concurrent callers in order, each with its own slot", async () => {
    const time = simulatedTime();
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
    };
    const concurrent = createRateLimiter({ now: time.now, sleep, perSecond: 50, burst: 1 });
    await Promise.all(Array.from({ length: 5 }, () => concurrent.take("k")));
    expect(waits).toEqual([20, 40, 60, 80]);
  });

  it("does not let one shop slow another, nor one API another", async () => {
    const time = simulatedTime();
    const limiter = createRateLimiter({ now: time.now, sleep: time.sleep });
    for (let i = 0; i < 200; i++) await limiter.take("shop-a statements");
    const before = time.elapsed();
    for (let i = 0; i < 50; i++) await limiter.take("shop-b statements");
    for (let i = 0; i < 50; i++) await limiter.take("shop-a payments");
    expect(time.elapsed()).toBe(before);

    // Interleaved, two shops at full speed take as long as one: 200 each ≈ 3 s, not 6 s.
    const both = simulatedTime();
    const shared = createRateLimiter({ now: both.now, sleep: both.sleep });
    for (let i = 0; i < 200; i++) {
      await shared.take("shop-a statements");
      await shared.take("shop-b statements");
    }
    expect(both.elapsed()).toBeLessThan(3_100);
  });

  it("folds ids out of paths, keeping the API version", () => {
    expect(endpointOf("/finance/202501/statements/7263519384756192/statement_transactions")).toBe(
      "/finance/202501/statements/{id}/statement_transactions",
    );
    expect(endpointOf("/finance/202309/statements")).toBe("/finance/202309/statements");
    expect(endpointOf("/api/v2/token/refresh")).toBe("/api/v2/token/refresh");
  });

  it("wrapFetch takes a slot per shop_cipher and API before each request", async () => {
    const keys: string[] = [];
    const fetched: string[] = [];
    const limiter = { take: async (key: string) => void keys.push(key) };
    const inner = (async (input: string | URL | Request) => {
      fetched.push(String(input));
      return new Response("{}");
    }) as typeof fetch;
    const limited = wrapFetch(inner, limiter);
    await limited("https://open-api.example/finance/202309/statements?shop_cipher=ROW_1&page_size=100");
    await limited(
      "https://open-api.example/finance/202501/orders/576653688135258178/statement_transactions?shop_cipher=ROW_2",
    );
    await limited("https://open-api.example/authorization/202309/shops?app_key=x");
    expect(keys).toEqual([
      "open-api.example ROW_1 /finance/202309/statements",
      "open-api.example ROW_2 /finance/202501/orders/{id}/statement_transactions",
      "open-api.example app /authorization/202309/shops",
    ]);
    expect(fetched).toHaveLength(3);
  });
});
