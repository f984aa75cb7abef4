import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { alertRules, channels, goals } from "../schema/index.ts";

export type GoalRow = typeof goals.$inferSelect;
export type AlertRuleRow = typeof alertRules.$inferSelect;
export type ChannelRow = typeof channels.$inferSelect;

export async function insertGoal(db: Tx, goal: typeof goals.$inferInsert): Promise<GoalRow> {
  const [row] = await db.insert(goals).values(goal).returning();
  return row!;
}

export async function listGoals(db: Tx, workspaceId: number): Promise<GoalRow[]> {
  return db.select().from(goals).where(eq(goals.workspaceId, workspaceId)).orderBy(asc(goals.id));
}

/** Deletes only within the workspace: another workspace's id is "not found", never deleted. */
export async function deleteGoal(db: Tx, workspaceId: number, id: number): Promise<boolean> {
  const rows = await db
    .delete(goals)
    .where(and(eq(goals.workspaceId, workspaceId), eq(goals.id, id)))
    .returning({ id: goals.id });
  return rows.length > 0;
}

export async function insertAlertRule(db: Tx, rule: typeof alertRules.$inferInsert): Promise<AlertRuleRow> {
  const [row] = await db.insert(alertRules).values(rule).returning();
  return row!;
}

export async function listAlertRules(db: Tx, workspaceId: number): Promise<AlertRuleRow[]> {
  return db
    .select()
    .from(alertRules)
    .where(eq(alertRules.workspaceId, workspaceId))
    .orderBy(asc(alertRules.id));
}

export async function deleteAlertRule(db: Tx, workspaceId: number, id: number): Promise<boolean> {
  const rows = await db
    .delete(alertRules)
    .where(and(eq(alertRules.workspaceId, workspaceId), eq(alertRules.id, id)))
    .returning({ id: alertRules.id });
  return rows.length > 0;
}

export async function readChannel(db: Tx, channelId: number): Promise<ChannelRow | null> {
  const [row] = await db.select().from(channels).where(eq(channels.id, channelId));
  return row ?? null;
}

export async function updateDigestSettings(
  db: Tx,
  channelId: number,
  settings: Partial<Pick<ChannelRow, "digestEnabled" | "digestTime" | "digestZone">>,
): Promise<ChannelRow> {
  const [row] = await db.update(channels).set(settings).where(eq(channels.id, channelId)).returning();
  return row!;
}
