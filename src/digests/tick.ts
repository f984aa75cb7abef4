import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { enqueueView } from "../delivery/enqueue.ts";
import { digestView } from "../delivery/payload.ts";
import type { Logger } from "../log.ts";
import type { Db } from "../storage/database.ts";
import { listLinkedShops } from "../storage/repos/workspaces.ts";
import { channels, digestState, isOutboxPlatform, workspaces } from "../storage/schema/index.ts";
import { buildDigestView } from "./build.ts";

export interface DigestTickDeps {
  db: Db;
  log: Logger;
  clock: () => Date;
  sandbox: boolean;
}

/** A digest more than this late says so ("sent late"). */
const LATE_AFTER_MS = 15 * 60_000;

/**
 * Runs every minute: each channel whose local digest time has come today (in its IANA zone) and
 * that has not had today's digest gets exactly one, queued with the key digest:<channel>:<date>.
 * After downtime only today's is sent, once, marked late — never one per missed tick. A local
 * time that does not exist on a DST day (02:30 in spring) moves forward, as luxon does.
 */
export async function digestTick(deps: DigestTickDeps): Promise<number> {
  const now = deps.clock();
  const rows = await deps.db
    .select({ channel: channels, platform: workspaces.platform, state: digestState })
    .from(channels)
    .innerJoin(workspaces, eq(workspaces.id, channels.workspaceId))
    .leftJoin(digestState, eq(digestState.channelId, channels.id))
    .where(eq(channels.digestEnabled, true));
  let queued = 0;
  for (const { channel, platform, state } of rows) {
    if (!isOutboxPlatform(platform)) continue;
    const shops = await listLinkedShops(deps.db, channel.workspaceId);
    const zone = channel.digestZone ?? shops[0]?.timezone ?? "UTC";
    const local = DateTime.fromJSDate(now, { zone });
    const [hour = 9, minute = 0] = channel.digestTime.split(":").map((n) => Number.parseInt(n, 10));
    const due = DateTime.fromObject(
      { year: local.year, month: local.month, day: local.day, hour, minute },
      { zone },
    );
    const date = local.toISODate()!;
    if (now < due.toJSDate() || state?.lastDate === date) continue;
    const lateBy = now.getTime() - due.toMillis();
    if (!state && lateBy > LATE_AFTER_MS) {
      // Turned on after today's time: start tomorrow rather than post a "late" digest now.
      await deps.db
        .insert(digestState)
        .values({ channelId: channel.id, lastDate: date, lastSentAt: now })
        .onConflictDoNothing();
      continue;
    }
    const late = lateBy > LATE_AFTER_MS ? { dueAt: due.toJSDate() } : undefined;
    const view = await buildDigestView({
      db: deps.db,
      now,
      sandbox: deps.sandbox,
      workspaceId: channel.workspaceId,
      shops,
      zone,
      since: state?.lastSentAt ?? null,
      ...(late ? { late } : {}),
    });
    await deps.db.transaction(async (tx) => {
      queued += Number(
        await enqueueView(
          tx,
          { workspaceId: channel.workspaceId, platform, channel: channel.externalId },
          digestView(view.reply, view.charts),
          `digest:${channel.id}:${date}`,
          { dueAt: deps.clock(), late: !!late },
        ),
      );
      await tx
        .insert(digestState)
        .values({ channelId: channel.id, lastDate: date, lastSentAt: now })
        .onConflictDoUpdate({ target: digestState.channelId, set: { lastDate: date, lastSentAt: now } });
    });
  }
  if (queued > 0) deps.log.info({ queued }, "digests queued");
  return queued;
}
