import { bigint, index, integer, pgTable, serial, text, unique } from "drizzle-orm/pg-core";
import { createdAt, instant } from "./columns.ts";
import { outbox } from "./delivery.ts";

/**
 * One button of one posted message. The platform only ever sees `token` (random, opaque); what
 * the button does and for which shop, period or rule is read here when it is clicked, so a click
 * works after a restart and a forged value names nothing. `rule_id` and `shop_id` carry no foreign
 * key on purpose: a click after the rule or shop is gone must find the row and say what happened.
 */
export const messageActions = pgTable(
  "message_actions",
  {
    id: serial("id").primaryKey(),
    token: text("token").notNull().unique(),
    outboxId: bigint("outbox_id", { mode: "number" })
      .notNull()
      .references(() => outbox.id, { onDelete: "cascade" }),
    /** The button's place on its message (a re-sent row gets the same tokens back). */
    position: integer("position").notNull(),
    workspaceId: integer("workspace_id").notNull(),
    kind: text("kind").notNull(),
    shopId: integer("shop_id"),
    period: text("period"),
    ruleId: integer("rule_id"),
    createdAt: createdAt(),
  },
  (t) => [unique("message_actions_position").on(t.outboxId, t.position)],
);

/** The one acknowledgement of a message: its primary key makes a second (or a replica's) a no-op. */
export const messageAcks = pgTable("message_acks", {
  outboxId: bigint("outbox_id", { mode: "number" })
    .primaryKey()
    .references(() => outbox.id, { onDelete: "cascade" }),
  userId: text("user_id").notNull(),
  /** How the person is shown (a platform mention, or a name). */
  userLabel: text("user_label").notNull(),
  at: instant("at").notNull(),
});

/** Every snooze, unsnooze, mute and unmute of an alert rule: who, when, and from which message. */
export const alertRuleChanges = pgTable(
  "alert_rule_changes",
  {
    id: serial("id").primaryKey(),
    ruleId: integer("rule_id").notNull(),
    workspaceId: integer("workspace_id").notNull(),
    change: text("change", { enum: ["snooze", "unsnooze", "mute", "unmute"] }).notNull(),
    /** A snooze's end. */
    until: instant("until"),
    userId: text("user_id").notNull(),
    /** "button" (with the message) or "command". */
    via: text("via").notNull(),
    /** The platform's message id of the message whose button was clicked. */
    messageId: text("message_id"),
    at: instant("at").notNull(),
  },
  (t) => [index("alert_rule_changes_rule").on(t.ruleId)],
);
