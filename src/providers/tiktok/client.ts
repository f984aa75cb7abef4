/**
 * The TikTok Shop Open API client (reference §1–§4): signs every call, pages until the last page,
 * retries transient failures, refreshes an expired access token once through the TokenStore, and
 * turns every payload into port records. The same client talks to the local sandbox shop.
 */
import type { z } from "zod";
import { ProviderError } from "../../core/errors.ts";
import { add, type Money, parseMoney, toDecimal, zero } from "../../money/money.ts";
import type {
  AuthorizedShop,
  CreatorOrderRecord,
  CreatorProvider,
  FinanceProvider,
  OrderSkuRecord,
  PayoutRecord,
  ReadAnomaly,
  ReadPage,
  ShopRef,
  StatementRecord,
  StatementTransactionRecord,
  TimeRange,
  TokenSet,
  TokenStore,
  UnsettledSummary,
} from "../port.ts";
import { creatorOrdersDataSchema } from "./creator-schemas.ts";
import { type RateLimiter, wrapFetch } from "./rate-limit.ts";
import { isSeaRegion } from "./regions.ts";
import {
  orderTransactionsDataSchema,
  paymentsDataSchema,
  shopsDataSchema,
  statementsDataSchema,
  statementTransactionsDataSchema,
  tokenDataSchema,
  unsettledDataSchema,
  withdrawalsDataSchema,
} from "./schemas.ts";
import { type QueryValue, signRequest } from "./sign.ts";
import {
  type Answer,
  type ClientLog,
  DEFAULT_RETRY,
  failure,
  parseData,
  type RetryPolicy,
  send,
  type TransportOptions,
} from "./transport.ts";

export type { ClientLog, RetryPolicy } from "./transport.ts";

export interface TikTokClientOptions {
  appKey: string;
  appSecret: string;
  /** Open API base, e.g. https://open-api.tiktokglobalshop.com (or the sandbox URL). */
  apiUrl: string;
  /** Token endpoint base, e.g. https://auth.tiktok-shops.com (or the sandbox URL). */
  authUrl: string;
  tokens: TokenStore;
  fetch?: typeof fetch;
  /** Wall clock used for the signed `timestamp` (the server accepts now −5 min … +30 s). */
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  retry?: Partial<RetryPolicy>;
  /** Per-attempt timeout; default 30 s. */
  timeoutMs?: number;
  log?: ClientLog;
  /** Default: the process-wide limiter shared by every job. */
  rateLimiter?: RateLimiter;
}

/** What the token endpoints return, as stored. */
export interface TokenGrant extends TokenSet {
  openId?: string;
  sellerName?: string;
  region?: string;
  scopes?: string[];
  /** 0 seller, 1 creator, 3 partner (reference §2.2). */
  userType?: number;
}

/** A FinanceProvider (seller token), the creator reads (creator token), and the token operations. */
export interface TikTokClient extends FinanceProvider, CreatorProvider {
  /** Exchanges a one-time auth code (§2.1) for tokens, stores them and returns them. */
  getAccessToken(authCode: string): Promise<TokenGrant>;
  /** Refreshes the access token with the stored refresh token and stores the result. */
  refresh(): Promise<TokenGrant>;
}

const PAGE_SIZE = 100;
/**
 * TikTok's catch-all "invalid request" code, also its answer to an invalid access token (reference,
 * common errors). It is never retried as the same request; only re-sent with a token that changed.
 */
const INVALID_REQUEST = 36009004;
const WITHDRAWAL_TYPES = ["WITHDRAW", "SETTLE", "TRANSFER", "REVERSE"] as const;
/** shop_cipher is refused on these paths (§1.1). */
const NO_CIPHER = /^\/(authorization|seller)\//;

type Page<T> = { items: T[]; next: string | null; anomalies: ReadAnomaly[] };

/** Creates the real TikTok Shop client. */
export function createTikTokClient(options: TikTokClientOptions): TikTokClient {
  const apiBase = options.apiUrl.replace(/\/+$/, "");
  const authBase = options.authUrl.replace(/\/+$/, "");
  const now = options.now ?? (() => new Date());
  let known: TokenSet | undefined;
  let refreshing: Promise<TokenGrant> | undefined;

  const transport: TransportOptions = {
    // Every request waits for its slot in the process-wide limiter (50/s per endpoint and shop).
    fetch: wrapFetch(options.fetch ?? globalThis.fetch, options.rateLimiter),
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    retry: { ...DEFAULT_RETRY, ...options.retry },
    timeoutMs: options.timeoutMs ?? 30_000,
    log: options.log,
    secrets: () => [options.appSecret, known?.accessToken ?? "", known?.refreshToken ?? ""],
  };

  async function loadTokens(): Promise<TokenSet> {
    known = await options.tokens.load();
    return known;
  }

  function signedGet(path: string, query: Record<string, QueryValue>, shop?: ShopRef): Promise<Answer> {
    return signedCall("GET", path, query, shop);
  }

  /**
   * One signed call. A POST's JSON body is serialised once, signed as those exact bytes (§1.2
   * step 5) and sent as the same string.
   */
  async function signedCall(
    method: "GET" | "POST",
    path: string,
    query: Record<string, QueryValue>,
    shop?: ShopRef,
    json?: Record<string, unknown>,
  ): Promise<Answer> {
    const where = `${method} ${path}`;
    const body = json === undefined ? undefined : JSON.stringify(json);
    let used = "";
    const prepare = async () => {
      const tokens = await loadTokens();
      used = tokens.accessToken;
      const params: Record<string, QueryValue> = {
        ...query,
        app_key: options.appKey,
        timestamp: Math.floor(now().getTime() / 1000),
      };
      if (shop && !NO_CIPHER.test(path)) params.shop_cipher = shop.cipher;
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(params)) {
        if (value !== undefined) search.set(key, Array.isArray(value) ? value.join(",") : String(value));
      }
      const contentType = "application/json";
      search.set("sign", signRequest(options.appSecret, { path, query: params, body, contentType }));
      return {
        url: `${apiBase}${path}?${search.toString()}`,
        headers: { "x-tts-access-token": tokens.accessToken, "content-type": contentType },
        method,
        ...(body !== undefined ? { body } : {}),
      };
    };
    let answer = await send(transport, where, prepare);
    const { code } = answer.envelope;
    if (code === 105002 || code === INVALID_REQUEST) {
      // One retry per failure. A 105002 refreshes (unless another caller already did); an
      // "invalid token" retries only when the token was rotated while this request was in flight:
      // a refresh may retire the old access token at once (whether TikTok does is UNCERTAIN), so
      // a request signed just before a concurrent refresh can arrive with a retired token.
      if (await retryAfterTokenTrouble(used, code === 105002)) answer = await send(transport, where, prepare);
    }
    if (answer.envelope.code !== 0) throw failure(transport, where, answer.status, answer.envelope);
    return answer;
  }

  /** True when a retry can help: the token changed since `used` (now or by a refresh of ours). */
  async function retryAfterTokenTrouble(used: string, expired: boolean): Promise<boolean> {
    // A refresh in flight (this process) is waited for; its failure is its caller's to report.
    await refreshing?.catch(() => undefined);
    const current = await loadTokens();
    // Another caller (or replica) already refreshed: use its token rather than rotating again.
    if (current.accessToken !== used) return true;
    if (!expired) return false;
    await refresh();
    return true;
  }

  async function tokenCall(path: string, query: Record<string, string>): Promise<TokenGrant> {
    const where = `GET ${path}`;
    const search = new URLSearchParams({ app_key: options.appKey, app_secret: options.appSecret, ...query });
    const answer = await send(transport, where, async () => ({
      url: `${authBase}${path}?${search.toString()}`,
      headers: { "content-type": "application/json" },
    }));
    if (answer.envelope.code !== 0) {
      const error = failure(transport, where, answer.status, answer.envelope);
      throw new ProviderError(
        `${error.message}; the seller may need to re-authorize the shop`,
        error.upstream,
      );
    }
    const data = parseData(tokenDataSchema, answer, where);
    const grant: TokenGrant = {
      accessToken: data.access_token,
      refreshToken: data.refresh_token,
      accessExpiresAt: data.access_token_expire_in,
      refreshExpiresAt: data.refresh_token_expire_in,
      ...(data.open_id ? { openId: data.open_id } : {}),
      ...(data.seller_name ? { sellerName: data.seller_name } : {}),
      ...(data.seller_base_region ? { region: data.seller_base_region } : {}),
      ...(data.granted_scopes ? { scopes: data.granted_scopes } : {}),
      ...(data.user_type !== undefined ? { userType: data.user_type } : {}),
    };
    await options.tokens.save(grant);
    known = grant;
    return grant;
  }

  function refresh(): Promise<TokenGrant> {
    refreshing ??= (async () => {
      try {
        const { refreshToken } = await loadTokens();
        return await tokenCall("/api/v2/token/refresh", {
          refresh_token: refreshToken,
          grant_type: "refresh_token",
        });
      } finally {
        refreshing = undefined;
      }
    })();
    return refreshing;
  }

  async function* paginate<T>(
    path: string,
    query: Record<string, QueryValue>,
    shop: ShopRef,
    schema: z.ZodType<Page<T>>,
  ): AsyncGenerator<ReadPage<T>> {
    let token: string | null = null;
    const seen = new Set<string>();
    do {
      const answer = await signedGet(
        path,
        { ...query, page_size: PAGE_SIZE, page_token: token ?? undefined },
        shop,
      );
      const page: Page<T> = parseData(schema, answer, `GET ${path}`);
      if (page.items.length > 0 || page.anomalies.length > 0) {
        yield Object.assign(page.items, { anomalies: page.anomalies });
      }
      token = page.next;
      if (token !== null) {
        if (seen.has(token)) throw new ProviderError(`TikTok Shop repeated a page token (GET ${path})`);
        seen.add(token);
      }
    } while (token !== null);
  }

  return {
    getAccessToken: (authCode) =>
      tokenCall("/api/v2/token/get", { auth_code: authCode, grant_type: "authorized_code" }),
    refresh,

    async listShops(): Promise<AuthorizedShop[]> {
      const path = "/authorization/202309/shops";
      return parseData(shopsDataSchema, await signedGet(path, {}), `GET ${path}`);
    },

    statements(shop: ShopRef, range: TimeRange): AsyncIterable<StatementRecord[]> {
      return paginate(
        "/finance/202309/statements",
        { sort_field: "statement_time", sort_order: "ASC", ...timeWindow("statement_time", range) },
        shop,
        statementsDataSchema,
      );
    },

    payouts(shop: ShopRef, range: TimeRange): AsyncIterable<PayoutRecord[]> {
      if (isSeaRegion(shop.region)) {
        return paginate(
          "/finance/202309/withdrawals",
          { types: WITHDRAWAL_TYPES, ...timeWindow("create_time", range) },
          shop,
          withdrawalsDataSchema,
        );
      }
      return paginate(
        "/finance/202309/payments",
        { sort_field: "create_time", sort_order: "ASC", ...timeWindow("create_time", range) },
        shop,
        paymentsDataSchema,
      );
    },

    statementTransactions(shop: ShopRef, statementId: string): AsyncIterable<StatementTransactionRecord[]> {
      return paginate(
        `/finance/202501/statements/${encodeURIComponent(statementId)}/statement_transactions`,
        { sort_field: "order_create_time", sort_order: "ASC" },
        shop,
        statementTransactionsDataSchema,
      );
    },

    async orderTransactions(shop: ShopRef, orderId: string): Promise<OrderSkuRecord[]> {
      const path = `/finance/202501/orders/${encodeURIComponent(orderId)}/statement_transactions`;
      return parseData(orderTransactionsDataSchema, await signedGet(path, {}, shop), `GET ${path}`);
    },

    async *creatorOrders(range: TimeRange): AsyncGenerator<ReadPage<CreatorOrderRecord>> {
      // Creator token, no shop_cipher; paging in the query, the time range in the signed body (§7).
      const path = "/affiliate_creator/202410/orders/search";
      const body = {
        create_time_ge: Math.floor(range.from.getTime() / 1000),
        create_time_lt: Math.ceil(range.to.getTime() / 1000),
      };
      let token: string | null = null;
      const seen = new Set<string>();
      do {
        const answer = await signedCall(
          "POST",
          path,
          { page_size: PAGE_SIZE, page_token: token ?? undefined },
          undefined,
          body,
        );
        const page = parseData(creatorOrdersDataSchema, answer, `POST ${path}`);
        if (page.items.length > 0 || page.anomalies.length > 0) {
          yield Object.assign(page.items, { anomalies: page.anomalies });
        }
        token = page.next;
        if (token !== null) {
          if (seen.has(token)) throw new ProviderError(`TikTok Shop repeated a page token (POST ${path})`);
          seen.add(token);
        }
      } while (token !== null);
    },

    async unsettled(shop: ShopRef, currency: string): Promise<UnsettledSummary> {
      const path = "/finance/202507/orders/unsettled";
      const sums = new Map<
        string,
        { settlement: Money; revenue: Money; fee: Money; adjustment: Money; count: number }
      >();
      const sumsOf = (c: string) => {
        let found = sums.get(c);
        if (!found) {
          found = { settlement: zero(c), revenue: zero(c), fee: zero(c), adjustment: zero(c), count: 0 };
          sums.set(c, found);
        }
        return found;
      };
      sumsOf(currency);
      const anomalies: ReadAnomaly[] = [];
      let seen = 0;
      // The per-response sum_est_* scope is UNCERTAIN upstream (§3.7): sum the rows ourselves,
      // per currency (a cross-border shop can have orders in several; they are never added up).
      for await (const rows of paginate(
        path,
        { sort_field: "order_create_time" },
        shop,
        unsettledDataSchema,
      )) {
        anomalies.push(...(rows.anomalies ?? []));
        for (const [i, row] of rows.entries()) {
          const field = `transactions[${seen + i}]`;
          const c = row.currency.trim().toUpperCase();
          let money: ReturnType<typeof sumsOf>;
          try {
            money = sumsOf(c);
          } catch {
            anomalies.push({
              kind: "skipped",
              recordId: row.id,
              field: "currency",
              value: row.currency.slice(0, 20),
            });
            continue;
          }
          money.settlement = add(money.settlement, parseMoney(row.est_settlement_amount, c, field));
          if (row.est_revenue_amount)
            money.revenue = add(money.revenue, parseMoney(row.est_revenue_amount, c));
          if (row.est_fee_tax_amount) money.fee = add(money.fee, parseMoney(row.est_fee_tax_amount, c));
          if (row.est_adjustment_amount) {
            money.adjustment = add(money.adjustment, parseMoney(row.est_adjustment_amount, c));
          }
          money.count += 1;
        }
        seen += rows.length;
      }
      const summaries = [...sums.entries()].map(
        ([c, m]): UnsettledSummary => ({
          currency: c,
          totalCount: m.count,
          estSettlement: toDecimal(m.settlement),
          estRevenue: toDecimal(m.revenue),
          estFee: toDecimal(m.fee),
          estAdjustment: toDecimal(m.adjustment),
        }),
      );
      const [main, ...others] = summaries;
      return { ...main!, others, anomalies };
    },
  };
}

/** `<field>_ge` inclusive, `<field>_lt` exclusive, in Unix seconds (a fractional end rounds up). */
function timeWindow(field: string, range: TimeRange): Record<string, number> {
  return {
    [`${field}_ge`]: Math.floor(range.from.getTime() / 1000),
    [`${field}_lt`]: Math.ceil(range.to.getTime() / 1000),
  };
}
