import { sql } from "drizzle-orm";
import { createDiscordDelivery } from "../src/adapters/discord/deliver.ts";
import { createSlackDelivery } from "../src/adapters/slack/deliver.ts";
import { createChartRenderer } from "../src/charts/index.ts";
import type { Platform } from "../src/core/invocation.ts";
import { reply } from "../src/core/reply.ts";
import { enqueueView } from "../src/delivery/enqueue.ts";
import { digestView, fromView, type OutboxView } from "../src/delivery/payload.ts";
import type { DeliveryPort } from "../src/delivery/port.ts";
import { type DrainOptions, drainOutbox } from "../src/delivery/worker.ts";
import type { Db } from "../src/storage/database.ts";
import { ensureWorkspace } from "../src/storage/repos/workspaces.ts";
import { nullLogger } from "./lib/app.ts";
import { type Figure, ratioOf } from "./lib/figure.ts";
import { type LimitedFake, startLimitedDiscord, startLimitedSlack } from "./lib/limited-fakes.ts";
import { openScratch } from "./lib/scratch-db.ts";
import { median, round2 } from "./lib/stats.ts";

const CHANNELS = 1000;
/** drainOutbox's default batch (200): the concurrency the direct-post limit is measured at. */
const BATCH = 200;
const DISCORD_PER_SECOND = 50;
/** Slack's drain and its limit are each the median of this many interleaved runs. */
const SLACK_RUNS = 3;
/** Give up on a drain after this long (a stuck outbox must not hang the run). */
const DEADLINE_MS = 180_000;
const GOAL = "≤ 1.1× limit";

/** A small digest, as the digest tick would enqueue it (no chart). */
function digestPayload(channel: number): OutboxView {
  const digest = reply({
    kind: "digest",
    title: "Daily digest · Sandbox Outdoor (US) · Tue Nov 24",
    summary: "Settled $1,234.56 yesterday · pending $2,345.67 est. · paid out $5,000.00",
    sections: [
      {
        fields: [
          {
            label: "Settled yesterday",
            value: "$1,234.56",
            detail: "+4.2% vs $1,184.80 (last Tue)",
            clock: "settled",
          },
          { label: "Pending", value: "$2,345.67 est.", detail: "87 unsettled orders", clock: "pending" },
          { label: "Paid out", value: "$5,000.00", detail: "to ****1234", clock: "paid" },
        ],
      },
    ],
    footer: `as of 09:00 America/Los_Angeles · data from sync 2 min ago · channel ${channel}`,
    timestamp: new Date(),
  });
  return digestView(digest, []);
}

interface DrainRun {
  seconds: number;
  sent: number;
  parked: number;
  drains: number;
  attempts: number;
}

/**
 * Enqueues one digest per channel, then runs drainOutbox (real ports, real claim/lease SQL) until
 * the outbox is empty, re-running it as soon as the next row is due — the best case of the
 * runtime's 5-second outbox job.
 */
async function drainAll(
  db: Db,
  platform: Platform,
  port: DeliveryPort,
  channels: string[],
  options: DrainOptions = {},
): Promise<DrainRun> {
  await db.execute(sql`delete from outbox`);
  const workspaceId = await ensureWorkspace(db, platform, `bench-${platform}`, "Bench");
  for (const [i, channel] of channels.entries()) {
    await enqueueView(
      db,
      { workspaceId, platform, channel },
      digestPayload(i),
      `digest:${platform}:${channel}:bench`,
    );
  }
  const deps = {
    db,
    ports: { [platform]: port },
    charts: createChartRenderer({ renderer: "local", quickchartUrl: undefined }),
    clock: () => new Date(),
    log: nullLogger(),
  };
  const started = performance.now();
  let drains = 0;
  while (performance.now() - started < DEADLINE_MS) {
    await drainOutbox(deps, options);
    drains++;
    const [next] = await db
      .execute<{ due: Date | string | null; n: number }>(
        sql`select min(next_attempt_at) as due, count(*)::int as n from outbox where platform = ${platform} and status in ('pending', 'sending')`,
      )
      .then((r) => rowsOf<{ due: Date | string | null; n: number }>(r));
    if (!next || next.n === 0) break;
    const wait = next.due ? new Date(next.due).getTime() - Date.now() : 0;
    if (wait > 0) await new Promise((r) => setTimeout(r, Math.min(wait, 5000)));
  }
  const seconds = (performance.now() - started) / 1000;
  const [totals] = rowsOf<{ sent: number; parked: number; attempts: number }>(
    await db.execute(
      sql`select count(*) filter (where status = 'sent')::int as sent, count(*) filter (where status = 'parked')::int as parked,
          coalesce(sum(attempts), 0)::int as attempts from outbox where platform = ${platform}`,
    ),
  );
  return {
    seconds,
    drains,
    sent: totals?.sent ?? 0,
    parked: totals?.parked ?? 0,
    attempts: totals?.attempts ?? 0,
  };
}

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
}

/** Posts the same messages straight through the port, BATCH at a time: the time the HTTP work takes. */
async function directPosts(port: DeliveryPort, channels: string[]): Promise<number> {
  const renderer = createChartRenderer({ renderer: "local", quickchartUrl: undefined });
  const started = performance.now();
  for (let i = 0; i < channels.length; i += BATCH) {
    await Promise.all(
      channels.slice(i, i + BATCH).map(async (channel, j) =>
        port.post(channel, await fromView(digestPayload(i + j), renderer), {
          dedupeKey: `direct:${channel}`,
        }),
      ),
    );
  }
  return (performance.now() - started) / 1000;
}

function figures2(platform: string, run: DrainRun, limit: number, how: string, fake: LimitedFake): Figure[] {
  return [
    figure(platform, run, limit, how, fake),
    {
      name: `fan-out ${CHANNELS} channels · ${platform} · delivered`,
      value: run.sent,
      unit: "msgs",
      limit: CHANNELS,
      ratio: ratioOf(run.sent, CHANNELS),
      goal: "all",
      met: run.sent === CHANNELS,
      note: `${run.parked} parked`,
    },
  ];
}

function figure(platform: string, run: DrainRun, limit: number, how: string, fake: LimitedFake): Figure {
  const complete = run.sent === CHANNELS;
  return {
    name: `fan-out ${CHANNELS} channels · ${platform}${complete ? "" : " (incomplete)"}`,
    value: round2(run.seconds),
    unit: "s",
    limit: round2(limit),
    ratio: ratioOf(run.seconds, limit),
    goal: GOAL,
    met: complete && run.seconds <= 1.1 * limit,
    note:
      `${run.sent} sent, ${run.parked} parked, ${run.attempts} attempts, ${fake.counts.rateLimited} answered 429 by the fake, ` +
      `${run.drains} drainOutbox calls; limit: ${how}`,
  };
}

/**
 * Fan-out: 1,000 one-message digests through the outbox to a Slack fake enforcing ~1 msg/s per
 * channel and to a Discord fake enforcing 50 req/s globally, with the real delivery ports.
 */
export async function benchFanOut(): Promise<Figure[]> {
  const scratch = await openScratch("postgres");
  const figures: Figure[] = [];
  try {
    const { db } = scratch.database;
    const log = nullLogger();

    // Slack: one message per channel, so the per-channel limit allows them all at once; the
    // limit is the HTTP work itself, measured on a twin fake at the drain's concurrency. Each is
    // the median of SLACK_RUNS, the two interleaved so both see the same machine.
    const slackChannels = Array.from({ length: CHANNELS }, (_, i) => `C${String(i).padStart(8, "0")}`);
    const directs: number[] = [];
    const runs: { run: DrainRun; fake: LimitedFake }[] = [];
    for (let i = 0; i < SLACK_RUNS; i++) {
      const twin = await startLimitedSlack();
      try {
        directs.push(
          await directPosts(
            createSlackDelivery({ botToken: "xoxb-bench-token", apiUrl: twin.apiUrl, log }),
            slackChannels,
          ),
        );
      } finally {
        await twin.close();
      }
      const slack = await startLimitedSlack();
      try {
        const port = createSlackDelivery({ botToken: "xoxb-bench-token", apiUrl: slack.apiUrl, log });
        runs.push({ run: await drainAll(db, "slack", port, slackChannels), fake: slack });
      } finally {
        await slack.close();
      }
    }
    const direct = median(directs);
    const { run, fake } = [...runs].sort((a, b) => a.run.seconds - b.run.seconds)[
      Math.floor(SLACK_RUNS / 2)
    ]!;
    figures.push(
      ...figures2(
        "slack",
        run,
        direct,
        `the same ${CHANNELS} posts straight through the Slack port, ${BATCH} in parallel (no per-channel limit binds at 1 msg/channel): ${round2(direct)} s; medians of ${SLACK_RUNS} interleaved runs (drains ${runs.map((r) => round2(r.run.seconds)).join(", ")} s; direct ${directs.map(round2).join(", ")} s)`,
        fake,
      ),
    );

    // Discord: the global limit binds. At best a 50-request burst, then 50/s.
    const discordChannels = Array.from({ length: CHANNELS }, (_, i) =>
      String(900_000_000_000_000_000n + BigInt(i)),
    );
    const discord = await startLimitedDiscord({ perSecond: DISCORD_PER_SECOND });
    const port = createDiscordDelivery({ token: "bench.discord.token", apiUrl: discord.apiUrl });
    try {
      const limit = (CHANNELS - DISCORD_PER_SECOND) / DISCORD_PER_SECOND;
      const how = `computed: ${CHANNELS} posts at ${DISCORD_PER_SECOND}/s after a ${DISCORD_PER_SECOND}-post burst = ${limit} s`;
      const run = await drainAll(db, "discord", port, discordChannels);
      figures.push(...figures2("discord", run, limit, how, discord));
      // Diagnostic: the same drain where a rate-limited try never uses up the row's attempts.
      const patient = await drainAll(
        db,
        "discord",
        port,
        discordChannels.map((c) => `${c.slice(0, -4)}9${c.slice(-3)}`),
        { maxAttempts: 1_000_000 },
      );
      const [timed] = figures2("discord, maxAttempts ∞ (diagnostic)", patient, limit, how, discord);
      figures.push({ ...timed!, goal: "— (diagnostic)", met: null });
    } finally {
      port.destroy();
      await discord.close();
    }
    return figures;
  } finally {
    await scratch.dispose();
  }
}
