import { randomBytes } from "node:crypto";
import { and, asc, eq, gt, isNotNull, isNull, lte, or } from "drizzle-orm";
import type { Tx } from "../database.ts";
import {
  alertRuleChanges,
  alertRules,
  channels,
  messageAcks,
  messageActions,
  outbox,
  shops,
  workspaces,
} from "../schema/index.ts";

/** What a button asks for, as stored with its token. */
export interface StoredIntent {
  kind: string;
  shopId?: number;
  period?: string;
  ruleId?: number;
}

/** 18 random bytes: a token nobody can guess, 24 characters (well under Slack's 2000 and Discord's 100). */
function newToken(): string {
  return `ba_${randomBytes(18).toString("base64url")}`;
}

/**
 * The tokens of a message's buttons, in order. Minted once per outbox row: a row sent again
 * (a retry after a crash) gets the same tokens back, so a button already posted keeps working.
 */
export async function mintActionTokens(
  db: Tx,
  outboxId: number,
  workspaceId: number,
  intents: readonly StoredIntent[],
): Promise<string[]> {
  if (intents.length === 0) return [];
  await db
    .insert(messageActions)
    .values(
      intents.map((intent, position) => ({
        token: newToken(),
        outboxId,
        position,
        workspaceId,
        kind: intent.kind,
        shopId: intent.shopId ?? null,
        period: intent.period ?? null,
        ruleId: intent.ruleId ?? null,
      })),
    )
    .onConflictDoNothing({ target: [messageActions.outboxId, messageActions.position] });
  const rows = await db
    .select({ token: messageActions.token })
    .from(messageActions)
    .where(eq(messageActions.outboxId, outboxId))
    .orderBy(asc(messageActions.position));
  return rows.map((r) => r.token);
}

/** A clicked token, its message (the outbox row) and the workspace it was posted in. */
export async function readActionToken(db: Tx, token: string) {
  const [row] = await db
    .select({
      token: messageActions.token,
      outboxId: messageActions.outboxId,
      position: messageActions.position,
      workspaceId: messageActions.workspaceId,
      kind: messageActions.kind,
      shopId: messageActions.shopId,
      period: messageActions.period,
      ruleId: messageActions.ruleId,
      payload: outbox.payload,
      messageId: outbox.messageId,
      channel: outbox.channel,
      platform: outbox.platform,
      messageKind: outbox.kind,
    })
    .from(messageActions)
    .innerJoin(outbox, eq(outbox.id, messageActions.outboxId))
    .where(eq(messageActions.token, token));
  return row;
}

/** The tokens of a message, in order (to draw it again after a click). */
export async function readMessageTokens(db: Tx, outboxId: number) {
  return db
    .select({ token: messageActions.token, kind: messageActions.kind })
    .from(messageActions)
    .where(eq(messageActions.outboxId, outboxId))
    .orderBy(asc(messageActions.position));
}

/** A workspace's id, without creating it (a click never creates a workspace). */
export async function findWorkspaceId(
  db: Tx,
  platform: string,
  externalId: string,
): Promise<number | undefined> {
  const [row] = await db
    .select({ id: workspaces.id })
    .from(workspaces)
    .where(and(eq(workspaces.platform, platform), eq(workspaces.externalId, externalId)));
  return row?.id;
}

export async function readShopById(db: Tx, shopId: number) {
  const [row] = await db
    .select({ id: shops.id, name: shops.name, timezone: shops.timezone, externalId: shops.externalId })
    .from(shops)
    .where(eq(shops.id, shopId));
  return row;
}

/**
 * Records the acknowledgement of a message; true only for the first. The primary key on the
 * message makes two clicks, or the same click on two replicas, one acknowledgement.
 */
export async function recordAck(
  db: Tx,
  ack: { outboxId: number; userId: string; userLabel: string; at: Date },
): Promise<boolean> {
  const rows = await db
    .insert(messageAcks)
    .values(ack)
    .onConflictDoNothing()
    .returning({ outboxId: messageAcks.outboxId });
  return rows.length > 0;
}

export async function readAck(db: Tx, outboxId: number) {
  const [row] = await db.select().from(messageAcks).where(eq(messageAcks.outboxId, outboxId));
  return row;
}

export async function readAlertRule(db: Tx, workspaceId: number, ruleId: number) {
  const [row] = await db
    .select()
    .from(alertRules)
    .where(and(eq(alertRules.id, ruleId), eq(alertRules.workspaceId, workspaceId)));
  return row;
}

/**
 * The `sync_trouble` rule of a channel and shop (src/storage/schema/settings.ts), created on first
 * use; undefined when the channel is gone. Its unique index makes two first clicks (or replicas)
 * one row.
 */
export async function ensureSyncTroubleRule(
  db: Tx,
  rule: { workspaceId: number; channel: string; shopId: number; createdBy: string },
) {
  const [channel] = await db
    .select({ id: channels.id })
    .from(channels)
    .where(and(eq(channels.workspaceId, rule.workspaceId), eq(channels.externalId, rule.channel)));
  if (!channel) return undefined;
  await db
    .insert(alertRules)
    .values({
      workspaceId: rule.workspaceId,
      channelId: channel.id,
      shopId: rule.shopId,
      kind: "sync_trouble",
      createdBy: rule.createdBy,
    })
    .onConflictDoNothing();
  const [row] = await db
    .select()
    .from(alertRules)
    .where(
      and(
        eq(alertRules.channelId, channel.id),
        eq(alertRules.shopId, rule.shopId),
        eq(alertRules.kind, "sync_trouble"),
      ),
    );
  return row;
}

/** Snoozes a rule that is neither muted nor already snoozed at `now`; false when it was. */
export async function snoozeRule(db: Tx, ruleId: number, until: Date, now: Date): Promise<boolean> {
  const rows = await db
    .update(alertRules)
    .set({ snoozedUntil: until })
    .where(
      and(
        eq(alertRules.id, ruleId),
        isNull(alertRules.mutedAt),
        or(isNull(alertRules.snoozedUntil), lte(alertRules.snoozedUntil, now)),
      ),
    )
    .returning({ id: alertRules.id });
  return rows.length > 0;
}

/** Ends a snooze still running at `now`; false when there was none. */
export async function unsnoozeRule(db: Tx, ruleId: number, now: Date): Promise<boolean> {
  const rows = await db
    .update(alertRules)
    .set({ snoozedUntil: null })
    .where(and(eq(alertRules.id, ruleId), gt(alertRules.snoozedUntil, now)))
    .returning({ id: alertRules.id });
  return rows.length > 0;
}

/** Mutes a rule not muted yet; false when it was. */
export async function muteRule(db: Tx, ruleId: number, at: Date): Promise<boolean> {
  const rows = await db
    .update(alertRules)
    .set({ mutedAt: at })
    .where(and(eq(alertRules.id, ruleId), isNull(alertRules.mutedAt)))
    .returning({ id: alertRules.id });
  return rows.length > 0;
}

/** Unmutes a muted rule; false when it was not muted. */
export async function unmuteRule(db: Tx, ruleId: number): Promise<boolean> {
  const rows = await db
    .update(alertRules)
    .set({ mutedAt: null })
    .where(and(eq(alertRules.id, ruleId), isNotNull(alertRules.mutedAt)))
    .returning({ id: alertRules.id });
  return rows.length > 0;
}

export async function recordRuleChange(db: Tx, change: typeof alertRuleChanges.$inferInsert): Promise<void> {
  await db.insert(alertRuleChanges).values(change);
}

export async function listRuleChanges(db: Tx, ruleId: number) {
  return db
    .select()
    .from(alertRuleChanges)
    .where(eq(alertRuleChanges.ruleId, ruleId))
    .orderBy(asc(alertRuleChanges.id));
}
