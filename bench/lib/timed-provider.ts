import type { FinanceProvider } from "../../src/providers/port.ts";

/**
 * Wall time spent waiting on the provider (HTTP, signing, parsing), by method, and `any`: the
 * time during which at least one call was outstanding. The sync fetches several statements'
 * transactions at once, so the per-method sums overlap; only `any` can be compared with the
 * sync's wall time (summing overlapping waits counted nested pages twice).
 */
export type ProviderTimes = Record<
  "statements" | "payouts" | "statementTransactions" | "other" | "any",
  number
>;

/** Counts outstanding calls; the clock of `any` runs while the count is above zero. */
function outstanding(times: ProviderTimes) {
  let open = 0;
  let since = 0;
  return async <T>(method: Exclude<keyof ProviderTimes, "any">, call: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    if (open++ === 0) since = start;
    try {
      return await call();
    } finally {
      const end = performance.now();
      times[method] += end - start;
      if (--open === 0) times.any += end - since;
    }
  };
}

/**
 * Wraps a provider so a sync can be split into "waiting on the provider" and "everything else"
 * (database writes, rollups). The wrapped calls are the real ones; only the clock is added.
 */
export function timedProvider(provider: FinanceProvider): {
  provider: FinanceProvider;
  times: ProviderTimes;
} {
  const times: ProviderTimes = { statements: 0, payouts: 0, statementTransactions: 0, other: 0, any: 0 };
  const timed = outstanding(times);
  const iterable = <T>(
    method: "statements" | "payouts" | "statementTransactions",
    source: AsyncIterable<T>,
  ) => ({
    async *[Symbol.asyncIterator]() {
      const iterator = source[Symbol.asyncIterator]();
      while (true) {
        const next = await timed(method, () => iterator.next());
        if (next.done) return;
        yield next.value;
      }
    },
  });
  const wrapped: FinanceProvider = {
    ...provider,
    statements: (shop, range) => iterable("statements", provider.statements(shop, range)),
    payouts: (shop, range) => iterable("payouts", provider.payouts(shop, range)),
    statementTransactions: (shop, id) =>
      iterable("statementTransactions", provider.statementTransactions(shop, id)),
    unsettled: (shop, currency) => timed("other", () => provider.unsettled(shop, currency)),
    orderTransactions: (shop, orderId) => timed("other", () => provider.orderTransactions(shop, orderId)),
  };
  return { provider: wrapped, times };
}
