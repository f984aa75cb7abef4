import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/cli/app.ts";
import { loadConfig } from "../../src/config.ts";
import { reply } from "../../src/core/reply.ts";
import { enqueueView } from "../../src/delivery/enqueue.ts";
import { alertView } from "../../src/delivery/payload.ts";
import { silentLogger } from "../../src/log.ts";
import { type SandboxShop, startSandboxShop } from "../../src/providers/sandbox/index.ts";
import { openDatabase } from "../../src/storage/database.ts";
import {
  ensureChannel,
  ensureWorkspace,
  linkShop,
  listAllShops,
} from "../../src/storage/repos/workspaces.ts";
import { FakeSlack, signedInteractionRequest } from "../fakes/slack.ts";
import { startBot } from "../support/bot-process.ts";
import { createScratchDatabase, freePort, sandboxShopEnv } from "../support/cluster.ts";
import { keepLogs } from "../support/log-capture.ts";

/**
 * Two real bot processes (Slack HTTP mode, as behind a load balancer) on one real Postgres: two
 * people click Acknowledge on the same failed-payout message at the same moment, one click on
 * each replica. Needs a Postgres server (TEST_DATABASE_URL); PGlite is one process only.
 */
const adminUrl = process.env.TEST_DATABASE_URL;
const CHANNEL = "C0PAYOUTS1";
const SIGNING_SECRET = "cluster-signing-secret-0123456789";

describe.skipIf(!adminUrl)("Acknowledge on two replicas (real processes, one Postgres)", () => {
  let slack: FakeSlack;
  let sandbox: SandboxShop;
  let env: Record<string, string>;
  let dbUrl: string;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const scratch = await createScratchDatabase(adminUrl!, "bb_buttons");
    dbUrl = scratch.url;
    drop = scratch.drop;
    slack = await FakeSlack.start({ channels: [{ id: CHANNEL, name: "payouts", member: true }] });
    sandbox = await startSandboxShop({ seed: 7, speed: 1, historyDays: 3, ordersPerDay: 2 });
    env = {
      ...sandboxShopEnv(sandbox, dbUrl, "bb-buttons-"),
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
    };
    // Bootstrap once (migrations, tokens, shops), then queue a failed payout with its buttons.
    const database = await openDatabase({ url: dbUrl, max: 2 });
    const app = await createApp(loadConfig(env), { log: silentLogger(), database });
    const db = database.db;
    const workspaceId = await ensureWorkspace(db, "slack", slack.teamId);
    const shops = await listAllShops(db);
    for (const shop of shops) await linkShop(db, workspaceId, shop.id);
    await ensureChannel(db, workspaceId, CHANNEL);
    await enqueueView(
      db,
      { workspaceId, platform: "slack", channel: CHANNEL },
      alertView(
        "payout_failed",
        reply({ kind: "warning", title: `⚠ Payout failed · ${shops[0]!.name}`, summary: "Payout failed" }),
        [{ kind: "ack", shopId: shops[0]!.id }],
      ),
      "payout_failed:cluster-test",
    );
    await app.close();
  });
  afterAll(async () => {
    await slack?.close();
    await sandbox?.close();
    await drop?.();
  });

  it("two simultaneous clicks on two replicas make one acknowledgement", { timeout: 120_000 }, async () => {
    const [portA, portB] = [await freePort(), await freePort()];
    const a = startBot(["start"], { ...env, PORT: String(portA) });
    const b = startBot(["start"], { ...env, PORT: String(portB) });
    const connected = (line: Record<string, unknown>) => /slack connected/i.test(String(line.msg));
    try {
      await Promise.all([a.waitForLog(connected, 60_000), b.waitForLog(connected, 60_000)]);
      await slack.waitFor(
        () => slack.messages.some((m) => m.channel === CHANNEL),
        30_000,
        "the failed payout",
      );
      const posted = slack.messages.filter((m) => m.channel === CHANNEL);
      expect(posted).toHaveLength(1);
      const message = posted[0]!;
      const ann = slack.clickPayload({ message, label: "Acknowledge", user_id: "U0ANN00001" });
      const bob = slack.clickPayload({ message, label: "Acknowledge", user_id: "U0BOB00001" });
      const [ra, rb] = await Promise.all([
        signedInteractionRequest(`http://127.0.0.1:${portA}/slack/events`, SIGNING_SECRET, ann),
        signedInteractionRequest(`http://127.0.0.1:${portB}/slack/events`, SIGNING_SECRET, bob),
      ]);
      expect([ra.status, rb.status]).toEqual([200, 200]);
      await slack.waitFor(() => slack.interactions.length === 2, 30_000, "both clicks answered");

      const check = postgres(dbUrl, { max: 1, onnotice: () => {} });
      const acks = await check`select user_id from message_acks`;
      await check.end();
      expect(acks).toHaveLength(1);
      const winner = String(acks[0]!.user_id);
      expect(["U0ANN00001", "U0BOB00001"]).toContain(winner);
      // Both replicas redrew the message the same way: one name, the button gone.
      expect(slack.interactions.map((i) => i.kind)).toEqual(["replaced", "replaced"]);
      const texts = slack.interactions.map((i) => JSON.stringify(i.body.blocks));
      expect(texts[0]).toEqual(texts[1]);
      expect(texts[0]).toContain(`Acknowledged by @user-${winner.toLowerCase()}`);
      expect(texts[0]).not.toContain('"Acknowledge"');
      const shown = JSON.stringify(slack.messages.find((m) => m.ts === message.ts)!.blocks);
      expect(shown).toContain(`Acknowledged by @user-${winner.toLowerCase()}`);
    } finally {
      await Promise.all([a.kill("SIGTERM"), b.kill("SIGTERM")]);
      keepLogs([...a.logs, ...b.logs], [env.SLACK_BOT_TOKEN!, env.TIKTOK_APP_SECRET!, env.ENCRYPTION_KEY!]);
    }
  });
});
