import { z } from "zod";
import type { ChartRenderer, ChartSpec } from "../charts/port.ts";
import type { Reply } from "../core/reply.ts";
import { LOCALES } from "../i18n/index.ts";

/** A chart kept as its spec: a few KB per outbox row instead of a picture. */
export interface PayloadChart {
  spec: ChartSpec;
  filename: string;
  alt: string;
  /** The section it illustrates. */
  section?: number;
}

/** The reply as stored in a row: no PNGs, the timestamp as ISO text. */
export type StoredReply = Omit<Reply, "charts" | "timestamp" | "actions"> & { timestamp?: string };

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
  locale: z.enum(LOCALES).exactOptional(),
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

/** What a button on a message does; `ACTION_LABEL` is what it says. */
export const ACTION_KINDS = ["breakdown", "chart", "payouts", "snooze", "mute", "ack"] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];
export const ACTION_LABEL: Record<ActionKind, string> = {
  breakdown: "Breakdown",
  chart: "Chart",
  payouts: "Payouts",
  snooze: "Snooze 24 h",
  mute: "Mute this rule",
  ack: "Acknowledge",
};

/**
 * A button as the view keeps it: what it does and for what. It never reaches a platform: at send
 * time each one becomes an opaque token stored with these fields (src/storage/repos/actions.ts).
 */
export interface ActionIntent {
  kind: ActionKind;
  shopId?: number;
  /** The period the view buttons answer for (a period spec: yesterday, 30d…). */
  period?: string;
  ruleId?: number;
}
const intentSchema: z.ZodType<ActionIntent> = z.object({
  kind: z.enum(ACTION_KINDS),
  shopId: z.number().int().positive().exactOptional(),
  period: z.string().max(40).exactOptional(),
  ruleId: z.number().int().positive().exactOptional(),
});
/** Absent on rows queued before buttons existed: they are sent without any. */
const intents = z.array(intentSchema).max(10).exactOptional();

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
  z.object({ kind: z.literal("digest"), reply: replySchema, charts: z.array(chartSchema), intents }),
  z.object({ kind: z.enum(PAYOUT), reply: replySchema, intents }),
  z.object({ kind: z.enum(THRESHOLD), reply: replySchema, intents }),
  z.object({ kind: z.literal("goal"), reply: replySchema, intents }),
  z.object({ kind: z.literal("sync_trouble"), reply: replySchema, intents }),
  z.object({ kind: z.literal("commission_settled"), reply: replySchema, intents }),
  z.object({ kind: z.enum(NOTICE), reply: replySchema, intents }),
]);

export type OutboxView = z.infer<typeof outboxViewSchema>;
export type ViewKind = OutboxView["kind"];
const VIEW_KINDS: ReadonlySet<unknown> = new Set([
  "digest",
  ...PAYOUT,
  ...THRESHOLD,
  "goal",
  "sync_trouble",
  "commission_settled",
  ...NOTICE,
] satisfies ViewKind[]);
/** The views without charts: every alert and notice. */
export type AlertKind = Exclude<ViewKind, "digest">;

function storeReply(reply: Reply): StoredReply {
  const { charts: _png, actions: _tokens, timestamp, ...rest } = reply;
  return { ...rest, ...(timestamp ? { timestamp: timestamp.toISOString() } : {}) };
}

/** An alert or notice view of a reply (its charts, if any, are not kept), with its buttons. */
export function alertView(kind: AlertKind, reply: Reply, buttons: readonly ActionIntent[] = []): OutboxView {
  return { kind, reply: storeReply(reply), ...(buttons.length > 0 ? { intents: [...buttons] } : {}) };
}

/** A digest view: the reply and the specs of its charts, with its buttons. */
export function digestView(
  reply: Reply,
  charts: readonly PayloadChart[],
  buttons: readonly ActionIntent[] = [],
): OutboxView {
  return {
    kind: "digest",
    reply: storeReply(reply),
    charts: [...charts],
    ...(buttons.length > 0 ? { intents: [...buttons] } : {}),
  };
}

/** The buttons a view asks for (none for notices and rows queued before buttons existed). */
export function intentsOf(view: OutboxView): readonly ActionIntent[] {
  return view.intents ?? [];
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
