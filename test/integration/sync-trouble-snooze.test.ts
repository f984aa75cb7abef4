import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateAlerts } from "../../src/alerts/evaluate.ts";
import type { Click } from "../../src/core/actions.ts";
import { ALWAYS_CAN_POST } from "../../src/core/channel-access.ts";
import { drainOutbox } from "../../src/delivery/worker.ts";
import { silentLogger } from "../../src/log.ts";
import { listRuleChanges } from "../../src/storage/repos/actions.ts";
import { listAllShops } from "../../src/storage/repos/workspaces.ts";
import { alertRules, syncState } from "../../src/storage/schema/index.ts";
import { createTestApp, type TestApp, textOf } from "../support/app.ts";
import { recordingPort } from "../support/recording-port.ts";

/**
 * Snooze 24 h and Mute on sync-trouble messages: the click makes the channel's implicit
 * `sync_trouble` rule for the shop, so the state, the audit trail, alerts list and
 * unsnooze/unmute are the rules' own.
 */
const log = silentLogger();
let app: TestApp;
const DAY = 86_400_000;
// Whole minutes from the real time (the sandbox's data is recent), not in the first minutes of a UTC day.
const minute = Math.floor(Date.now() / 60_000) * 60_000;
const start = minute % DAY < 10 * 60_000 ? minute - 15 * 60_000 : minute;
let now = new Date(start);
const clock = () => now;
const utc = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace("T", " ");
/** One minute into the UTC day after `ms`: a new day for the once-a-day dedupe key. */
const nextDay = (ms: number) => Math.floor(ms / DAY) * DAY + DAY + 60_000;
const { port, sent } = recordingPort();
let shopId = 0;

beforeAll(async () => {
  app = await createTestApp({ sandbox: { historyDays: 3, ordersPerDay: 1 }, clock });
});
afterAll(async () => {
  await app?.close();
});

function click(token: string, over: Partial<Click> = {}) {
  return app.core.act({
    platform: "console",
    workspaceId: "console",
    channelId: "console",
    userId: "U-ADMIN",
    userLabel: "@admin",
    isAdmin: true,
    token,
    messageId: "m-trouble",
    correlationId: randomUUID(),
    channel: ALWAYS_CAN_POST,
    ...over,
  });
}

/** Evaluates alerts at the current time and returns the sync-trouble messages posted. */
async function troubleTold() {
  const db = app.database.db;
  await evaluateAlerts({ db, log, clock, sandbox: true });
  const before = sent.length;
  await drainOutbox(
    { db, log, clock, ports: { console: port }, charts: app.deps.charts },
    { channelGapMs: 0 },
  );
  return sent.slice(before).filter((s) => s.reply.title.startsWith("⚠ Sync trouble"));
}

function button(message: { reply: { actions?: { id: string; label: string }[] } }, label: string): string {
  const found = message.reply.actions?.find((a) => a.label === label);
  if (!found) throw new Error(`no "${label}" button among ${JSON.stringify(message.reply.actions)}`);
  return found.id;
}

async function troubleRule() {
  return app.database.db
    .select()
    .from(alertRules)
    .where(and(eq(alertRules.kind, "sync_trouble"), eq(alertRules.shopId, shopId)));
}

describe("sync trouble: Snooze 24 h and Mute per channel and shop", () => {
  let message: Awaited<ReturnType<typeof troubleTold>>[number];
  let ruleId = 0;

  it("a sync-trouble message carries Snooze 24 h and Mute; a member's click is refused privately", async () => {
    const db = app.database.db;
    const shop = (await listAllShops(db)).find((s) => s.currency === "USD")!;
    shopId = shop.id;
    expect((await app.ask("/balance alerts add payout")).kind).toBe("success");
    await db
      .update(syncState)
      .set({ consecutiveFailures: 3, lastError: "TikTok answered 500", lastErrorCode: "500" })
      .where(eq(syncState.shopId, shopId));
    const told = await troubleTold();
    expect(told).toHaveLength(1);
    message = told[0]!;
    expect(message.reply.title).toBe(`⚠ Sync trouble · ${shop.name}`);
    expect(message.reply.actions!.map((a) => a.label)).toEqual([
      "Acknowledge",
      "Breakdown",
      "Chart",
      "Payouts",
      "Snooze 24 h",
      "Mute this rule",
    ]);

    const member = await click(button(message, "Snooze 24 h"), { isAdmin: false, userId: "U-MEMBER" });
    expect(member).toMatchObject({ type: "private", reply: { ephemeral: true, title: "Not allowed" } });
    expect(member.reply.summary).toMatch(
      /Only a workspace admin can snooze sync-trouble alerts.*Nothing was changed/,
    );
    const mute = await click(button(message, "Mute this rule"), { isAdmin: false, userId: "U-MEMBER" });
    expect(mute.reply.summary).toMatch(/Only a workspace admin can mute/);
    expect(await troubleRule()).toEqual([]);
  });

  it("snooze: no sync-trouble message during the 24 h, the next trouble after; listed; recorded", async () => {
    const snoozed = await click(button(message, "Snooze 24 h"));
    expect(snoozed.type).toBe("post");
    const [rule] = await troubleRule();
    ruleId = rule!.id;
    expect(snoozed.reply.summary).toBe(
      `Sync-trouble alerts of Sandbox Outdoor (US) in this channel (alert #${ruleId}) snoozed for 24 h by @admin, until ${utc(start + DAY)} UTC. Undo: /balance alerts unsnooze ${ruleId}`,
    );
    const again = await click(button(message, "Snooze 24 h"));
    expect(again).toMatchObject({ type: "private", reply: { title: "Already done" } });
    expect(await troubleRule()).toHaveLength(1);
    const list = textOf(await app.ask("/balance alerts list"));
    expect(list).toContain("sync trouble of Sandbox Outdoor (US)");
    expect(list).toContain(
      `snoozed until ${utc(start + DAY)} UTC (end it with /balance alerts unsnooze ${ruleId})`,
    );

    // A new day (a new once-a-day message would be due) still inside the snooze: nothing.
    expect(nextDay(start)).toBeLessThan(start + DAY);
    now = new Date(nextDay(start));
    expect(await troubleTold()).toHaveLength(0);
    now = new Date(start + DAY + 60_000);
    const after = await troubleTold();
    expect(after).toHaveLength(1);
    message = after[0]!;

    const changes = await listRuleChanges(app.database.db, ruleId);
    expect(changes).toMatchObject([
      { change: "snooze", userId: "U-ADMIN", via: "button", messageId: "m-trouble" },
    ]);
    expect(changes[0]!.at.getTime()).toBe(start);
  });

  it("unsnooze ends a snooze: the next day's trouble is told again", async () => {
    const snoozedAt = now.getTime();
    expect((await click(button(message, "Snooze 24 h"))).type).toBe("post");
    expect((await app.ask(`/balance alerts unsnooze ${ruleId}`)).kind).toBe("success");
    expect(textOf(await app.ask("/balance alerts list"))).not.toMatch(/snoozed until/);
    now = new Date(nextDay(snoozedAt)); // inside the 24 h the ended snooze would have lasted
    const told = await troubleTold();
    expect(told).toHaveLength(1);
    message = told[0]!;
  });

  it("mute: no sync-trouble message until /balance alerts unmute; listed as muted", async () => {
    const muted = await click(button(message, "Mute this rule"));
    expect(muted.type).toBe("post");
    expect(muted.reply.summary).toBe(
      `Sync-trouble alerts of Sandbox Outdoor (US) in this channel (alert #${ruleId}) muted by @admin. Turn them back on: /balance alerts unmute ${ruleId}`,
    );
    expect(textOf(await app.ask("/balance alerts list"))).toContain(
      `muted (turn it back on with /balance alerts unmute ${ruleId})`,
    );
    now = new Date(nextDay(now.getTime()));
    expect(await troubleTold()).toHaveLength(0);
    now = new Date(now.getTime() + 3 * DAY);
    expect(await troubleTold()).toHaveLength(0);
    // Muted, the payout rule of the same channel is untouched.
    expect(textOf(await app.ask("/balance alerts list"))).toMatch(/when a payout arrives[^\n]*\bon\b/);

    expect((await app.ask(`/balance alerts unmute ${ruleId}`)).kind).toBe("success");
    expect(await troubleTold()).toHaveLength(1);
    expect((await listRuleChanges(app.database.db, ruleId)).map((c) => [c.change, c.via, c.userId])).toEqual([
      ["snooze", "button", "U-ADMIN"],
      ["snooze", "button", "U-ADMIN"],
      ["unsnooze", "command", expect.any(String)],
      ["mute", "button", "U-ADMIN"],
      ["unmute", "command", expect.any(String)],
    ]);
  });
});
