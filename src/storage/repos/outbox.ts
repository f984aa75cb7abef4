import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { type OutboxPlatform, outbox } from "../schema/index.ts";

/**
 * A row to write. `payload` is the typed view (src/delivery/payload.ts); write it through
 * `enqueueView`, which keeps `kind` and the payload's kind the same.
 */
export interface OutboxMessage {
  dedupeKey: string;
  workspaceId: number;
  platform: OutboxPlatform;
  channel: string;
  kind: string;
  payload: { kind: string };
  late?: boolean;
  /**
   * Due from this instant; default now, on the application's clock. Not the database's now():
   * it has microseconds, so a claim in the same millisecond would find the row not yet due.
   */
  dueAt?: Date;
}

/** Writes a message before anything is sent; a second enqueue of the same key is a no-op. */
export async function enqueue(db: Tx, message: OutboxMessage): Promise<boolean> {
  const { dueAt, ...row } = message;
  const rows = await db
    .insert(outbox)
    .values({ ...row, nextAttemptAt: dueAt ?? new Date() })
    .onConflictDoNothing()
    .returning({ id: outbox.id });
  return rows.length > 0;
}

export type OutboxRow = typeof outbox.$inferSelect;

/**
 * Claims due rows with FOR UPDATE SKIP LOCKED (so replicas share the work) and leases them for
 * `leaseMs`: a worker that dies mid-send leaves a row that becomes due again after the lease.
 * Only the oldest due row of each channel is claimed, so a channel's messages go out in order.
 */
export async function claimDue(
  db: Tx,
  options: { now: Date; limit: number; leaseMs: number; platforms: OutboxPlatform[] },
): Promise<OutboxRow[]> {
  if (options.platforms.length === 0) return [];
  const lease = new Date(options.now.getTime() + options.leaseMs);
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        and(
          inArray(outbox.status, ["pending", "sending"]),
          lte(outbox.nextAttemptAt, options.now),
          inArray(outbox.platform, options.platforms),
          sql`not exists (select 1 from outbox o2 where o2.platform = ${outbox.platform} and o2.channel = ${outbox.channel}
                and o2.id < ${outbox.id} and o2.status in ('pending', 'sending'))`,
        ),
      )
      .orderBy(asc(outbox.id))
      .limit(options.limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outbox)
      .set({ status: "sending", attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: lease })
      .where(
        inArray(
          outbox.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  });
}

/** A row the platform accepted: its id there, and when. */
export interface SentMark {
  id: number;
  messageId: string;
  at: Date;
}

/** Records many sends in one statement (one commit instead of one per row). */
export async function markSentMany(db: Tx, marks: readonly SentMark[]): Promise<void> {
  if (marks.length === 0) return;
  const values = sql.join(
    marks.map((m) => sql`(${m.id}::bigint, ${m.messageId}::text, ${m.at.toISOString()}::timestamptz)`),
    sql`, `,
  );
  await db.execute(sql`
    update outbox set status = 'sent', message_id = v.message_id, sent_at = v.sent_at, last_error = null
    from (values ${values}) as v(id, message_id, sent_at)
    where outbox.id = v.id`);
}

/** Back to pending at `nextAttemptAt`; `refund` gives back the attempt (a rate limit is not a failure). */
export async function markRetry(
  db: Tx,
  id: number,
  error: string,
  nextAttemptAt: Date,
  options: { refund?: boolean } = {},
): Promise<void> {
  await db
    .update(outbox)
    .set({
      status: "pending",
      lastError: error.slice(0, 500),
      nextAttemptAt,
      ...(options.refund ? { attempts: sql`greatest(${outbox.attempts} - 1, 0)` } : {}),
    })
    .where(eq(outbox.id, id));
}

export async function markParked(db: Tx, id: number, error: string): Promise<void> {
  await db
    .update(outbox)
    .set({ status: "parked", lastError: error.slice(0, 500) })
    .where(eq(outbox.id, id));
}

export async function listParked(db: Tx, workspaceId: number, limit: number) {
  return db
    .select()
    .from(outbox)
    .where(and(eq(outbox.status, "parked"), eq(outbox.workspaceId, workspaceId)))
    .orderBy(asc(outbox.id))
    .limit(limit);
}

/** Parked messages of every workspace, per reason (a gauge for /metrics). */
export async function countParkedByReason(db: Tx): Promise<{ reason: string; n: number }[]> {
  return db
    .select({ reason: sql<string>`coalesce(${outbox.lastError}, 'unknown')`, n: sql<number>`count(*)::int` })
    .from(outbox)
    .where(eq(outbox.status, "parked"))
    .groupBy(sql`1`);
}

export async function outboxDepth(db: Tx): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(outbox)
    .where(inArray(outbox.status, ["pending", "sending"]));
  return row?.n ?? 0;
}
