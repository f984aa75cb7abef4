import type { FinanceProvider } from "../../src/providers/port.ts";

/** Wall time spent waiting on the provider (HTTP, signing, parsing), by method. */
export type ProviderTimes = Record<"statements" | "payouts" | "statementTransactions" | "other", number>;

function timedIterable<T>(source: AsyncIterable<T>, add: (ms: number) => void): AsyncIterable<T> {
  return {
    async *[Symbol.asyncIterator]() {
      const iterator = source[Symbol.asyncIterator]();
      while (true) {
        const start = performance.now();
        const next = await iterator.next();
        add(performance.now() - start);
        if (next.done) return;
        yield next.value;
      }
    },
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
  const times: ProviderTimes = { statements: 0, payouts: 0, statementTransactions: 0, other: 0 };
  const wrapped: FinanceProvider = {
    ...provider,
    statements: (shop, range) =>
      timedIterable(provider.statements(shop, range), (ms) => (times.statements += ms)),
    payouts: (shop, range) => timedIterable(provider.payouts(shop, range), (ms) => (times.payouts += ms)),
    statementTransactions: (shop, id) =>
      timedIterable(provider.statementTransactions(shop, id), (ms) => (times.statementTransactions += ms)),
    async unsettled(shop, currency) {
      const start = performance.now();
      try {
        return await provider.unsettled(shop, currency);
      } finally {
        times.other += performance.now() - start;
      }
    },
    async orderTransactions(shop, orderId) {
      const start = performance.now();
      try {
        return await provider.orderTransactions(shop, orderId);
      } finally {
        times.other += performance.now() - start;
      }
    },
  };
  return { provider: wrapped, times };
}
