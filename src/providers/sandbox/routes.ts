/**
 * The sandbox's Open API endpoints (reference §2.3, §3.2–3.7). Each handler gets an already
 * authenticated request and returns the envelope's `data`, or throws an ApiError.
 */
import { formatMinor, total } from "./amounts.ts";
import type { SandboxShopDef } from "./catalog.ts";
import { creatorOrderJson, creatorOrdersBetween } from "./creator.ts";
import { type LedgerBook, ledgerJson } from "./ledger.ts";
import { buildOrder, DAY, decodeOrderId, type World } from "./orders.ts";
import { ApiError, pageOf, queryKey, sortParams, timeParam } from "./paging.ts";
import { rng } from "./prng.ts";
import {
  decodeStatementId,
  paymentDay,
  paymentGroup,
  paymentJson,
  payoutStatus,
  type StatementBook,
  statementId,
  statementJson,
} from "./statements.ts";
import {
  orderTransactions,
  statementRow,
  statementRowKeys,
  statementTransactionsHeader,
  unsettledKeys,
  unsettledRow,
} from "./transactions.ts";

export interface RouteContext {
  path: string;
  query: URLSearchParams;
  /** Path parameters (decoded). */
  params: string[];
  /** The shop of the shop_cipher (finance routes only). */
  shop: SandboxShopDef;
  /** Every shop of the seller. */
  shops: readonly SandboxShopDef[];
  /** Simulated now, Unix seconds. */
  now: number;
  world: World;
  book: StatementBook;
  /** The withdrawal-market shops' TikTok balance records. */
  ledger: LedgerBook;
  /** Consumes a pending malformed-amount fault. */
  malformAmount(): boolean;
  /** The parsed JSON body of a POST (empty for GET). */
  body: Record<string, unknown>;
}

export interface Route {
  pattern: RegExp;
  /** Default GET. */
  method?: "GET" | "POST";
  /**
   * "authorization" refuses shop_cipher; "finance" requires it, a seller token and the finance
   * scope; "creator" refuses shop_cipher and requires a creator token (user type 1).
   */
  scope: "authorization" | "finance" | "creator";
  handle(ctx: RouteContext): Record<string, unknown>;
}

const MALFORMED = "12,5O";
const WITHDRAWAL_TYPES = new Set(["WITHDRAW", "SETTLE", "TRANSFER", "REVERSE"]);

/** Statement days that exist at `now`, within [ge, lt) of their 00:00 stamp. */
function statementDays(ctx: RouteContext, ge: number | undefined, lt: number | undefined): number[] {
  const days: number[] = [];
  const last = Math.floor(ctx.now / DAY);
  for (let day = ctx.world.firstStatementDay; day <= last; day++) {
    const time = day * DAY;
    if ((ge === undefined || time >= ge) && (lt === undefined || time < lt)) days.push(day);
  }
  return days;
}

function bankAccount(ctx: RouteContext): string {
  return `***********${rng(ctx.world.seed, ctx.shop.no, 99).digits(4)}`;
}

/** Days whose payment exists at `now` with create_time in [ge, lt), ascending (one per payment). */
function payoutDays(ctx: RouteContext, prefix: "create_time"): number[] {
  const ge = timeParam(ctx.query, `${prefix}_ge`);
  const lt = timeParam(ctx.query, `${prefix}_lt`);
  return statementDays(ctx, undefined, undefined).filter((day) => {
    if (paymentDay(ctx.world, ctx.shop, day) !== day) return false;
    const created = ctx.book.statement(ctx.shop, day).payout.createTime;
    return created <= ctx.now && (ge === undefined || created >= ge) && (lt === undefined || created < lt);
  });
}

function ordered<T>(items: T[], descending: boolean): T[] {
  return descending ? items.reverse() : items;
}

/** A body time filter: absent, or Unix seconds (reference §7: create_time_ge/_lt, in the body). */
function bodyTime(body: Record<string, unknown>, name: string): number | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0)
    throw new ApiError(36009004, `Invalid ${name}: must be Unix seconds (an integer)`);
  return value;
}

export const ROUTES: readonly Route[] = [
  {
    // Search Creator Affiliate Orders (reference §7; official SDK affiliateCreatorV202410Api
    // OrdersSearchPost): page_size (required) and page_token in the query, the creation time
    // range in the JSON body. Orders come oldest first; a page token is bound to its time range.
    pattern: /^\/affiliate_creator\/202410\/orders\/search$/,
    method: "POST",
    scope: "creator",
    handle(ctx) {
      if (!ctx.query.get("page_size")) throw new ApiError(36009004, "page_size is required");
      for (const name of ["create_time_ge", "create_time_lt"]) {
        if (ctx.query.has(name))
          throw new ApiError(36009004, `${name} is not a query parameter: send it in the request body`);
      }
      // TikTok's defaults when a bound is missing: the earliest time, and now (SDK request body docs).
      const ge = bodyTime(ctx.body, "create_time_ge") ?? 0;
      const lt = bodyTime(ctx.body, "create_time_lt") ?? ctx.now + 1;
      if (lt <= ge) throw new ApiError(36009004, "create_time_lt must be after create_time_ge");
      const orders = creatorOrdersBetween(ctx.world, ctx.now, ge, lt);
      const { page, next } = pageOf(orders, ctx.query, `${ctx.path}?ge=${ge}&lt=${lt}`);
      return {
        next_page_token: next,
        total_count: orders.length,
        orders: page.map((o) => creatorOrderJson(o, ctx.now)),
      };
    },
  },
  {
    pattern: /^\/authorization\/202309\/shops$/,
    scope: "authorization",
    handle: (ctx) => ({
      shops: ctx.shops.map((s) => ({
        id: s.id,
        name: s.name,
        region: s.region,
        seller_type: s.sellerType,
        cipher: s.cipher,
        code: s.code,
      })),
    }),
  },
  {
    pattern: /^\/finance\/202309\/statements$/,
    scope: "finance",
    handle(ctx) {
      const descending = sortParams(ctx.query, "statement_time");
      const status = ctx.query.get("payment_status");
      if (status && !["PAID", "FAILED", "PROCESSING"].includes(status)) {
        throw new ApiError(36009004, "Invalid payment_status");
      }
      const days = statementDays(
        ctx,
        timeParam(ctx.query, "statement_time_ge"),
        timeParam(ctx.query, "statement_time_lt"),
      ).filter((day) => {
        if (!status) return true;
        const payout = ctx.book.statement(ctx.shop, day).payout;
        return (payoutStatus(payout, ctx.now) ?? "PROCESSING") === status;
      });
      const { page, next } = pageOf(ordered(days, descending), ctx.query, queryKey(ctx.path, ctx.query));
      const statements = page.map((day) =>
        statementJson(ctx.shop, ctx.book.statement(ctx.shop, day), ctx.now),
      );
      const victim = statements[Math.min(3, statements.length - 1)];
      if (victim && ctx.malformAmount()) victim.settlement_amount = MALFORMED;
      return { next_page_token: next, statements };
    },
  },
  {
    pattern: /^\/finance\/202309\/payments$/,
    scope: "finance",
    handle(ctx) {
      const descending = sortParams(ctx.query, "create_time");
      if (ctx.shop.payouts !== "payments") {
        throw new ApiError(36009004, "Get Payments is not available for SEA shops: use Get Withdrawals");
      }
      const days = ordered(payoutDays(ctx, "create_time"), descending);
      const { page, next } = pageOf(days, ctx.query, queryKey(ctx.path, ctx.query));
      const bank = bankAccount(ctx);
      return {
        next_page_token: next,
        payments: page.map((day) =>
          paymentJson(
            ctx.shop,
            paymentGroup(ctx.world, ctx.shop, day).map((d) => ctx.book.statement(ctx.shop, d)),
            ctx.now,
            bank,
          ),
        ),
      };
    },
  },
  {
    pattern: /^\/finance\/202309\/withdrawals$/,
    scope: "finance",
    handle(ctx) {
      const types = (ctx.query.get("types") ?? "").split(",").filter(Boolean);
      if (types.length === 0) throw new ApiError(36009004, "types is required");
      for (const type of types) {
        if (!WITHDRAWAL_TYPES.has(type)) throw new ApiError(36009004, `Invalid types: ${type}`);
      }
      const records =
        ctx.shop.payouts === "withdrawals"
          ? ctx.ledger
              .entries(
                ctx.shop,
                ctx.now,
                timeParam(ctx.query, "create_time_ge"),
                timeParam(ctx.query, "create_time_lt"),
              )
              .filter((e) => types.includes(e.type))
          : [];
      const { page, next } = pageOf(records, ctx.query, queryKey(ctx.path, ctx.query));
      return {
        next_page_token: next,
        total_count: records.length,
        withdrawals: page.map((e) => ledgerJson(ctx.shop, e, ctx.now)),
      };
    },
  },
  {
    pattern: /^\/finance\/202501\/statements\/([^/]+)\/statement_transactions$/,
    scope: "finance",
    handle(ctx) {
      const descending = sortParams(ctx.query, "order_create_time");
      const day = decodeStatementId(ctx.world, ctx.shop, ctx.params[0] ?? "");
      if (day === undefined || day * DAY > ctx.now) throw new ApiError(36009004, "Invalid statement_id", 404);
      const statement = ctx.book.statement(ctx.shop, day);
      const keys = ordered(statementRowKeys(statement), descending);
      const { page, next } = pageOf(keys, ctx.query, queryKey(ctx.path, ctx.query));
      const transactions = page.map((key) => statementRow(ctx.world, ctx.shop, statement, key));
      const victim = transactions[Math.min(3, transactions.length - 1)];
      if (victim && ctx.malformAmount()) victim.settlement_amount = MALFORMED;
      return {
        ...statementTransactionsHeader(ctx.shop, statement, keys.length),
        next_page_token: next,
        transactions,
      };
    },
  },
  {
    pattern: /^\/finance\/202501\/orders\/([^/]+)\/statement_transactions$/,
    scope: "finance",
    handle(ctx) {
      const found = decodeOrderId(ctx.world, ctx.shop, ctx.params[0] ?? "");
      const order = found && buildOrder(ctx.world, ctx.shop, found.day, found.index);
      if (!order || order.createTime > ctx.now) throw new ApiError(36009004, "Invalid order_id", 404);
      const settled = order.statementDay * DAY <= ctx.now;
      return orderTransactions(
        ctx.shop,
        order,
        statementId(ctx.world, ctx.shop, order.statementDay),
        settled,
      );
    },
  },
  {
    pattern: /^\/finance\/202507\/orders\/unsettled$/,
    scope: "finance",
    handle(ctx) {
      const descending = sortParams(ctx.query, "order_create_time");
      const range = {
        ge: timeParam(ctx.query, "search_time_ge"),
        lt: timeParam(ctx.query, "search_time_lt"),
      };
      const keys = ordered(unsettledKeys(ctx.world, ctx.shop, ctx.now, range), descending);
      const { page, next } = pageOf(keys, ctx.query, queryKey(ctx.path, ctx.query));
      const orders = page.map((k) => buildOrder(ctx.world, ctx.shop, k.day, k.index));
      const sum = (pick: (o: (typeof orders)[number]) => bigint) =>
        formatMinor(total(orders.map(pick)), ctx.shop.digits);
      // Per-page sums: the real scope is UNCERTAIN (§3.7), so clients must sum rows themselves.
      return {
        total_count: keys.length,
        sum_est_settlement_amount: sum((o) => o.settlement),
        sum_est_revenue_amount: sum((o) => o.revenue),
        sum_est_fee_amount: sum((o) => o.feeTax),
        sum_est_adjustment_amount: "0",
        next_page_token: next,
        transactions: orders.map((o) => unsettledRow(ctx.shop, o, ctx.now)),
      };
    },
  },
];
