import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/cli/app.ts";
import { loadConfig } from "../../src/config.ts";
import { silentLogger } from "../../src/log.ts";
import { type SandboxShop, startSandboxShop } from "../../src/providers/sandbox/index.ts";
import { openDatabase } from "../../src/storage/database.ts";
import { insertAlertRule } from "../../src/storage/repos/settings.ts";
import {
  ensureChannel,
  ensureWorkspace,
  linkShop,
  listAllShops,
} from "../../src/storage/repos/workspaces.ts";
import { FakeLine } from "../fakes/line.ts";
import { startBot } from "../support/bot-process.ts";
import { createScratchDatabase, freePort, sandboxShopEnv } from "../support/cluster.ts";
import { keepLogs } from "../support/log-capture.ts";

/**
 * The real bot process with LINE, on a real Postgres, killed with SIGKILL after LINE accepted a
 * payout alert and before the bot heard back: after a restart the outbox posts the row again
 * with the same X-Line-Retry-Key, LINE answers 409, and the group sees the alert once.
 * Needs a Postgres server (CI sets TEST_DATABASE_URL); PGlite is one process only.
 */
const adminUrl = process.env.TEST_DATABASE_URL;
const GROUP = `C${"e".repeat(32)}`;

describe.skipIf(!adminUrl)("LINE: SIGKILL between LINE accepting a push and the bot recording it", () => {
  let line: FakeLine;
  let sandbox: SandboxShop;
  let env: Record<string, string>;
  let dropDb: () => Promise<void>;

  beforeAll(async () => {
    const scratch = await createScratchDatabase(adminUrl!, "bb_line");
    dropDb = scratch.drop;
    line = await FakeLine.start({ groups: { [GROUP]: ["U1", "U2"] } });
    // Speed 60: the sandbox's demo payouts turn PAID ~20–25 s after it starts.
    sandbox = await startSandboxShop({ seed: 7, speed: 60, historyDays: 6, ordersPerDay: 3 });
    const port = await freePort();
    env = {
      ...sandboxShopEnv(sandbox, scratch.url, "bb-line-"),
      LINE_CHANNEL_SECRET: line.channelSecret,
      LINE_CHANNEL_ACCESS_TOKEN: line.accessToken,
      LINE_API_URL: line.apiUrl,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      PORT: String(port),
      SYNC_CRON: "*/3 * * * * *",
      OUTBOX_LEASE_SECONDS: "3",
    };
    // Bootstrap once (stores the tokens, links the shops), then subscribe the LINE group to payouts.
    const database = await openDatabase({ url: scratch.url, max: 2 });
    const app = await createApp(loadConfig(env), { log: silentLogger(), database });
    const db = database.db;
    const workspaceId = await ensureWorkspace(db, "line", GROUP);
    for (const shop of await listAllShops(db)) await linkShop(db, workspaceId, shop.id);
    const channelId = await ensureChannel(db, workspaceId, GROUP);
    await insertAlertRule(db, { workspaceId, channelId, kind: "payout", createdBy: "test" });
    await app.close();
  });

  afterAll(async () => {
    await line?.close();
    await sandbox?.close();
    await dropDb?.();
  });

  it("the payout alerts reach the group exactly once", { timeout: 150_000 }, async () => {
    let bot = startBot(["start"], env);
    let killed = 0;
    line.afterPush = async () => {
      if (killed > 0) return;
      killed += 1;
      await bot.kill("SIGKILL");
    };
    const pushes = () => line.sentTo(GROUP).filter((s) => s.via === "push");
    const waitFor = async (predicate: () => boolean, ms: number, what: string) => {
      const until = Date.now() + ms;
      while (!predicate()) {
        if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    try {
      await waitFor(() => killed === 1, 90_000, "a push interrupted by SIGKILL");
      bot = startBot(["start"], env);
      await waitFor(() => pushes().length >= 2, 90_000, "both payout alerts (US and VN)");
      // Past the lease, so a wrongly re-sent row would have shown up.
      await new Promise((r) => setTimeout(r, 6000));
      const keys = pushes().map((p) => p.retryKey);
      expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
      expect(line.refusals.some((r) => r.status === 409)).toBe(true);
      expect(pushes().every((p) => JSON.stringify(p.messages).includes("Payout"))).toBe(true);
    } finally {
      line.afterPush = undefined;
      await bot.kill("SIGTERM");
      keepLogs(bot.logs, [env.LINE_CHANNEL_ACCESS_TOKEN!, env.LINE_CHANNEL_SECRET!, env.TIKTOK_APP_SECRET!]);
    }
  });
});
