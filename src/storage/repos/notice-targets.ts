import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "../database.ts";
import {
  alertRules,
  channels,
  isOutboxPlatform,
  type OutboxPlatform,
  oauthStates,
  workspaceShops,
  workspaces,
} from "../schema/index.ts";

/** A channel to post to: the outbox needs the workspace, the platform and the channel's own id. */
export interface NoticeTarget {
  workspaceId: number;
  /** channels.id, for dedupe keys. */
  channelId: number;
  platform: OutboxPlatform;
  /** The platform's channel id. */
  channel: string;
}

/**
 * Who hears about the authorization of these shops: in every workspace linked to one of them,
 * the channels a shop was connected from and the channels that get alerts or the digest. A
 * workspace with none of those hears it in its first channel, so a problem is never silent.
 */
export async function shopNoticeTargets(db: Tx, shopIds: readonly number[]): Promise<NoticeTarget[]> {
  if (shopIds.length === 0) return [];
  const linked = await db
    .selectDistinct({ workspaceId: workspaceShops.workspaceId })
    .from(workspaceShops)
    .where(inArray(workspaceShops.shopId, [...shopIds]));
  const targets: NoticeTarget[] = [];
  for (const { workspaceId } of linked) {
    const all = await db
      .select({
        workspaceId: workspaces.id,
        channelId: channels.id,
        platform: workspaces.platform,
        channel: channels.externalId,
        listening: sql<boolean>`(${channels.digestEnabled}
          or exists (select 1 from ${alertRules} r where r.channel_id = ${channels.id})
          or exists (select 1 from ${oauthStates} s where s.workspace_id = ${workspaces.id}
                and s.channel = ${channels.externalId} and s.used_at is not null))`,
      })
      .from(channels)
      .innerJoin(workspaces, eq(workspaces.id, channels.workspaceId))
      .where(eq(channels.workspaceId, workspaceId))
      .orderBy(asc(channels.id));
    const listening = all.filter((c) => c.listening === true);
    for (const c of listening.length > 0 ? listening : all.slice(0, 1)) {
      const { platform } = c;
      // A workspace of a platform the outbox does not know could never be posted to.
      if (!isOutboxPlatform(platform)) continue;
      targets.push({ workspaceId: c.workspaceId, channelId: c.channelId, platform, channel: c.channel });
    }
  }
  return targets;
}
