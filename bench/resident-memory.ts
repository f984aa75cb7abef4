import { FakeDiscord } from "../test/fakes/discord.ts";
import { FakeSlack } from "../test/fakes/slack.ts";
import { type Figure, ratioOf } from "./lib/figure.ts";
import { findInTree, processTree, rssMiB, treeRssMiB, watchPeak } from "./lib/process-tree.ts";
import { createScratchPostgres, tempDir } from "./lib/scratch-db.ts";
import { type BotProcess, spawnNode, spawnNpmStart } from "./lib/spawn-bot.ts";
import { median, round2 } from "./lib/stats.ts";

const IDLE_MS = Number(process.env.BENCH_IDLE_MS ?? 8_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const MB = 1_000_000 / 1_048_576; // MiB per MB
const ANSWER = "Balance ·";

/** Ends every process of the tree (npm does not always pass SIGTERM on to the bot). */
async function stopTree(bot: BotProcess): Promise<void> {
  const pids = processTree(bot.pid).reverse();
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  await bot.stop();
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

/** The embedded default: `npm start` with a new DATA_DIR and nothing configured (PGlite + sandbox + console). */
async function embeddedRun(): Promise<{ peak: number; idle: number; bot: number }> {
  const data = tempDir("bench-rss-embedded-");
  const bot = spawnNpmStart({ DATA_DIR: data.dir, LOG_LEVEL: "info" }, "pipe");
  const watch = watchPeak(bot.pid);
  try {
    // Answered once the first sync is done; stdin stays open, so the console then sits idle.
    bot.child.stdin!.write("/balance\n");
    await bot.whenPrinted(ANSWER, 300_000);
    watch.stop();
    await new Promise((r) => setTimeout(r, IDLE_MS));
    const node = findInTree(bot.pid, "balance-bot.mjs");
    return { peak: watch.peak(), idle: treeRssMiB(bot.pid), bot: node ? rssMiB(node) : Number.NaN };
  } finally {
    watch.stop();
    await stopTree(bot);
    data.remove();
  }
}

/** Postgres, Slack (Socket Mode, fake Slack) and Discord (fake Discord) connected, idle. */
async function postgresRun(): Promise<{ idle: number; bot: number }> {
  const slack = await FakeSlack.start({
    botToken: "xoxb-bench-bot-token",
    appToken: "xapp-1-bench-app-token",
  });
  const discord = await FakeDiscord.start();
  const db = await createScratchPostgres();
  const data = tempDir("bench-rss-");
  const bot = spawnNpmStart({
    DATABASE_URL: db.url,
    DATA_DIR: data.dir,
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_APP_TOKEN: slack.appToken,
    SLACK_API_URL: slack.apiUrl,
    DISCORD_TOKEN: discord.token,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_API_URL: discord.apiUrl,
    LOG_LEVEL: "info",
  });
  try {
    await Promise.all([bot.whenLogged("slack connected"), bot.whenLogged("discord connected")]);
    await new Promise((r) => setTimeout(r, IDLE_MS));
    const node = findInTree(bot.pid, "balance-bot.mjs");
    return { idle: treeRssMiB(bot.pid), bot: node ? rssMiB(node) : Number.NaN };
  } finally {
    await stopTree(bot);
    await discord.close();
    await slack.close();
    await db.drop();
    data.remove();
  }
}

/**
 * Resident memory of the README's command, `npm start`, as the whole process tree (npm → sh →
 * node): the embedded default (PGlite + sandbox + console, new DATA_DIR) at its peak during the
 * first sync and idle after answering, and Postgres with Slack and Discord connected, idle.
 * Each is the median of RUNS runs. For reference, the limit column is an idle plain node and
 * nothing else (one process): the bot runs compiled JavaScript, so no TypeScript loader.
 */
export async function benchResidentMemory(): Promise<Figure[]> {
  const floor = spawnNode(["bench/lib/idle-node.mjs", String(600_000)], {});
  let base = Number.NaN;
  const embedded: { peak: number; idle: number; bot: number }[] = [];
  const pg: { idle: number; bot: number }[] = [];
  try {
    await floor.whenPrinted("ready");
    await new Promise((r) => setTimeout(r, 1000));
    base = floor.rssMiB();
    for (let run = 0; run < RUNS; run++) embedded.push(await embeddedRun());
    for (let run = 0; run < RUNS; run++) pg.push(await postgresRun());
  } finally {
    await floor.stop();
  }
  const m = <T>(rows: T[], pick: (r: T) => number) => round2(median(rows.map(pick)));
  const runs = <T>(rows: T[], pick: (r: T) => number) => rows.map((r) => Math.round(pick(r))).join("/");
  const figure = (name: string, value: number, goalMb: number, note: string): Figure => ({
    name,
    value,
    unit: "MiB",
    limit: round2(base),
    ratio: ratioOf(value, base),
    goal: `≤ ${goalMb} MB (${round2(goalMb * MB)} MiB)`,
    met: value <= goalMb * MB,
    note,
  });
  const tree = "sum of VmRSS over npm → sh → node";
  return [
    figure(
      "memory · idle · npm start, embedded default (PGlite + sandbox + console), whole tree",
      m(embedded, (r) => r.idle),
      150,
      `median of ${RUNS} runs (${runs(embedded, (r) => r.idle)} MiB), ${tree}, ${IDLE_MS / 1000} s after answering /balance; the bot process alone ${m(embedded, (r) => r.bot)} MiB; limit = an idle plain node (the bot runs compiled dist/)`,
    ),
    figure(
      "memory · peak during the first sync · embedded default, whole tree",
      m(embedded, (r) => r.peak),
      300,
      `median of ${RUNS} runs (${runs(embedded, (r) => r.peak)} MiB), ${tree}, sampled every 100 ms from spawn to the first answer (new DATA_DIR: migrations + the sandbox's first sync)`,
    ),
    figure(
      "memory · idle · npm start, Postgres, Slack + Discord connected, whole tree",
      m(pg, (r) => r.idle),
      150,
      `median of ${RUNS} runs (${runs(pg, (r) => r.idle)} MiB), ${tree}, ${IDLE_MS / 1000} s after both "connected" lines`,
    ),
    figure(
      "memory · idle · Postgres, Slack + Discord connected, bot process alone",
      m(pg, (r) => r.bot),
      100,
      `median of ${RUNS} runs (${runs(pg, (r) => r.bot)} MiB), VmRSS of the node running bin/balance-bot.mjs`,
    ),
  ];
}
