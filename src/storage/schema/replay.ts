import { index, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { instant } from "./columns.ts";

/**
 * Signed requests already served (Slack: the verified hash and timestamp), kept until their
 * timestamp leaves the 5-minute window. In the database so every replica refuses a replay that
 * another one served; rows are short-lived and purged as new ones arrive.
 */
export const seenRequests = pgTable(
  "seen_requests",
  {
    key: text("key").primaryKey(),
    expiresAt: instant("expires_at").notNull(),
  },
  (t) => [index("seen_requests_expires").on(t.expiresAt)],
);

/**
 * Who opened the Slack Home tab, and when (their Home is republished after each sync for a day).
 * In the database, not in one process's memory: the replica that runs a sync is rarely the one
 * that received `app_home_opened`.
 */
export const slackHomeVisits = pgTable(
  "slack_home_visits",
  {
    teamId: text("team_id").notNull(),
    userId: text("user_id").notNull(),
    /** The Home tab's own channel (D…), where the tab's commands are answered. */
    channelId: text("channel_id").notNull(),
    openedAt: instant("opened_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index("slack_home_visits_opened").on(t.openedAt)],
);
