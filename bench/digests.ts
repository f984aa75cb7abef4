/**
 * Digests for many channels across time zones (issue 17 item 5): BENCH_DIGEST_CHANNELS (10,000)
 * channels with the digest on at 09:00 in one of ZONES, in Slack and Discord workspaces linked to
 * one seeded shop, on one Postgres. The day is compressed: for each distinct UTC instant at which
 * some zone reaches 09:00 (a wave), the clock jumps there and the real digest tick and outbox
 * drain run, against fakes that enforce Slack's ~1 message a second per channel and Discord's
 * 50 requests a second per bot, until the wave is delivered.
 *
 * Figures: channels and zones; digests delivered; duplicates (a channel posted to more than once
 * in the day); the highest rate seen per platform against its limit; the time from each wave's
 * due instant to its last delivery (the slowest wave) against the time Discord's limit alone
 * needs for that wave. Written to bench/results/digests.json as well.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { createDiscordDelivery } from "../src/adapters/discord/deliver.ts";
import { createSlackDelivery } from "../src/adapters/slack/deliver.ts";
import { createChartRenderer } from "../src/charts/index.ts";
import { drainOutbox } from "../src/delivery/worker.ts";
import { digestTick } from "../src/digests/tick.ts";
import type { Db } from "../src/storage/database.ts";
import { ensureWorkspace, linkShop } from "../src/storage/repos/workspaces.ts";
import { channels } from "../src/storage/schema/index.ts";
import { nullLogger } from "./lib/app.ts";
import { type Figure, ratioOf } from "./lib/figure.ts";
import { type FakeCounts, startLimitedDiscord, startLimitedSlack } from "./lib/limited-fakes.ts";
import { openScratch } from "./lib/scratch-db.ts";
import { round2 } from "./lib/stats.ts";
import { loadBigShop } from "./seed/big-shop.ts";

const CHANNELS = Number(process.env.BENCH_DIGEST_CHANNELS ?? 10_000);
/** The shop regions' zones and a few more: several share an offset, so their digests come due together. */
const ZONES = [
  "America/Los_Angeles",
  "America/New_York",
  "Europe/London",
  "Asia/Jakarta",
  "Asia/Ho_Chi_Minh",
  "Asia/Bangkok",
  "Asia/Kuala_Lumpur",
  "Asia/Manila",
  "Asia/Singapore",
  "Asia/Kolkata",
  "Australia/Sydney",
] as const;
/** Share of channels in Slack; the rest are in Discord. */
const SLACK_SHARE = 0.6;
const CHANNELS_PER_WORKSPACE = 100;
const DISCORD_PER_SECOND = 50;
/** Give up on a wave after this long. */
const WAVE_DEADLINE_MS = 5 * 60_000;

interface Wave {
  dueAt: Date;
  zones: string[];
  channels: number;
  queued: number;
  /** Seconds from the due instant to the last delivery of the wave. */
  seconds: number;
  /** Seconds Discord's limit alone needs for the wave's Discord digests (burst of 50, then 50/s). */
  discordBound: number;
  tickSeconds: number;
}

/** The most posts seen in any window of `windowMs` (times in ms, any order). */
function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let lo = 0, hi = 0; hi < sorted.length; hi++) {
    while (sorted[hi]! - sorted[lo]! >= windowMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

/** Posts beyond the first to each channel. */
function duplicatesOf(counts: FakeCounts): number {
  const per = new Map<string, number>();
  for (const post of counts.posts) per.set(post.channel, (per.get(post.channel) ?? 0) + 1);
  return [...per.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
}

/** The largest number of posts to one channel within one second. */
function maxPerChannelSecond(counts: FakeCounts): number {
  const byChannel = new Map<string, number[]>();
  for (const post of counts.posts)
    byChannel.set(post.channel, [...(byChannel.get(post.channel) ?? []), post.at]);
  return Math.max(0, ...[...byChannel.values()].map((times) => maxInWindow(times, 1000)));
}

async function seedChannels(db: Db, shopId: number, day: string): Promise<Map<string, number>> {
  const perZone = new Map<string, number>();
  const slackCount = Math.round(CHANNELS * SLACK_SHARE);
  for (let first = 0; first < CHANNELS; first += CHANNELS_PER_WORKSPACE) {
    const platform = first < slackCount ? "slack" : "discord";
    const workspaceId = await ensureWorkspace(db, platform, `${platform}-bench-${first}`, `Bench ${first}`);
    await linkShop(db, workspaceId, shopId);
    const rows = [];
    for (let i = first; i < Math.min(first + CHANNELS_PER_WORKSPACE, CHANNELS); i++) {
      const zone = ZONES[i % ZONES.length]!;
      perZone.set(zone, (perZone.get(zone) ?? 0) + 1);
      rows.push({
        workspaceId,
        externalId:
          platform === "slack"
            ? `C${String(i).padStart(9, "0")}`
            : String(900_000_000_000_000_000n + BigInt(i)),
        digestEnabled: true,
        digestTime: "09:00",
        digestZone: zone,
      });
    }
    await db.insert(channels).values(rows);
  }
  // Yesterday's digest went out, so today's is due at 09:00 (not "turned on late").
  await db.execute(sql`
    insert into digest_state (channel_id, last_date, last_sent_at)
    select id, ${DateTime.fromISO(day).minus({ days: 1 }).toISODate()}, now() - interval '1 day' from channels
    where digest_enabled`);
  return perZone;
}

export async function benchDigests(): Promise<Figure[]> {
  const scratch = await openScratch("postgres");
  const slack = await startLimitedSlack();
  const discord = await startLimitedDiscord({ perSecond: DISCORD_PER_SECOND });
  const log = nullLogger();
  const discordPort = createDiscordDelivery({ token: "bench.discord.token", apiUrl: discord.apiUrl });
  try {
    const { db } = scratch.database;
    const shop = await loadBigShop(db, { transactions: 20_000, days: 120 });
    // Tomorrow, so every zone's 09:00 is still ahead of the shop's synced data.
    const day = DateTime.utc().plus({ days: 1 }).toISODate()!;
    const perZone = await seedChannels(db, shop.shopId, day);
    // One wave per distinct instant a zone reaches 09:00 on `day`.
    const byInstant = new Map<number, string[]>();
    for (const zone of ZONES) {
      const due = DateTime.fromISO(`${day}T09:00`, { zone }).toMillis();
      byInstant.set(due, [...(byInstant.get(due) ?? []), zone]);
    }
    let offset = 0;
    const clock = () => new Date(Date.now() + offset);
    const deps = {
      db,
      log,
      clock,
      sandbox: false,
      ports: {
        slack: createSlackDelivery({ botToken: "xoxb-bench-token", apiUrl: slack.apiUrl, log }),
        discord: discordPort,
      },
      charts: createChartRenderer({ renderer: "local", quickchartUrl: undefined }),
    };
    const waves: Wave[] = [];
    for (const [due, zones] of [...byInstant.entries()].sort((a, b) => a[0] - b[0])) {
      offset = due + 1000 - Date.now();
      const discordBefore = discord.counts.posted;
      const started = performance.now();
      const queued = await digestTick(deps);
      const tickSeconds = (performance.now() - started) / 1000;
      while (performance.now() - started < WAVE_DEADLINE_MS) {
        await drainOutbox(deps);
        const [left] = (await db.execute(
          sql`select count(*)::int as n, min(next_attempt_at) as due from outbox where status in ('pending', 'sending')`,
        )) as unknown as { n: number; due: Date | string | null }[];
        if (!left || left.n === 0) break;
        const wait = left.due ? new Date(left.due).getTime() - clock().getTime() : 0;
        if (wait > 0) await new Promise((r) => setTimeout(r, Math.min(wait, 5000)));
      }
      const discordSent = discord.counts.posted - discordBefore;
      waves.push({
        dueAt: new Date(due),
        zones,
        channels: zones.reduce((n, z) => n + (perZone.get(z) ?? 0), 0),
        queued,
        seconds: (performance.now() - started) / 1000 + 1,
        discordBound: Math.max(0, discordSent - DISCORD_PER_SECOND) / DISCORD_PER_SECOND,
        tickSeconds,
      });
      console.error(
        `  wave ${new Date(due).toISOString()} ${zones.join(", ")}: ${queued} queued, tick ${round2(tickSeconds)} s, delivered in ${round2(waves.at(-1)!.seconds)} s`,
      );
    }
    // A tick at the day's end finds nothing left to send: nothing is queued twice.
    const again = await digestTick(deps);
    const delivered = slack.counts.posted + discord.counts.posted;
    const duplicates = duplicatesOf(slack.counts) + duplicatesOf(discord.counts);
    const discordMax = maxInWindow(
      discord.counts.posts.map((p) => p.at),
      1000,
    );
    const slackPerChannel = maxPerChannelSecond(slack.counts);
    const slowest = [...waves].sort((a, b) => b.seconds - a.seconds)[0]!;
    const slowestBound = Math.max(slowest.discordBound, 1);
    const result = {
      channels: CHANNELS,
      zones: ZONES.length,
      waves: waves.map((w) => ({
        ...w,
        dueAt: w.dueAt.toISOString(),
        seconds: round2(w.seconds),
        tickSeconds: round2(w.tickSeconds),
        discordBound: round2(w.discordBound),
      })),
      delivered,
      duplicates,
      queuedAgainAtDayEnd: again,
      rateLimited: { slack: slack.counts.rateLimited, discord: discord.counts.rateLimited },
      maxRate: {
        slack: { perChannelPerSecond: slackPerChannel, limit: 1 },
        discord: { perSecond: discordMax, limit: DISCORD_PER_SECOND },
      },
      slowestWaveSeconds: round2(slowest.seconds),
    };
    mkdirSync("bench/results", { recursive: true });
    writeFileSync("bench/results/digests.json", `${JSON.stringify(result, null, 2)}\n`);
    const name = `digests ${CHANNELS.toLocaleString("en")} channels · ${ZONES.length} zones`;
    const waveNote = waves
      .map((w) => `${w.zones.length} zone(s) ${w.queued} in ${round2(w.seconds)} s`)
      .join("; ");
    return [
      {
        name: `${name} · delivered`,
        value: delivered,
        unit: "msgs",
        limit: CHANNELS,
        ratio: ratioOf(delivered, CHANNELS),
        goal: "all, once",
        met: delivered === CHANNELS && duplicates === 0 && again === 0,
        note: `${duplicates} duplicates, ${again} queued again by a tick at the day's end; ${slack.counts.rateLimited} Slack and ${discord.counts.rateLimited} Discord 429s`,
      },
      {
        name: `${name} · Discord max requests in 1 s`,
        value: discordMax,
        unit: "req/s",
        limit: DISCORD_PER_SECOND,
        ratio: ratioOf(discordMax, DISCORD_PER_SECOND),
        goal: "≤ limit",
        met: discordMax <= DISCORD_PER_SECOND,
        note: "sliding 1-second window over every accepted post (the fake's bucket holds a 50-request burst)",
      },
      {
        name: `${name} · Slack max posts to a channel in 1 s`,
        value: slackPerChannel,
        unit: "msgs",
        limit: 1,
        ratio: ratioOf(slackPerChannel, 1),
        goal: "≤ limit",
        met: slackPerChannel <= 1,
        note: "Slack allows about one message a second per channel",
      },
      {
        name: `${name} · slowest wave, due to delivered`,
        value: round2(slowest.seconds),
        unit: "s",
        limit: round2(slowestBound),
        ratio: ratioOf(slowest.seconds, slowestBound),
        goal: "— (reported)",
        met: null,
        note: `limit: Discord's 50/s alone for that wave's Discord digests; tick (building the digests) ${round2(slowest.tickSeconds)} s of it; waves: ${waveNote}`,
      },
    ];
  } finally {
    discordPort.destroy();
    await slack.close();
    await discord.close();
    await scratch.dispose();
  }
}
