import { sql } from "drizzle-orm";
import { bigserial, boolean, check, index, integer, jsonb, pgEnum, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, instant } from "./columns.ts";

/** The chat platforms a message can go to (the core's `Platform`; delivery checks they agree). */
export const platformEnum = pgEnum("platform", ["console", "slack", "discord", "telegram", "line"]);
export type OutboxPlatform = (typeof platformEnum.enumValues)[number];

/** Whether a workspace's platform (a text column) is one the outbox can deliver to. */
export function isOutboxPlatform(value: string): value is OutboxPlatform {
  return (platformEnum.enumValues as readonly string[]).includes(value);
}

/** pending → sending → sent, or parked (with `last_error` saying why) when it can never be sent. */
export const OUTBOX_STATUSES = ["pending", "sending", "sent", "parked"] as const;

/**
 * Every digest and alert is a row here, with a unique dedupe key, before anything is sent.
 * Workers claim rows with FOR UPDATE SKIP LOCKED; `message_id` is the platform's id once sent.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    dedupeKey: text("dedupe_key").notNull().unique(),
    workspaceId: integer("workspace_id").notNull(),
    platform: platformEnum("platform").notNull(),
    channel: text("channel").notNull(),
    /** The view's kind (digest, payout_paid, …), the same as `payload.kind`. */
    kind: text("kind").notNull(),
    /** An `OutboxView` (src/delivery/payload.ts); parsed when claimed, so read as unknown. */
    payload: jsonb("payload").$type<unknown>().notNull(),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: instant("next_attempt_at").notNull().defaultNow(),
    lastError: text("last_error"),
    messageId: text("message_id"),
    late: boolean("late").notNull().default(false),
    createdAt: createdAt(),
    sentAt: instant("sent_at"),
  },
  (t) => [
    index("outbox_due").on(t.status, t.nextAttemptAt),
    index("outbox_channel").on(t.platform, t.channel, t.id),
    check("outbox_status_known", sql`${t.status} in ('pending', 'sending', 'sent', 'parked')`),
  ],
);

/** One row per scheduled fire (job + minute): whoever inserts it runs it, on exactly one replica. */
export const jobRuns = pgTable("job_runs", {
  key: text("key").primaryKey(),
  job: text("job").notNull(),
  owner: text("owner").notNull(),
  startedAt: instant("started_at").notNull().defaultNow(),
  finishedAt: instant("finished_at"),
});

/** Per channel: the last local date a digest was enqueued for (so a missed one is sent once, late). */
export const digestState = pgTable("digest_state", {
  channelId: integer("channel_id").primaryKey(),
  lastDate: text("last_date").notNull(),
  lastSentAt: instant("last_sent_at").notNull(),
});
