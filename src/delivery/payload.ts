import { z } from "zod";
import type { ChartRenderer, ChartSpec } from "../charts/port.ts";
import type { Reply } from "../core/reply.ts";

/** A chart kept as its spec: a few KB per outbox row instead of a picture. */
export interface PayloadChart {
  spec: ChartSpec;
  filename: string;
  alt: string;
  /** The section it illustrates. */
  section?: number;
}

/** The reply as stored in a row: no PNGs, the timestamp as ISO text. */
export type StoredReply = Omit<Reply, "charts" | "timestamp"> & { timestamp?: string };

// exactOptional: an absent key stays absent (the types say `label?: string`, not `| undefined`).
const text = z.string();
const fieldSchema = z.object({
  label: text,
  value: text,
  detail: text.exactOptional(),
  clock: z.enum(["pending", "settled", "paid", "reserve"]).exactOptional(),
});
const sectionSchema = z.object({
  title: text.exactOptional(),
  fields: z.array(fieldSchema).exactOptional(),
  table: z
    .object({
      columns: z.array(z.object({ label: text, align: z.enum(["left", "right"]).exactOptional() })),
      rows: z.array(z.array(text)),
    })
    .exactOptional(),
  notes: z.array(text).exactOptional(),
});
const replySchema: z.ZodType<StoredReply> = z.object({
  kind: z.enum(["report", "info", "success", "warning", "error", "alert", "digest"]),
  title: text,
  summary: text.exactOptional(),
  headline: z.array(text).exactOptional(),
  sections: z.array(sectionSchema),
  footer: text.exactOptional(),
  ephemeral: z.boolean(),
  timestamp: z.iso.datetime({ offset: true }).exactOptional(),
  correlationId: text.exactOptional(),
});
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/, "a decimal amount");
const day = z.iso.date();
const chartSchema: z.ZodType<PayloadChart> = z.object({
  spec: z.object({
    title: text,
    currency: z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 currency code"),
    days: z.array(day),
    settled: z.array(decimal),
    payouts: z.array(
      z.object({
        day,
        amount: decimal,
        // A status this version does not know (stored raw by sync) is drawn as still processing.
        status: z.enum(["PAID", "FAILED", "PROCESSING"]).catch("PROCESSING"),
      }),
    ),
    pending: decimal.nullable(),
    goalPerDay: decimal.nullable().exactOptional(),
  }),
  filename: text,
  alt: text,
  section: z.number().int().nonnegative().exactOptional(),
});

/** Alert kinds, each its own view in the union below (the row's `kind` column is the same value). */
const PAYOUT = ["payout_paid", "payout_failed"] as const;
const THRESHOLD = ["balance_above", "balance_below"] as const;
const NOTICE = ["connected", "deauthorized", "auth_expiring", "reauth"] as const;

/**
 * What an outbox row carries: which view it is, the reply without its PNGs, and for a digest each
 * chart's spec, rendered again at send time. Parsed with this schema when the row is claimed: a
 * row that does not match is parked with the reason, never sent half-formed.
 */
export const outboxViewSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("digest"), reply: replySchema, charts: z.array(chartSchema) }),
  z.object({ kind: z.enum(PAYOUT), reply: replySchema }),
  z.object({ kind: z.enum(THRESHOLD), reply: replySchema }),
  z.object({ kind: z.literal("goal"), reply: replySchema }),
  z.object({ kind: z.literal("sync_trouble"), reply: replySchema }),
  z.object({ kind: z.enum(NOTICE), reply: replySchema }),
]);

export type OutboxView = z.infer<typeof outboxViewSchema>;
export type ViewKind = OutboxView["kind"];
const VIEW_KINDS: ReadonlySet<unknown> = new Set([
  "digest",
  ...PAYOUT,
  ...THRESHOLD,
  "goal",
  "sync_trouble",
  ...NOTICE,
] satisfies ViewKind[]);
/** The views without charts: every alert and notice. */
export type AlertKind = Exclude<ViewKind, "digest">;

function storeReply(reply: Reply): StoredReply {
  const { charts: _png, timestamp, ...rest } = reply;
  return { ...rest, ...(timestamp ? { timestamp: timestamp.toISOString() } : {}) };
}

/** An alert or notice view of a reply (its charts, if any, are not kept). */
export function alertView(kind: AlertKind, reply: Reply): OutboxView {
  return { kind, reply: storeReply(reply) };
}

/** A digest view: the reply and the specs of its charts. */
export function digestView(reply: Reply, charts: readonly PayloadChart[]): OutboxView {
  return { kind: "digest", reply: storeReply(reply), charts: [...charts] };
}

export type ParsedView = { ok: true; view: OutboxView } | { ok: false; reason: string };

/** Parses a row's payload; the reason names the first problem's path ("reply.sections: …"). */
export function parseView(payload: unknown): ParsedView {
  const parsed = outboxViewSchema.safeParse(payload);
  if (parsed.success) return { ok: true, view: parsed.data };
  const kind =
    typeof payload === "object" && payload !== null && "kind" in payload ? payload.kind : undefined;
  if (!VIEW_KINDS.has(kind)) {
    const named = typeof kind === "string" ? `"${kind.slice(0, 40)}"` : "none";
    return { ok: false, reason: `malformed payload: not a view this version knows (kind: ${named})` };
  }
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  return { ok: false, reason: `malformed payload: ${where}${issue?.message ?? "invalid"}` };
}

/** The reply back from a view, its charts rendered now. */
export async function fromView(view: OutboxView, renderer: ChartRenderer): Promise<Reply> {
  const { timestamp, ...rest } = view.reply;
  const charts = [];
  for (const c of view.kind === "digest" ? view.charts : []) {
    charts.push({
      filename: c.filename,
      alt: c.alt,
      png: await renderer.render(c.spec),
      ...(c.section !== undefined ? { section: c.section } : {}),
    });
  }
  return {
    ...rest,
    ...(timestamp ? { timestamp: new Date(timestamp) } : {}),
    ...(charts.length > 0 ? { charts } : {}),
  };
}
