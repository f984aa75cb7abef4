import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { channels, digestState, workspaces } from "../schema/index.ts";

/** Channels with the digest on, their workspace's platform, and when each last had one. */
export async function readDigestChannels(db: Tx) {
  return db
    .select({ channel: channels, platform: workspaces.platform, state: digestState })
    .from(channels)
    .innerJoin(workspaces, eq(workspaces.id, channels.workspaceId))
    .leftJoin(digestState, eq(digestState.channelId, channels.id))
    .where(eq(channels.digestEnabled, true))
    .orderBy(asc(channels.id));
}

/** The channels of one workspace with the digest on (for /balance status). */
export async function listWorkspaceDigestChannels(db: Tx, workspaceId: number) {
  return db
    .select({
      externalId: channels.externalId,
      digestTime: channels.digestTime,
      digestZone: channels.digestZone,
    })
    .from(channels)
    .where(and(eq(channels.workspaceId, workspaceId), eq(channels.digestEnabled, true)))
    .orderBy(asc(channels.id));
}

/** Records that a channel had (or, turned on late, skips) its digest of `date`. */
export async function recordDigestDate(
  db: Tx,
  channelId: number,
  date: string,
  at: Date,
  options: { onlyIfNew?: boolean } = {},
) {
  const insert = db.insert(digestState).values({ channelId, lastDate: date, lastSentAt: at });
  if (options.onlyIfNew) await insert.onConflictDoNothing();
  else
    await insert.onConflictDoUpdate({
      target: digestState.channelId,
      set: { lastDate: date, lastSentAt: at },
    });
}
