import { LOCALES, type Locale, translator } from "../i18n/index.ts";

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

const CLOCK_KEY = {
  pending: "core.clockPending",
  settled: "core.clockSettled",
  paid: "core.clockPaid",
  reserve: "core.clockReserve",
} as const;

/** A clock's name in a language: "pending (est.)", "đang chờ (ước tính)". */
export function clockLabelIn(clock: Clock, locale: Locale): string {
  return translator(locale).t(CLOCK_KEY[clock]);
}

/** What a label must contain to name a clock: English's first word ("settled"), else the whole name. */
function clockWord(clock: Clock, locale: Locale): string {
  const label = clockLabelIn(clock, locale).toLowerCase();
  if (locale === "en") return label.split(/[ ,(]/)[0] ?? label;
  return label.replace(/\(.*\)/, "").trim();
}

/**
 * A field's label naming its clock once: "Revenue · settled", "Pending (est.)", and "Settled,
 * awaiting payout" as is (its label already says it). A label that already names its clock in
 * any language is left alone, so a reply localized by `localizeClocks` renders the same everywhere.
 */
export function clockedLabel(field: Pick<ReplyField, "label" | "clock">, locale: Locale = "en"): string {
  const name = field.label.trim();
  if (!field.clock) return name;
  const clock = field.clock;
  const lower = name.toLowerCase();
  const named = LOCALES.find((l) => lower.includes(clockWord(clock, l)));
  if (named === undefined) return `${name} · ${clockLabelIn(clock, locale)}`;
  const estimated = translator(named).t("core.estimated");
  const marker = estimated.replace(/[()]/g, "").toLowerCase();
  if (clock === "pending" && !lower.includes(marker)) return `${name} ${estimated}`;
  return name;
}

/**
 * The reply with every clocked field's label already naming its clock in `locale` (adapters then
 * leave it as is), marked with its language so adapters write their own notes in it too. English
 * replies are returned unchanged.
 */
export function localizeClocks(reply: Reply, locale: Locale): Reply {
  if (locale === "en") return reply;
  return {
    ...reply,
    locale,
    sections: reply.sections.map((section) =>
      section.fields
        ? {
            ...section,
            fields: section.fields.map((f) => (f.clock ? { ...f, label: clockedLabel(f, locale) } : f)),
          }
        : section,
    ),
  };
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
  /** The reply's language when not English: adapters write their own notes ("…and 3 more rows") in it. */
  locale?: Locale;
}

export function reply(init: Partial<Reply> & Pick<Reply, "title">): Reply {
  return { kind: "report", sections: [], ephemeral: false, ...init };
}
