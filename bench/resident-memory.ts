import { FakeDiscord } from "../test/fakes/discord.ts";
import { FakeSlack } from "../test/fakes/slack.ts";
import { type Figure, ratioOf } from "./lib/figure.ts";
import { createScratchPostgres, tempDir } from "./lib/scratch-db.ts";
import { spawnBot, spawnNode } from "./lib/spawn-bot.ts";
import { round2 } from "./lib/stats.ts";

const IDLE_MS = 10_000;
const GOAL_MIB = 150;

/**
 * Resident memory of `balance-bot start` on Postgres with Slack (Socket Mode, fake Slack) and
 * Discord (fake Discord) connected: VmRSS after both "connected" log lines and 10 s idle. Limit:
 * the VmRSS of node with the TypeScript loader and nothing else, idle as long, in the same run.
 */
export async function benchResidentMemory(): Promise<Figure[]> {
  const slack = await FakeSlack.start({
    botToken: "xoxb-bench-bot-token",
    appToken: "xapp-1-bench-app-token",
  });
  const discord = await FakeDiscord.start();
  const db = await createScratchPostgres();
  const data = tempDir("bench-rss-");
  const bot = spawnBot({
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
  const floor = spawnNode(["bin/run-ts.mjs", "bench/lib/idle-child.ts", String(IDLE_MS * 10)], {});
  try {
    await Promise.all([bot.whenLogged("slack connected"), bot.whenLogged("discord connected")]);
    await floor.whenPrinted("ready");
    const connectedAfter = (performance.now() - bot.spawnedAt) / 1000;
    await new Promise((r) => setTimeout(r, IDLE_MS));
    const rss = bot.rssMiB();
    const base = floor.rssMiB();
    return [
      {
        name: "resident memory · start, Slack + Discord connected, idle · postgres",
        value: round2(rss),
        unit: "MiB",
        limit: round2(base),
        ratio: ratioOf(rss, base),
        goal: `≤ ${GOAL_MIB} MB`,
        met: rss * 1.048576 <= GOAL_MIB,
        note: `VmRSS ${IDLE_MS / 1000} s after both "connected" lines (connected ${round2(connectedAfter)} s after spawn, first sandbox sync included); limit = VmRSS of idle node + tsx loader`,
      },
    ];
  } finally {
    await bot.stop();
    await floor.stop();
    await discord.close();
    await slack.close();
    await db.drop();
    data.remove();
  }
}
