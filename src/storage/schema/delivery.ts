import { bigserial, boolean, index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, instant } from "./columns.ts";

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
    platform: text("platform").notNull(),
    channel: text("channel").notNull(),
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: text("status").notNull().default("pending"),
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
