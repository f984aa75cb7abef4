import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SandboxShop, startSandboxShop } from "../../src/providers/sandbox/index.ts";
import { signWebhook } from "../../src/providers/tiktok/sign.ts";
import { FakeSlack, signedSlashCommandRequest, signSlackRequest } from "../fakes/slack.ts";
import { type BotProcess, startBot } from "../support/bot-process.ts";
import { keepLogs } from "../support/log-capture.ts";

/**
 * Two real bot processes in Slack HTTP mode on one Postgres: a signed request captured once is
 * served once, whichever replica each copy reaches and however its signature header is dressed
 * up; a TikTok webhook delivered to both is handled once. Needs TEST_DATABASE_URL.
 */
const adminUrl = process.env.TEST_DATABASE_URL;
const SIGNING_SECRET = "cluster-signing-secret-0123456789";
const ADMIN = "U0ADMIN001";
const CHANNEL = "C0FINANCE1";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe.skipIf(!adminUrl)("replays across replicas (real processes, one Postgres)", () => {
  const name = `bb_replay_${process.pid}_${randomBytes(3).toString("hex")}`;
  let sql: postgres.Sql;
  let slack: FakeSlack;
  let sandbox: SandboxShop;
  const bots: BotProcess[] = [];
  let urls: string[] = [];
  let env: Record<string, string>;

  beforeAll(async () => {
    const admin = postgres(adminUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl!);
    url.pathname = `/${name}`;
    sql = postgres(url.toString(), { max: 2, onnotice: () => {} });
    slack = await FakeSlack.start({ admins: [ADMIN] });
    sandbox = await startSandboxShop({ seed: 7, speed: 1, historyDays: 3, ordersPerDay: 2 });
    const tokens = sandbox.bootstrapTokens();
    env = {
      DATABASE_URL: url.toString(),
      DATA_DIR: mkdtempSync(join(tmpdir(), "bb-replay-")),
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      TIKTOK_APP_KEY: sandbox.appKey,
      TIKTOK_APP_SECRET: sandbox.appSecret,
      TIKTOK_API_URL: sandbox.url,
      TIKTOK_AUTH_URL: sandbox.url,
      TIKTOK_ACCESS_TOKEN: tokens.accessToken,
      TIKTOK_REFRESH_TOKEN: tokens.refreshToken,
      ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    };
    // The first process migrates and links the shops before the second starts.
    const ports = [await freePort(), await freePort()];
    for (const port of ports) {
      const bot = startBot(["start"], { ...env, PORT: String(port) });
      bots.push(bot);
      await bot.waitForLog((l) => /slack connected/i.test(String(l.msg)), 60_000);
    }
    urls = ports.map((p) => `http://127.0.0.1:${p}`);
  }, 150_000);

  afterAll(async () => {
    await Promise.all(bots.map((b) => b.kill("SIGTERM")));
    keepLogs(
      bots.flatMap((b) => b.logs),
      [SIGNING_SECRET, env?.TIKTOK_APP_SECRET ?? "", env?.ENCRYPTION_KEY ?? ""],
    );
    await sql?.end();
    await slack?.close();
    await sandbox?.close();
    const cleanup = postgres(adminUrl!, { max: 1, onnotice: () => {} });
    await cleanup.unsafe(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  });

  it("one captured `alerts add` sent five times to two replicas creates one rule", async () => {
    const params = slack.slashCommandPayload({
      text: "alerts add payout",
      user_id: ADMIN,
      channel_id: CHANNEL,
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = signSlackRequest(SIGNING_SECRET, timestamp, new URLSearchParams(params).toString());
    const statuses: number[] = [];
    for (const [i, variant] of [
      signature,
      `${signature}=1`,
      `${signature}=2`,
      signature,
      `${signature}=3`,
    ].entries()) {
      const res = await signedSlashCommandRequest(`${urls[i % 2]}/slack/events`, SIGNING_SECRET, params, {
        timestamp,
        signature: variant,
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 401, 401, 401, 401]);
    const rules = await sql`select count(*)::int as n from alert_rules where kind = 'payout'`;
    expect(rules[0]!.n).toBe(1);
  });

  it("a TikTok webhook delivered to both replicas is handled once", async () => {
    const [shop] = await sql`select id, external_id from shops order by id limit 1`;
    // The Slack workspace (made by the first test) follows that shop, so its channel is told.
    await sql`insert into workspace_shops (workspace_id, shop_id)
      select id, ${shop!.id} from workspaces where platform = 'slack' on conflict do nothing`;
    const body = JSON.stringify({
      type: 6,
      tts_notification_id: `n-${randomBytes(4).toString("hex")}`,
      shop_id: shop!.external_id,
      timestamp: Math.floor(Date.now() / 1000),
      data: { message: "Shop is deauthorized from your APP by merchant." },
    });
    const authorization = signWebhook(sandbox.appKey, sandbox.appSecret, body);
    const results = await Promise.all(
      urls.map((u) =>
        fetch(`${u}/webhooks/tiktok`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization },
          body,
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    // Both replicas answer 200 at once and handle the event after; wait for it to land.
    const deadline = Date.now() + 10_000;
    let events = 0;
    while (events === 0 && Date.now() < deadline) {
      const [row] = await sql`select count(*)::int as n from webhook_events`;
      events = row!.n as number;
      if (events === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(events).toBe(1);
    // The rule's channel hears it once, though both replicas were told.
    const notices = await sql`select count(*)::int as n from outbox where kind = 'deauthorized'`;
    expect(notices[0]!.n).toBe(1);
  });
});
