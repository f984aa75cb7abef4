import { workspaceLocales } from "../alerts/locale.ts";
import { enqueueView } from "../delivery/enqueue.ts";
import { type ActionIntent, digestView } from "../delivery/payload.ts";
import type { Logger } from "../log.ts";
import { countPoisoned } from "../metrics.ts";
import type { Db } from "../storage/database.ts";
import { readDigestChannels, recordDigestDate } from "../storage/repos/digests.ts";
import { listLinkedShops } from "../storage/repos/workspaces.ts";
import { isOutboxPlatform } from "../storage/schema/index.ts";
import { buildDigestView } from "./build.ts";

/** Under each digest: yesterday's breakdown, the last 14 days' chart (as the digest draws) and the payouts. */
export const DIGEST_BUTTONS = [
  { kind: "breakdown", period: "yesterday" },
  { kind: "chart", period: "14d" },
  { kind: "payouts" },
] as const satisfies readonly ActionIntent[];

import { digestDue, digestSettingProblem } from "./schedule.ts";

export interface DigestTickDeps {
  db: Db;
  log: Logger;
  clock: () => Date;
  sandbox: boolean;
}

/** A digest more than this late says so ("sent late"). */
const LATE_AFTER_MS = 15 * 60_000;

type DigestRow = Awaited<ReturnType<typeof readDigestChannels>>[number];

/**
 * Runs every minute: each channel whose local digest time has come today (in its IANA zone) and
 * that has not had today's digest gets exactly one, queued with the key digest:<channel>:<date>.
 * After downtime only today's is sent, once, marked late — never one per missed tick. A local
 * time that does not exist on a DST day (02:30 in spring) moves forward, as luxon does. A channel
 * that fails (a hand-edited time "ab:cd", a view that throws) is logged, counted and skipped:
 * the other channels still get theirs.
 */
export async function digestTick(deps: DigestTickDeps): Promise<number> {
  let queued = 0;
  // One tick, one "now": channels that share a workspace, zone and language then share one
  // digest, built once (a workspace's digest fanned out to its channels).
  const tick: Tick = { now: deps.clock(), locales: workspaceLocales(deps.db), views: new Map() };
  for (const row of await readDigestChannels(deps.db)) {
    try {
      queued += await tickChannel(deps, tick, row);
    } catch (error) {
      countPoisoned("digest");
      deps.log.error(
        { err: error, channelId: row.channel.id },
        "digest of a channel failed; the others go on",
      );
    }
  }
  if (queued > 0) deps.log.info({ queued }, "digests queued");
  return queued;
}

/** What one tick shares across its channels. */
interface Tick {
  now: Date;
  locales: ReturnType<typeof workspaceLocales>;
  /** Digests built this tick, by everything that makes two of them differ (the key in tickChannel). */
  views: Map<string, ReturnType<typeof buildDigestView>>;
}

async function tickChannel(
  deps: DigestTickDeps,
  tick: Tick,
  { channel, platform, state }: DigestRow,
): Promise<number> {
  if (!isOutboxPlatform(platform)) return 0;
  const { now } = tick;
  // A channel with its own zone knows whether its digest is due without reading its shops: a tick
  // with nothing due reads no shops for such channels (it runs every minute, over every channel).
  let shops = channel.digestZone ? undefined : await listLinkedShops(deps.db, channel.workspaceId);
  const zone = channel.digestZone ?? shops?.[0]?.timezone ?? "UTC";
  const problem = digestSettingProblem({ digestTime: channel.digestTime, zone });
  if (problem) {
    // Shown in /balance status; the channel's admin fixes it with /balance digest time.
    countPoisoned("digest");
    deps.log.warn({ channelId: channel.id, problem }, "digest skipped: its setting cannot be scheduled");
    return 0;
  }
  const { due, date } = digestDue({ digestTime: channel.digestTime, zone }, now);
  if (now < due.toJSDate() || state?.lastDate === date) return 0;
  const lateBy = now.getTime() - due.toMillis();
  if (!state && lateBy > LATE_AFTER_MS) {
    // Turned on after today's time: start tomorrow rather than post a "late" digest now.
    await recordDigestDate(deps.db, channel.id, date, now, { onlyIfNew: true });
    return 0;
  }
  shops ??= await listLinkedShops(deps.db, channel.workspaceId);
  const late = lateBy > LATE_AFTER_MS ? { dueAt: due.toJSDate() } : undefined;
  const input = {
    db: deps.db,
    // The digest speaks the workspace's language (no one asked for it in any other).
    locale: await tick.locales(channel.workspaceId),
    now,
    sandbox: deps.sandbox,
    workspaceId: channel.workspaceId,
    shops,
    zone,
    since: state?.lastSentAt ?? null,
    ...(late ? { late } : {}),
  };
  // Everything a digest is built from, but the database: equal keys, equal digests.
  const key = JSON.stringify([
    input.workspaceId,
    shops.map((s) => s.id),
    zone,
    input.locale,
    input.since?.getTime() ?? null,
    late?.dueAt.getTime() ?? null,
  ]);
  let building = tick.views.get(key);
  if (!building) {
    building = buildDigestView(input);
    tick.views.set(key, building);
    // A failed build is not shared: the next channel tries again.
    building.catch(() => tick.views.delete(key));
  }
  const view = await building;
  return deps.db.transaction(async (tx) => {
    const fresh = await enqueueView(
      tx,
      { workspaceId: channel.workspaceId, platform, channel: channel.externalId },
      digestView(view.reply, view.charts, DIGEST_BUTTONS),
      `digest:${channel.id}:${date}`,
      { dueAt: deps.clock(), late: !!late },
    );
    await recordDigestDate(tx, channel.id, date, now);
    return Number(fresh);
  });
}
