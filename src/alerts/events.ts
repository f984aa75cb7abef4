import { z } from "zod";
import { decimalProblem } from "../money/index.ts";

/**
 * The facts sync records for alerting (table `domain_events`), as a typed union. A row is parsed
 * before any rule sees it; one that does not parse is parked with the reason, never retried.
 */
const amount = z.string().refine((v) => decimalProblem(v) === undefined, "not an exact decimal amount");
const currency = z.string().regex(/^[A-Z]{3}$/, "not an ISO 4217 currency");
const instant = z.iso.datetime({ offset: true });

const payoutPayload = z.object({
  payoutId: z.string().min(1),
  source: z.enum(["payment", "withdrawal"]),
  amount,
  currency,
  bankAccount: z.string().nullable(),
  createdTime: instant,
  paidTime: instant.nullable(),
  backfill: z.boolean(),
  reversedBy: z.string().exactOptional(),
  exchange: z
    .object({
      settlementAmount: amount,
      settlementCurrency: currency,
      reserveAmount: amount.nullable(),
      exchangeRate: z.string().nullable(),
    })
    .exactOptional(),
});

const statementPayload = z.object({
  statementId: z.string().min(1),
  day: z.iso.date(),
  settlement: amount,
  currency,
  backfill: z.boolean(),
});

/** Written by src/sync/sync-creator.ts: the orders of a creator account one sync page found SETTLED. */
const commissionPayload = z.object({
  orderIds: z.array(z.string().min(1)).min(1),
  amount,
  currency,
  firstDay: z.iso.date(),
  lastDay: z.iso.date(),
  backfill: z.boolean(),
});

const eventSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.enum(["payout_paid", "payout_failed"]), payload: payoutPayload }),
  z.object({ kind: z.literal("statement_new"), payload: statementPayload }),
  z.object({ kind: z.literal("commission_settled"), payload: commissionPayload }),
]);

export type PayoutFact = z.infer<typeof payoutPayload>;
export type CommissionFact = z.infer<typeof commissionPayload>;
export type DomainEvent = z.infer<typeof eventSchema> & { id: bigint; shopId: number };
export type PayoutEvent = Extract<DomainEvent, { kind: "payout_paid" | "payout_failed" }>;

/** An event row as stored: its payload not yet trusted. */
export interface EventRow {
  id: bigint;
  shopId: number;
  kind: string;
  payload: unknown;
}

export type ParsedEvent = { ok: true; event: DomainEvent } | { ok: false; reason: string };

/** Parses one stored event; the reason names the first bad field ("payload.amount: …"). */
export function parseDomainEvent(row: EventRow): ParsedEvent {
  const parsed = eventSchema.safeParse({ kind: row.kind, payload: row.payload });
  if (parsed.success) return { ok: true, event: { ...parsed.data, id: row.id, shopId: row.shopId } };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  return { ok: false, reason: `malformed ${row.kind} event: ${where}${issue?.message ?? "invalid"}` };
}
