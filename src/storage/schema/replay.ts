import { index, pgTable, text } from "drizzle-orm/pg-core";
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
