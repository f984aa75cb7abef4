import { and, asc, eq, inArray } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { channels, shops, workspaceShops, workspaces } from "../schema/index.ts";

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
