/**
 * The neutral reply every command returns and every adapter renders (console text, Block Kit,
 * Discord embeds). Adapters never compute money: amounts arrive here already formatted.
 */
export type ReplyKind = "report" | "info" | "success" | "warning" | "error" | "alert" | "digest";

/** Which money clock a figure is on; every figure says it. */
export type Clock = "pending" | "settled" | "paid" | "reserve";

export const CLOCK_LABEL: Record<Clock, string> = {
  pending: "pending (est.)",
  settled: "settled",
  paid: "paid out",
  reserve: "reserve held",
};

/**
 * A field's label naming its clock once: "Revenue · settled", "Pending (est.)", and "Settled,
 * awaiting payout" as is (its label already says it).
 */
export function clockedLabel(field: Pick<ReplyField, "label" | "clock">): string {
  const name = field.label.trim();
  if (!field.clock) return name;
  const clockLabel = CLOCK_LABEL[field.clock];
  const keyword = clockLabel.split(/[ ,]/)[0] ?? field.clock;
  if (!name.toLowerCase().includes(keyword)) return `${name} · ${clockLabel}`;
  if (field.clock === "pending" && !name.toLowerCase().includes("est.")) return `${name} (est.)`;
  return name;
}

export interface ReplyField {
  label: string;
  value: string;
  /** A short second line, e.g. "3 statements" or "vs $1,020.00 last Tue (+4.2%)". */
  detail?: string;
  clock?: Clock;
}

export interface ReplyTable {
  columns: { label: string; align?: "left" | "right" }[];
  rows: string[][];
}

export interface ReplySection {
  title?: string;
  fields?: ReplyField[];
  table?: ReplyTable;
  notes?: string[];
}

export interface ReplyChart {
  filename: string;
  png: Uint8Array;
  /** Alt text / caption: what the chart shows, its period, zone and currency. */
  alt: string;
  /** The index of the section it illustrates (one chart per shop sits with that shop's section). */
  section?: number;
}

/**
 * A button under a message. `id` is an opaque token the platform sends back on a click (custom_id,
 * action value, or the console's number); what it does is looked up in Postgres.
 */
export interface ReplyAction {
  id: string;
  label: string;
  style?: "primary" | "danger";
}

export interface Reply {
  kind: ReplyKind;
  title: string;
  /** One plain line: notification fallback text and the console's first line under the title. */
  summary?: string;
  /** What a reader needs first, one line per shop (the balance: how much, and when); shown above everything. */
  headline?: string[];
  sections: ReplySection[];
  /** "as of 10:42 UTC · data from sync 3 min ago · period … · zone …". */
  footer?: string;
  /** Images uploaded as files with the message, in order (one per shop for a chart or digest). */
  charts?: ReplyChart[];
  /** Buttons under the message (digests and alerts); absent on command answers. */
  actions?: ReplyAction[];
  /** Shown only to the person who typed the command (errors, refusals, settings confirmations). */
  ephemeral: boolean;
  /** When the figures were true; adapters that show timestamps use it. */
  timestamp?: Date;
  /** A correlation id, shown on internal errors so the log line can be found. */
  correlationId?: string;
}

export function reply(init: Partial<Reply> & Pick<Reply, "title">): Reply {
  return { kind: "report", sections: [], ephemeral: false, ...init };
}
