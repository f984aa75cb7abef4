import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/cli/app.ts";
import { loadConfig } from "../../src/config.ts";
import { silentLogger } from "../../src/log.ts";
import { type SandboxShop, startSandboxShop } from "../../src/providers/sandbox/index.ts";
import { openDatabase } from "../../src/storage/database.ts";
import { insertAlertRule, updateDigestSettings } from "../../src/storage/repos/settings.ts";
import {
  ensureChannel,
  ensureWorkspace,
  linkShop,
  listAllShops,
} from "../../src/storage/repos/workspaces.ts";
import { FakeSlack } from "../fakes/slack.ts";
import { startBot } from "../support/bot-process.ts";
import { createScratchDatabase, sandboxShopEnv } from "../support/cluster.ts";
import { keepLogs } from "../support/log-capture.ts";

/**
 * Real bot processes on one real Postgres, against the sandbox shop and the fake Slack: every
 * alert and digest must reach Slack exactly once, with two replicas and across SIGKILLs.
 * Needs a Postgres server (CI sets TEST_DATABASE_URL); PGlite is one process only.
 */
const adminUrl = process.env.TEST_DATABASE_URL;
const CHANNEL = "C0DIGESTS";

interface Env {
  url: string;
  env: Record<string, string>;
  channelId: number;
  slack: FakeSlack;
  sandbox: SandboxShop;
  dropDb: () => Promise<void>;
}

async function prepare(options: { digestInMinutes?: number } = {}): Promise<Env> {
  const scratch = await createScratchDatabase(adminUrl!, "bb_cluster");
  const slack = await FakeSlack.start({ channels: [{ id: CHANNEL, name: "digests", member: true }] });
  // Speed 60: the sandbox's demo payouts turn PAID ~20–25 s after it starts.
  const sandbox = await startSandboxShop({ seed: 7, speed: 60, historyDays: 6, ordersPerDay: 3 });
  const env = {
    ...sandboxShopEnv(sandbox, scratch.url, "bb-cluster-"),
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_APP_TOKEN: slack.appToken,
    SLACK_API_URL: slack.apiUrl,
    SYNC_CRON: "*/3 * * * * *",
    OUTBOX_LEASE_SECONDS: "3",
  };
  // Bootstrap once (stores the tokens, links the shops), then subscribe a Slack channel.
  const database = await openDatabase({ url: scratch.url, max: 2 });
  const app = await createApp(loadConfig(env), { log: silentLogger(), database });
  const db = database.db;
  const workspaceId = await ensureWorkspace(db, "slack", slack.teamId);
  for (const shop of await listAllShops(db)) await linkShop(db, workspaceId, shop.id);
  const channelId = await ensureChannel(db, workspaceId, CHANNEL);
  for (const kind of ["payout", "failed"])
    await insertAlertRule(db, { workspaceId, channelId, kind, createdBy: "test" });
  if (options.digestInMinutes !== undefined) {
    const at = DateTime.utc().plus({ minutes: options.digestInMinutes }).toFormat("HH:mm");
    await updateDigestSettings(db, channelId, { digestEnabled: true, digestTime: at, digestZone: "UTC" });
  }
  await app.close();
  return {
    url: scratch.url,
    env,
    channelId,
    slack,
    sandbox,
    dropDb: scratch.drop,
  };
}

function secretValues(env: Record<string, string>): string[] {
  return [
    "SLACK_BOT_TOKEN",
    "SLACK_APP_TOKEN",
    "TIKTOK_APP_SECRET",
    "TIKTOK_ACCESS_TOKEN",
    "TIKTOK_REFRESH_TOKEN",
    "ENCRYPTION_KEY",
  ].map((k) => env[k] ?? "");
}

function deliveredKeys(slack: FakeSlack): string[] {
  return slack.messages
    .filter((m) => m.channel === CHANNEL)
    .map((m) => String(m.metadata?.event_payload.dedupe_key ?? "untagged"));
}

function duplicates(keys: string[]): string[] {
  return keys.filter((k, i) => keys.indexOf(k) !== i);
}

const connected = (line: Record<string, unknown>) => /slack connected/i.test(String(line.msg));

describe.skipIf(!adminUrl)("replicas on one Postgres (real processes)", () => {
  let ctx: Env;
  beforeAll(async () => {
    ctx = await prepare({ digestInMinutes: 1 });
  });
  afterAll(async () => {
    await ctx?.slack.close();
    await ctx?.sandbox.close();
    await ctx?.dropDb();
  });

  it("two bot processes deliver every alert and digest exactly once", { timeout: 150_000 }, async () => {
    const a = startBot(["start"], ctx.env);
    const b = startBot(["start"], ctx.env);
    try {
      await Promise.all([a.waitForLog(connected, 40_000), b.waitForLog(connected, 40_000)]);
      // Two demo payouts (US, VN) land ~20–25 s after the sandbox started, and the digest at the next minute.
      await ctx.slack.waitFor(
        () => {
          const keys = deliveredKeys(ctx.slack);
          return (
            keys.filter((k) => k.startsWith("payout:")).length >= 2 &&
            keys.some((k) => k.startsWith("digest:"))
          );
        },
        120_000,
        "two payout alerts and a digest",
      );
      // Give both replicas a few more sync and drain rounds to (wrongly) repeat anything.
      await new Promise((r) => setTimeout(r, 8000));
      const keys = deliveredKeys(ctx.slack);
      expect(duplicates(keys)).toEqual([]);
      expect(keys.filter((k) => k === `digest:${ctx.channelId}:${DateTime.utc().toISODate()}`)).toHaveLength(
        1,
      );
      expect(keys.filter((k) => k.startsWith("payout:")).length).toBeGreaterThanOrEqual(2);
    } finally {
      await Promise.all([a.kill("SIGTERM"), b.kill("SIGTERM")]);
      keepLogs([...a.logs, ...b.logs], secretValues(ctx.env));
    }
  });
});

describe.skipIf(!adminUrl)("SIGKILL during delivery (real process, real Postgres)", () => {
  let ctx: Env;
  beforeAll(async () => {
    ctx = await prepare();
  });
  afterAll(async () => {
    await ctx?.slack.close();
    await ctx?.sandbox.close();
    await ctx?.dropDb();
  });

  it("every message that was due arrives exactly once after a kill between send and record", {
    timeout: 150_000,
  }, async () => {
    let bot = startBot(["start"], ctx.env);
    let killedMidPost = 0;
    // The first payout post: Slack records it, then the bot dies before it hears back.
    ctx.slack.afterCall = async (method) => {
      if (method !== "chat.postMessage" || killedMidPost > 0) return;
      killedMidPost += 1;
      await bot.kill("SIGKILL");
    };
    try {
      await ctx.slack.waitFor(() => killedMidPost === 1, 90_000, "a post interrupted by SIGKILL");
      bot = startBot(["start"], ctx.env);
      await bot.waitForLog(connected, 40_000);
      await ctx.slack.waitFor(
        () => deliveredKeys(ctx.slack).filter((k) => k.startsWith("payout:")).length >= 2,
        90_000,
        "both payout alerts",
      );
      // Past the lease, so a wrongly re-sent row would have shown up.
      await new Promise((r) => setTimeout(r, 6000));
      const keys = deliveredKeys(ctx.slack);
      expect(duplicates(keys)).toEqual([]);
      expect(bot.logs.some((l) => l.msg === "delivery found already posted")).toBe(true);
    } finally {
      ctx.slack.afterCall = undefined;
      await bot.kill("SIGTERM");
      keepLogs(bot.logs, secretValues(ctx.env));
    }
  });
});
