import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
import { amount, createdAt, instant } from "./columns.ts";
import { shops } from "./shops.ts";
import { channels, workspaces } from "./workspaces.ts";

/** A revenue or settlement goal of a workspace for one shop (amounts are in the shop's currency). */
export const goals = pgTable(
  "goals",
  {
    id: serial("id").primaryKey(),
    workspaceId: integer("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    shopId: integer("shop_id")
      .notNull()
      .references(() => shops.id, { onDelete: "cascade" }),
    amount: amount("amount").notNull(),
    currency: text("currency").notNull(),
    cadence: text("cadence").notNull(),
    metric: text("metric").notNull(),
    milestones: boolean("milestones").notNull().default(true),
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("goals_workspace").on(t.workspaceId)],
);

/**
 * An alert rule of one channel. Threshold rules (above/below) fire once on crossing and re-arm
 * only after the balance recovers past `recover`. A `sync_trouble` rule is implicit: every channel
 * that hears a shop hears its sync trouble; the row is created by the first Snooze or Mute click on
 * a sync-trouble message and only holds that state (one per channel and shop).
 */
export const alertRules = pgTable(
  "alert_rules",
  {
    id: serial("id").primaryKey(),
    workspaceId: integer("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    channelId: integer("channel_id")
      .notNull()
      .references(() => channels.id, { onDelete: "cascade" }),
    shopId: integer("shop_id").references(() => shops.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    threshold: amount("threshold"),
    recover: amount("recover"),
    currency: text("currency"),
    armed: boolean("armed").notNull().default(true),
    /** How often a threshold rule has fired; part of each firing's dedupe key. */
    crossings: integer("crossings").notNull().default(0),
    lastFiredAt: instant("last_fired_at"),
    /** Why evaluation skips this rule (e.g. a currency no one can parse); shown in /balance status. */
    parkedReason: text("parked_reason"),
    /** The rule does not fire before this time (a snooze from a button or a command). */
    snoozedUntil: instant("snoozed_until"),
    /** Set while the rule is muted (disabled until `/balance alerts unmute`). */
    mutedAt: instant("muted_at"),
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("alert_rules_workspace").on(t.workspaceId),
    uniqueIndex("alert_rules_sync_trouble").on(t.channelId, t.shopId).where(sql`${t.kind} = 'sync_trouble'`),
  ],
);
