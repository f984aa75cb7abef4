/**
 * The FinanceProvider port: what sync needs from a source of shop money (the TikTok Shop API,
 * the local sandbox shop through the same client, or a CSV import). Every payload is zod-parsed
 * at the boundary; amounts stay exact decimal strings (validated by `decimalProblem`), ids stay
 * strings, times are Dates (UTC).
 *
 * Listing methods yield one page at a time. A page whose shape is wrong (not JSON, no list)
 * throws before any of it is returned, so sync writes nothing from it. Within a well-formed page
 * each record is read on its own: one with a value this version does not know (a new status) is
 * kept with the raw value, one missing its id or an amount money depends on is skipped, and
 * both are reported in `anomalies`, so the rest of the page is always kept and nothing is
 * dropped silently.
 */
export interface ShopRef {
  /** TikTok's shop id. */
  externalId: string;
  /** Opaque `shop_cipher`. */
  cipher: string;
  region: string;
}

export interface AuthorizedShop extends ShopRef {
  name: string;
  sellerType: string;
  code: string;
}

export interface TimeRange {
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
}

export type PaymentStatus = "PROCESSING" | "PAID" | "FAILED";
/** A known status, or a value this version does not know, kept raw (and reported). */
export type ReadStatus = PaymentStatus | (string & {});

/** Something in a page this version could not fully read. */
export interface ReadAnomaly {
  /** "unknown": stored with a value this version does not know; "skipped": not stored. */
  kind: "unknown" | "skipped";
  /** The record's id, when it has one. */
  recordId: string | null;
  /** The field at fault, e.g. "payment_status" or "settlement_amount". */
  field: string;
  /** The raw value, or why it could not be read. */
  value: string;
}

/** One page of records, plus what could not be read in it. */
export type ReadPage<T> = T[] & { anomalies?: ReadAnomaly[] };

export interface StatementRecord {
  id: string;
  statementTime: Date;
  currency: string;
  settlement: string;
  revenue: string | null;
  netSales: string | null;
  fee: string | null;
  shipping: string | null;
  adjustment: string | null;
  paymentStatus: ReadStatus;
  paymentId: string | null;
  paymentTime: Date | null;
}

/** One payout, from Get Payments (non-SEA) or Get Withdrawals (SEA), normalised. */
export interface PayoutRecord {
  source: "payment" | "withdrawal";
  id: string;
  /** Withdrawals only: WITHDRAW | SETTLE | TRANSFER | REVERSE. */
  type: string | null;
  status: ReadStatus;
  amount: string;
  currency: string;
  settlementAmount: string | null;
  settlementCurrency: string | null;
  reserveAmount: string | null;
  exchangeRate: string | null;
  /** Masked as TikTok sends it ("***********1234"). */
  bankAccount: string | null;
  createdTime: Date;
  paidTime: Date | null;
}

export interface StatementTransactionRecord {
  id: string;
  type: string;
  orderId: string | null;
  adjustmentId: string | null;
  orderCreateTime: Date | null;
  currency: string;
  settlement: string;
  revenue: string | null;
  shipping: string | null;
  feeTax: string | null;
  adjustment: string | null;
  reserve: string | null;
  reserveStatus: string | null;
  /** Flattened breakdown: "fee.platform_commission_amount" → "-3.20", "tax.vat_amount" → … */
  breakdown: Record<string, string>;
}

export interface OrderSkuRecord {
  skuId: string;
  skuName: string | null;
  productName: string | null;
  quantity: string;
  statementId: string | null;
  currency: string;
  settlement: string;
  revenue: string | null;
  /** Get Transactions by Order only (absent from an imported export): the line's fees and taxes. */
  feeTax?: string | null;
  shipping?: string | null;
  /** Flattened breakdown of the line, as for statement transactions ("fee.x" → "-1.20"). */
  breakdown?: Record<string, string>;
}

export interface UnsettledSummary {
  currency: string;
  totalCount: number;
  estSettlement: string;
  estRevenue: string | null;
  estFee: string | null;
  estAdjustment: string | null;
  /** Orders in other currencies than the shop's, one summary each (never summed together). */
  others?: UnsettledSummary[];
  /** Rows that could not be read. */
  anomalies?: ReadAnomaly[];
}

export interface FinanceProvider {
  listShops(): Promise<AuthorizedShop[]>;
  statements(shop: ShopRef, range: TimeRange): AsyncIterable<ReadPage<StatementRecord>>;
  payouts(shop: ShopRef, range: TimeRange): AsyncIterable<ReadPage<PayoutRecord>>;
  statementTransactions(
    shop: ShopRef,
    statementId: string,
  ): AsyncIterable<ReadPage<StatementTransactionRecord>>;
  orderTransactions(shop: ShopRef, orderId: string): Promise<OrderSkuRecord[]>;
  /**
   * Sums every page of Get Unsettled Transactions (the summary's scope is UNCERTAIN upstream):
   * the summary in `currency` (the shop's), and one per other currency in `others`.
   */
  unsettled(shop: ShopRef, currency: string): Promise<UnsettledSummary>;
}

/**
 * One affiliate order of a creator account (Search Creator Affiliate Orders 202410, reference §7),
 * its commission summed over its SKUs. `estimated` is what TikTok expects to pay (all an ORDERED
 * order has); `actual` is what settled, or was taken back on a DEDUCTED order.
 */
export interface CreatorOrderRecord {
  id: string;
  /** As TikTok sends it: ORDERED, SETTLED, REFUNDED, FROZEN, DEDUCTED, … */
  status: string;
  createTime: Date;
  deliveryTime: Date | null;
  currency: string;
  estimated: string;
  actual: string;
  skus: number;
}

/** What a creator account (user type 1, no shop_cipher) can read. */
export interface CreatorProvider {
  creatorOrders(range: TimeRange): AsyncIterable<ReadPage<CreatorOrderRecord>>;
}

/** Where tokens live; the client refreshes through it and always stores what TikTok returns. */
export interface TokenSet {
  accessToken: string;
  refreshToken: string;
  accessExpiresAt: Date | null;
  refreshExpiresAt: Date | null;
}

export interface TokenStore {
  load(): Promise<TokenSet>;
  save(
    tokens: TokenSet & { openId?: string; sellerName?: string; region?: string; scopes?: string[] },
  ): Promise<void>;
}
