import { bigserial, index, integer, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { createdAt, instant } from "./columns.ts";
import { shops } from "./shops.ts";

/** Per shop and resource: the incremental cursor and the health a `/balance status` shows. */
export const syncState = pgTable(
  "sync_state",
  {
    shopId: integer("shop_id")
      .notNull()
      .references(() => shops.id, { onDelete: "cascade" }),
    resource: text("resource").notNull(),
    cursor: instant("cursor"),
    lastAttemptAt: instant("last_attempt_at"),
    lastSuccessAt: instant("last_success_at"),
    lastError: text("last_error"),
    lastErrorCode: text("last_error_code"),
    lastRequestId: text("last_request_id"),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.resource] })],
);

/** Facts detected by sync (new statement, payout paid, payout failed) for alerting. */
export const domainEvents = pgTable(
  "domain_events",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    shopId: integer("shop_id")
      .notNull()
      .references(() => shops.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    dedupeKey: text("dedupe_key").notNull().unique(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    occurredAt: instant("occurred_at").notNull(),
    /** Set once alerting has turned the event into outbox rows (in the same transaction). */
    processedAt: instant("processed_at"),
    /** Why alerting could not use this event (a malformed payload, say); set instead of processedAt. */
    parkedReason: text("parked_reason"),
    createdAt: createdAt(),
  },
  (t) => [
    index("domain_events_shop_created").on(t.shopId, t.createdAt),
    index("domain_events_unprocessed").on(t.processedAt),
  ],
);

/**
 * What sync could not fully read, per shop and record (issue 11 item 3): "unknown" records were
 * stored with a raw value this version does not know; "skipped" ones were not stored. Shown in
 * `/balance status`; a record's rows are replaced whenever it is read again.
 */
export const readAnomalies = pgTable(
  "read_anomalies",
  {
    shopId: integer("shop_id")
      .notNull()
      .references(() => shops.id, { onDelete: "cascade" }),
    resource: text("resource").notNull(),
    /** The record id, or "field=value" for a record without one. */
    recordKey: text("record_key").notNull(),
    field: text("field").notNull(),
    kind: text("kind").notNull(),
    value: text("value").notNull(),
    lastSeenAt: instant("last_seen_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.resource, t.recordKey, t.field] })],
);

/**
 * Who syncs a shop and when it is next due (issue 17 item 5). Every replica claims due shops
 * whose lease is free or expired (`FOR UPDATE SKIP LOCKED`), renews the lease while it syncs,
 * and releases it with the next due time; a crashed replica's shops are claimed again once
 * `lease_until` has passed. Times are the database's clock, so replicas never compare their own.
 */
export const shopSyncLeases = pgTable(
  "shop_sync_leases",
  {
    shopId: integer("shop_id")
      .primaryKey()
      .references(() => shops.id, { onDelete: "cascade" }),
    nextDueAt: instant("next_due_at").notNull().defaultNow(),
    leasedBy: text("leased_by"),
    leaseUntil: instant("lease_until"),
    /** When the current (or last) holder claimed it: the lag of a shop is this minus next_due_at. */
    claimedAt: instant("claimed_at"),
    lastSyncedAt: instant("last_synced_at"),
  },
  (t) => [index("shop_sync_leases_due").on(t.nextDueAt)],
);
