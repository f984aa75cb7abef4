/**
 * zod schemas for every TikTok Shop payload balance-bot reads (reference §2.2, §2.3, §3, §4.1).
 * Objects are never strict (unknown fields are dropped, not errors); ids stay strings; every
 * money string is checked with `decimalProblem`, so a bad amount fails with its field path;
 * list payloads come out as `{ items, next }` with port records as items.
 */
import { z } from "zod";
import { decimalProblem } from "../../money/money.ts";
import type {
  AuthorizedShop,
  OrderSkuRecord,
  PayoutRecord,
  StatementRecord,
  StatementTransactionRecord,
} from "../port.ts";
import { breakdowns, flattenAll, refineBreakdowns } from "./breakdowns.ts";
import { readEach, unknownValue } from "./tolerant.ts";

const PAYMENT_STATUSES: ReadonlySet<string> = new Set(["PROCESSING", "PAID", "FAILED"]);
const LEDGER_TYPES: ReadonlySet<string> = new Set(["WITHDRAW", "SETTLE", "TRANSFER", "REVERSE"]);
/** A record list: each element is read on its own (see tolerant.ts). */
export const rawList = z.array(z.unknown()).nullish();

/** A required money decimal string. */
export const moneyString = z.string().superRefine((value, ctx) => {
  const problem = decimalProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/** An optional money string: absent, null or "" become null. */
export const optionalMoney = z
  .string()
  .nullish()
  .superRefine((value, ctx) => {
    if (value === undefined || value === null || value === "") return;
    const problem = decimalProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .transform((value) => (value === undefined || value === null || value === "" ? null : value.trim()));

/** 9999-12-31T23:59:59Z: past it a time is no time at all (1e300 would make an Invalid Date, printed as NaN). */
const MAX_UNIX_SECONDS = 253_402_300_799;
const unixSeconds = z
  .union([
    z.number().int().nonnegative(),
    z
      .string()
      .regex(/^\d{1,15}$/)
      .transform(Number),
  ])
  .refine((s) => s <= MAX_UNIX_SECONDS, { message: "is not a plausible Unix time (after the year 9999)" });
/** A Unix-seconds time; absent, null or 0 become null. */
export const optionalTime = unixSeconds
  .nullish()
  .transform((s) => (s === undefined || s === null || s === 0 ? null : new Date(s * 1000)));
export const requiredTime = unixSeconds.transform((s) => new Date(s * 1000));
const optionalText = z
  .string()
  .nullish()
  .transform((v) => (v === undefined || v === null || v === "" ? null : v));
export const nextToken = z
  .string()
  .nullish()
  .transform((v) => (v ? v : null));

/** The response envelope of every endpoint, token endpoints included. */
export const envelopeSchema = z.object({
  code: z.union([
    z.number().int(),
    z
      .string()
      .regex(/^-?\d+$/)
      .transform(Number),
  ]),
  message: z
    .string()
    .nullish()
    .transform((v) => v ?? ""),
  request_id: z
    .string()
    .nullish()
    .transform((v) => v ?? undefined),
  data: z.unknown().optional(),
});
export type Envelope = z.output<typeof envelopeSchema>;

/** `data` of /api/v2/token/get and /api/v2/token/refresh; expiries are absolute Unix seconds. */
export const tokenDataSchema = z.object({
  access_token: z.string().min(1),
  access_token_expire_in: optionalTime,
  refresh_token: z.string().min(1),
  refresh_token_expire_in: optionalTime,
  open_id: z.string().optional(),
  seller_name: z.string().optional(),
  seller_base_region: z.string().optional(),
  user_type: z.number().optional(),
  granted_scopes: z.array(z.string()).nullish(),
});

const shopSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().default(""),
    region: z.string().min(1),
    seller_type: z.string().default(""),
    cipher: z.string().min(1),
    code: z.string().default(""),
  })
  .transform(
    (s): AuthorizedShop => ({
      externalId: s.id,
      cipher: s.cipher,
      region: s.region.toUpperCase(),
      name: s.name,
      sellerType: s.seller_type,
      code: s.code,
    }),
  );

/** `data` of GET /authorization/202309/shops. */
export const shopsDataSchema = z
  .object({ shops: z.array(shopSchema).nullish() })
  .transform((d) => d.shops ?? []);

// A status this version does not know is kept raw (and reported), never a failed record.
const paymentStatus = z.string().trim().min(1);

const statementSchema = z
  .object({
    id: z.string().min(1),
    statement_time: requiredTime,
    settlement_amount: moneyString,
    currency: z.string().min(1),
    revenue_amount: optionalMoney,
    net_sales_amount: optionalMoney,
    fee_amount: optionalMoney,
    shipping_cost_amount: optionalMoney,
    adjustment_amount: optionalMoney,
    payment_status: paymentStatus,
    payment_id: optionalText,
    payment_time: optionalTime,
  })
  .transform(
    (s): StatementRecord => ({
      id: s.id,
      statementTime: s.statement_time,
      currency: s.currency,
      settlement: s.settlement_amount.trim(),
      revenue: s.revenue_amount,
      netSales: s.net_sales_amount,
      fee: s.fee_amount,
      shipping: s.shipping_cost_amount,
      adjustment: s.adjustment_amount,
      paymentStatus: s.payment_status,
      paymentId: s.payment_id,
      paymentTime: s.payment_time,
    }),
  );

/** `data` of GET /finance/202309/statements. */
export const statementsDataSchema = z
  .object({ next_page_token: nextToken, statements: rawList })
  .transform((d) => ({
    ...readEach(d.statements, statementSchema, (s) =>
      unknownValue(PAYMENT_STATUSES, s.id, "payment_status", s.paymentStatus),
    ),
    next: d.next_page_token,
  }));

const amountObject = z.object({ value: moneyString, currency: z.string().min(1) });

const paymentSchema = z
  .object({
    id: z.string().min(1),
    create_time: requiredTime,
    paid_time: optionalTime,
    status: paymentStatus,
    amount: amountObject,
    settlement_amount: amountObject.nullish(),
    reserve_amount: amountObject.nullish(),
    exchange_rate: optionalMoney,
    bank_account: optionalText,
  })
  .transform(
    (p): PayoutRecord => ({
      source: "payment",
      id: p.id,
      type: null,
      status: p.status,
      amount: p.amount.value.trim(),
      currency: p.amount.currency,
      settlementAmount: p.settlement_amount?.value.trim() ?? null,
      settlementCurrency: p.settlement_amount?.currency ?? null,
      reserveAmount: p.reserve_amount?.value.trim() ?? null,
      exchangeRate: p.exchange_rate,
      bankAccount: p.bank_account,
      createdTime: p.create_time,
      paidTime: p.paid_time,
    }),
  );

/** `data` of GET /finance/202309/payments. */
export const paymentsDataSchema = z
  .object({ next_page_token: nextToken, payments: rawList })
  .transform((d) => ({
    ...readEach(d.payments, paymentSchema, (p) => unknownValue(PAYMENT_STATUSES, p.id, "status", p.status)),
    next: d.next_page_token,
  }));

// The docs name the success state both SUCCESS and PAID (§3.4); both mean the money left.
const withdrawalStatus = z
  .string()
  .trim()
  .min(1)
  .transform((s) => (s === "SUCCESS" ? "PAID" : s));

const MAGNITUDE_TYPES = new Set(["WITHDRAW", "REVERSE"]);

const withdrawalSchema = z
  .object({
    id: z.string().min(1),
    type: z.string().min(1),
    amount: moneyString,
    currency: z.string().min(1),
    status: withdrawalStatus,
    create_time: requiredTime,
  })
  .transform(
    (w): PayoutRecord => ({
      source: "withdrawal",
      id: w.id,
      type: w.type,
      status: w.status,
      // The docs' sample WITHDRAW is "100": whether a withdrawal or reversal is ever sent signed
      // is UNCERTAIN, so both are kept as magnitudes and their direction comes from the type.
      amount: MAGNITUDE_TYPES.has(w.type) ? w.amount.trim().replace(/^[+-]/, "") : w.amount.trim(),
      currency: w.currency,
      settlementAmount: null,
      settlementCurrency: null,
      reserveAmount: null,
      exchangeRate: null,
      bankAccount: null,
      createdTime: w.create_time,
      paidTime: null,
    }),
  );

/** `data` of GET /finance/202309/withdrawals. */
export const withdrawalsDataSchema = z
  .object({ next_page_token: nextToken, withdrawals: rawList })
  .transform((d) => ({
    ...readEach(d.withdrawals, withdrawalSchema, (w) => [
      ...unknownValue(LEDGER_TYPES, w.id, "type", w.type),
      ...unknownValue(PAYMENT_STATUSES, w.id, "status", w.status),
    ]),
    next: d.next_page_token,
  }));

const statementTransactionSchema = z
  .object({
    id: z.string().min(1),
    type: z.string().min(1),
    order_id: optionalText,
    adjustment_id: optionalText,
    order_create_time: optionalTime,
    settlement_amount: optionalMoney,
    revenue_amount: optionalMoney,
    shipping_cost_amount: optionalMoney,
    fee_tax_amount: optionalMoney,
    adjustment_amount: optionalMoney,
    reserve_amount: optionalMoney,
    reserve_status: optionalText,
    ...breakdowns,
  })
  .superRefine(refineBreakdowns)
  .superRefine((t, ctx) => {
    // Money depends on it: a row without it is skipped and reported, never read as zero. A
    // RESERVE row carries its money in reserve_amount (and settles nothing).
    if (t.settlement_amount === null && t.type !== "RESERVE") {
      ctx.addIssue({ code: "custom", message: "missing", path: ["settlement_amount"] });
    }
  });

/** `data` of GET /finance/202501/statements/{id}/statement_transactions. */
export const statementTransactionsDataSchema = z
  .object({
    currency: z.string().nullish(),
    next_page_token: nextToken,
    transactions: rawList,
  })
  .superRefine((d, ctx) => {
    if ((d.transactions?.length ?? 0) > 0 && !d.currency) {
      ctx.addIssue({ code: "custom", message: "missing while transactions are present", path: ["currency"] });
    }
  })
  .transform((d) => ({ ...d, read: readEach(d.transactions, statementTransactionSchema) }))
  .transform((d) => ({
    next: d.next_page_token,
    anomalies: d.read.anomalies,
    items: d.read.items.map(
      (t): StatementTransactionRecord => ({
        id: t.id,
        type: t.type,
        orderId: t.order_id,
        adjustmentId: t.adjustment_id,
        orderCreateTime: t.order_create_time,
        currency: d.currency ?? "",
        settlement: t.settlement_amount ?? "0",
        revenue: t.revenue_amount,
        shipping: t.shipping_cost_amount,
        feeTax: t.fee_tax_amount,
        adjustment: t.adjustment_amount,
        reserve: t.reserve_amount,
        reserveStatus: t.reserve_status?.toUpperCase() ?? null,
        breakdown: flattenAll(t),
      }),
    ),
  }));

const skuTransactionSchema = z
  .object({
    sku_id: z.string().min(1),
    sku_name: optionalText,
    product_name: optionalText,
    quantity: z.union([z.string().regex(/^\d+$/), z.number().int().transform(String)]),
    statement_id: optionalText,
    settlement_amount: moneyString,
    revenue_amount: optionalMoney,
    fee_tax_amount: optionalMoney,
    shipping_cost_amount: optionalMoney,
    ...breakdowns,
  })
  .superRefine(refineBreakdowns);

/** `data` of GET /finance/202501/orders/{id}/statement_transactions (no pagination). */
export const orderTransactionsDataSchema = z
  .object({
    order_id: z.string().nullish(),
    currency: z.string().nullish(),
    settlement_amount: optionalMoney,
    revenue_amount: optionalMoney,
    fee_and_tax_amount: optionalMoney,
    shipping_cost_amount: optionalMoney,
    sku_transactions: z.array(skuTransactionSchema).nullish(),
  })
  .transform((d) =>
    (d.sku_transactions ?? []).map(
      (s): OrderSkuRecord => ({
        skuId: s.sku_id,
        skuName: s.sku_name,
        productName: s.product_name,
        quantity: s.quantity,
        statementId: s.statement_id,
        currency: d.currency ?? "",
        settlement: s.settlement_amount.trim(),
        revenue: s.revenue_amount,
        feeTax: s.fee_tax_amount,
        shipping: s.shipping_cost_amount,
        breakdown: flattenAll(s),
      }),
    ),
  );

const unsettledTransactionSchema = z.object({
  id: z.string().min(1),
  type: z.string().default(""),
  currency: z.string().min(1),
  order_id: optionalText,
  est_settlement_amount: moneyString,
  est_revenue_amount: optionalMoney,
  est_fee_tax_amount: optionalMoney,
  est_shipping_cost_amount: optionalMoney,
  est_adjustment_amount: optionalMoney,
  ...breakdowns,
});

/** `data` of GET /finance/202507/orders/unsettled; rows keep their estimated amounts. */
export const unsettledDataSchema = z
  .object({
    next_page_token: nextToken,
    total_count: z.number().int().nullish(),
    transactions: rawList,
  })
  .transform((d) => ({
    ...readEach(d.transactions, unsettledTransactionSchema.superRefine(refineBreakdowns)),
    next: d.next_page_token,
  }));

/** "statements[3].settlement_amount: …" for the first few issues of a failed parse. */
export function describeIssues(error: z.ZodError, limit = 3): string {
  const parts = error.issues.slice(0, limit).map((issue) => {
    const path = formatPath(issue.path);
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length - limit;
  return more > 0 ? `${parts.join("; ")} (and ${more} more)` : parts.join("; ");
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
