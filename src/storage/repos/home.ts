import { and, asc, eq, gte, inArray, lt } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { channels, shops, slackHomeVisits, workspaceShops, workspaces } from "../schema/index.ts";

/**
 * A workspace's chat channels with their digest settings, for the Slack Home tab. Direct-message
 * channels (the Home tab's own, D…) are left out: a digest goes to a channel. The zone falls back to
 * the first linked shop's, as the digest itself does.
 */
export async function listDigestSettings(db: Tx, platform: string, externalId: string) {
  const [workspace] = await db
    .select({ id: workspaces.id })
    .from(workspaces)
    .where(and(eq(workspaces.platform, platform), eq(workspaces.externalId, externalId)));
  if (!workspace) return [];
  const [rows, [firstShop]] = await Promise.all([
    db
      .select({
        channel: channels.externalId,
        enabled: channels.digestEnabled,
        time: channels.digestTime,
        zone: channels.digestZone,
      })
      .from(channels)
      .where(eq(channels.workspaceId, workspace.id))
      .orderBy(asc(channels.id)),
    db
      .select({ timezone: shops.timezone })
      .from(workspaceShops)
      .innerJoin(shops, eq(shops.id, workspaceShops.shopId))
      .where(eq(workspaceShops.workspaceId, workspace.id))
      .orderBy(asc(workspaceShops.createdAt), asc(shops.id))
      .limit(1),
  ]);
  return rows
    .filter((r) => !r.channel.startsWith("D"))
    .map((r) => ({
      channel: r.channel,
      enabled: r.enabled,
      time: r.time,
      zone: r.zone ?? firstShop?.timezone ?? "UTC",
      zoneIsDefault: r.zone === null,
    }));
}

/** The external ids of the workspaces of `platform` that see any of these shops. */
export async function workspacesOfShops(db: Tx, platform: string, shopIds: readonly number[]) {
  if (shopIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ externalId: workspaces.externalId })
    .from(workspaceShops)
    .innerJoin(workspaces, eq(workspaces.id, workspaceShops.workspaceId))
    .where(and(eq(workspaces.platform, platform), inArray(workspaceShops.shopId, [...shopIds])));
  return rows.map((r) => r.externalId);
}

/** Someone opened the Slack Home tab now (one row per user, the latest opening). */
export async function recordHomeVisit(
  db: Tx,
  visit: { teamId: string; userId: string; channelId: string; at: Date },
): Promise<void> {
  await db
    .insert(slackHomeVisits)
    .values({ teamId: visit.teamId, userId: visit.userId, channelId: visit.channelId, openedAt: visit.at })
    .onConflictDoUpdate({
      target: [slackHomeVisits.teamId, slackHomeVisits.userId],
      set: { channelId: visit.channelId, openedAt: visit.at },
    });
}

/**
 * Who opened the Home tab since `since` in these workspaces (any replica received it); older
 * openings are deleted on the way, so the table stays as small as a day's visitors.
 */
export async function listHomeVisits(db: Tx, teamIds: readonly string[], since: Date) {
  await db.delete(slackHomeVisits).where(lt(slackHomeVisits.openedAt, since));
  if (teamIds.length === 0) return [];
  return db
    .select({
      teamId: slackHomeVisits.teamId,
      userId: slackHomeVisits.userId,
      channelId: slackHomeVisits.channelId,
      openedAt: slackHomeVisits.openedAt,
    })
    .from(slackHomeVisits)
    .where(and(inArray(slackHomeVisits.teamId, [...teamIds]), gte(slackHomeVisits.openedAt, since)))
    .orderBy(asc(slackHomeVisits.teamId), asc(slackHomeVisits.userId));
}
