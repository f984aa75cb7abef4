import { randomUUID } from "node:crypto";
import { PassThrough, Readable } from "node:stream";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConsoleChoices } from "../../src/adapters/console/choices.ts";
import { createConsoleDelivery } from "../../src/adapters/console/deliver.ts";
import { runConsole } from "../../src/adapters/console/index.ts";
import { evaluateAlerts } from "../../src/alerts/evaluate.ts";
import type { Click } from "../../src/core/actions.ts";
import { ALWAYS_CAN_POST } from "../../src/core/channel-access.ts";
import { reply } from "../../src/core/reply.ts";
import { enqueueView } from "../../src/delivery/enqueue.ts";
import { alertView } from "../../src/delivery/payload.ts";
import { drainOutbox } from "../../src/delivery/worker.ts";
import { silentLogger } from "../../src/log.ts";
import { listRuleChanges } from "../../src/storage/repos/actions.ts";
import { listAllShops } from "../../src/storage/repos/workspaces.ts";
import { alertRules, messageAcks, statements } from "../../src/storage/schema/index.ts";
import { createTestApp, type TestApp, textOf } from "../support/app.ts";
import { recordingPort } from "../support/recording-port.ts";

const log = silentLogger();
let app: TestApp;
/** The bot's one clock, injected: whole minutes from the real time (the sandbox's data is recent). */
const start = Math.floor(Date.now() / 60_000) * 60_000;
let now = new Date(start);
const utc = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace("T", " ");
const clock = () => now;
const { port, sent } = recordingPort();

beforeAll(async () => {
  app = await createTestApp({ sandbox: { historyDays: 5, ordersPerDay: 2 }, clock });
});
afterAll(async () => {
  await app?.close();
});

function click(token: string, over: Partial<Click> = {}): ReturnType<TestApp["core"]["act"]> {
  return app.core.act({
    platform: "console",
    workspaceId: "console",
    channelId: "console",
    userId: "U-ADMIN",
    userLabel: "@admin",
    isAdmin: true,
    token,
    messageId: "m-clicked",
    correlationId: randomUUID(),
    channel: ALWAYS_CAN_POST,
    ...over,
  });
}

async function drain() {
  const before = sent.length;
  await drainOutbox(
    { db: app.database.db, log, clock, ports: { console: port }, charts: app.deps.charts },
    { channelGapMs: 0 },
  );
  return sent.slice(before);
}

/** The button of a posted message by its label. */
function button(message: { reply: { actions?: { id: string; label: string }[] } }, label: string): string {
  const found = message.reply.actions?.find((a) => a.label === label);
  if (!found) throw new Error(`no "${label}" button among ${JSON.stringify(message.reply.actions)}`);
  return found.id;
}

describe("buttons: the action core on a real database", () => {
  let usId = 0;
  let ruleId = 0;

  async function setBalance(value: string): Promise<void> {
    const db = app.database.db;
    await db
      .insert(statements)
      .values({
        shopId: usId,
        id: "test-balance",
        statementTime: new Date("2026-01-01T00:00:00Z"),
        day: "2026-01-01",
        currency: "USD",
        settlement: value,
        paymentStatus: "PROCESSING",
      })
      .onConflictDoUpdate({ target: [statements.shopId, statements.id], set: { settlement: value } });
    await evaluateAlerts({ db, log, clock, sandbox: true });
  }

  it("a threshold alert carries Breakdown, Chart, Payouts, Snooze and Mute as opaque tokens", async () => {
    const db = app.database.db;
    const us = (await listAllShops(db)).find((s) => s.currency === "USD")!;
    usId = us.id;
    await db.update(statements).set({ paymentStatus: "PAID" }).where(eq(statements.shopId, us.id));
    const added = await app.ask("/balance alerts add below 500 recover 600 shop:outdoor");
    expect(added.kind).toBe("success");
    [{ id: ruleId }] = (await db.select({ id: alertRules.id }).from(alertRules)) as [{ id: number }];
    await setBalance("400");
    const [alert] = await drain();
    expect(alert?.reply.title).toMatch(/below/i);
    expect(alert!.reply.actions!.map((a) => a.label)).toEqual([
      "Breakdown",
      "Chart",
      "Payouts",
      "Snooze 24 h",
      "Mute this rule",
    ]);
    // Opaque: no rule id, shop id or amount in what the platform gets back.
    for (const a of alert!.reply.actions!) expect(a.id).toMatch(/^ba_[A-Za-z0-9_-]{24}$/);
  });

  it("Breakdown, Chart and Payouts answer visibly for the message's shop", async () => {
    const [alert] = sent.filter((s) => /below/i.test(s.reply.title));
    const breakdown = await click(button(alert!, "Breakdown"), { isAdmin: false });
    expect(breakdown.type).toBe("post");
    expect(textOf(breakdown.reply)).toMatch(/Outdoor/);
    expect(breakdown.reply.title).toMatch(/Breakdown/i);
    const chart = await click(button(alert!, "Chart"), { isAdmin: false });
    expect(chart.type).toBe("post");
    expect(chart.reply.charts?.length).toBe(1);
    const payouts = await click(button(alert!, "Payouts"), { isAdmin: false });
    expect(payouts.type).toBe("post");
    expect(payouts.reply.title).toMatch(/Payouts/i);
  });

  it("bad clicks get a clear private answer and change nothing", async () => {
    const [alert] = sent.filter((s) => /below/i.test(s.reply.title));
    const snooze = button(alert!, "Snooze 24 h");
    const ruleBefore = await app.database.db.select().from(alertRules);

    const unknown = await click("ba_AAAAAAAAAAAAAAAAAAAAAAAA");
    expect(unknown).toMatchObject({ type: "private", reply: { title: "Unknown button", ephemeral: true } });
    const tampered = await click(`${snooze.slice(0, -1)}'; drop table alert_rules; --`);
    expect(tampered.type).toBe("private");
    expect(tampered.reply.summary).toMatch(/does not know this button.*Nothing was changed/);

    // The same token clicked from another workspace (a copied payload).
    await app.askAs("/balance", { workspaceId: "other-team", workspaceName: "Other" });
    const foreign = await click(snooze, { workspaceId: "other-team" });
    expect(foreign).toMatchObject({ type: "private", reply: { title: "Not your workspace" } });

    const member = await click(snooze, { isAdmin: false, userId: "U-MEMBER" });
    expect(member.type).toBe("private");
    expect(member.reply.summary).toMatch(/Only a workspace admin can snooze.*Nothing was changed/);

    expect(await app.database.db.select().from(alertRules)).toEqual(ruleBefore);
    expect(await listRuleChanges(app.database.db, ruleId)).toEqual([]);
  });

  it("snooze: no alert during the 24 h, one after; shown in alerts list and undone by unsnooze", async () => {
    const [alert] = sent.filter((s) => /below/i.test(s.reply.title));
    const snoozed = await click(button(alert!, "Snooze 24 h"));
    expect(snoozed.type).toBe("post");
    expect(snoozed.reply.summary).toContain(
      `snoozed for 24 h by @admin, until ${utc(start + 86_400_000)} UTC`,
    );
    // A second click (or a replica handling the same click) changes nothing more.
    const again = await click(button(alert!, "Snooze 24 h"));
    expect(again).toMatchObject({ type: "private", reply: { title: "Already done" } });
    expect(textOf(await app.ask("/balance alerts list"))).toContain(
      `snoozed until ${utc(start + 86_400_000)} UTC (end it with /balance alerts unsnooze ${ruleId})`,
    );

    await setBalance("700"); // recovers: re-armed
    now = new Date(start + 2 * 3_600_000);
    await setBalance("300"); // crosses again, during the snooze
    expect((await drain()).filter((s) => /below/i.test(s.reply.title))).toHaveLength(0);
    now = new Date(start + 86_400_000 + 60_000);
    await setBalance("300"); // still below once the snooze is over: told once
    const after = (await drain()).filter((s) => /below/i.test(s.reply.title));
    expect(after).toHaveLength(1);

    const changes = await listRuleChanges(app.database.db, ruleId);
    expect(changes).toMatchObject([
      { change: "snooze", userId: "U-ADMIN", via: "button", messageId: "m-clicked" },
    ]);
    expect(changes[0]!.at.getTime()).toBe(start);

    const snoozedAgain = await click(button(after[0]!, "Snooze 24 h"));
    expect(snoozedAgain.type).toBe("post");
    expect((await app.ask(`/balance alerts unsnooze ${ruleId}`)).kind).toBe("success");
    expect((await app.ask(`/balance alerts unsnooze ${ruleId}`)).summary).toMatch(/is not snoozed/);
    expect(textOf(await app.ask("/balance alerts list"))).not.toMatch(/snoozed until/);
  });

  it("mute: the rule is off and listed as muted until /balance alerts unmute", async () => {
    const [alert] = sent.filter((s) => /below/i.test(s.reply.title)).slice(-1);
    const muted = await click(button(alert!, "Mute this rule"));
    expect(muted.type).toBe("post");
    expect(muted.reply.summary).toMatch(new RegExp(`rule #${ruleId} muted by @admin`));
    expect(textOf(await app.ask("/balance alerts list"))).toMatch(/muted \(turn it back on with/);
    await setBalance("700");
    await setBalance("100");
    expect((await drain()).filter((s) => /below/i.test(s.reply.title))).toHaveLength(0);
    expect((await app.ask(`/balance alerts unmute ${ruleId}`)).kind).toBe("success");
    expect(textOf(await app.ask("/balance alerts list"))).not.toMatch(/muted/);
    expect((await listRuleChanges(app.database.db, ruleId)).map((c) => [c.change, c.via])).toEqual([
      ["snooze", "button"],
      ["snooze", "button"],
      ["unsnooze", "command"],
      ["mute", "button"],
      ["unmute", "command"],
    ]);
  });

  it("a click after the rule was removed answers privately and changes nothing", async () => {
    const [alert] = sent.filter((s) => /below/i.test(s.reply.title)).slice(-1);
    expect((await app.ask(`/balance alerts remove ${ruleId}`)).kind).toBe("success");
    const gone = await click(button(alert!, "Snooze 24 h"));
    expect(gone).toMatchObject({ type: "private", reply: { title: "Rule removed" } });
    expect(gone.reply.summary).toMatch(/no longer exists \(it was removed\).*Nothing was changed/);
  });

  it("Acknowledge redraws the message with who and when in the shop's zone, once for two clicks", async () => {
    const db = app.database.db;
    const view = alertView(
      "payout_failed",
      reply({ kind: "warning", title: "⚠ Payout failed · Sandbox Outdoor (US)", summary: "Payout failed" }),
      [
        { kind: "ack", shopId: usId },
        { kind: "payouts", shopId: usId },
      ],
    );
    await enqueueView(db, { workspaceId: 1, platform: "console", channel: "console" }, view, "ack-test", {
      dueAt: now,
    });
    const [failed] = await drain();
    const token = button(failed!, "Acknowledge");
    const [first, second] = await Promise.all([
      click(token, { userId: "U-ANN", userLabel: "@ann", isAdmin: false }),
      click(token, { userId: "U-BOB", userLabel: "@bob", isAdmin: false }),
    ]);
    const [{ n }] = (await db.select({ n: count() }).from(messageAcks)) as [{ n: number }];
    expect(n).toBe(1);
    expect(first!.type).toBe("update");
    expect(second!.type).toBe("update");
    // Both clickers see the same message: the winner's name, no Acknowledge button left.
    expect(textOf(first!.reply)).toEqual(textOf(second!.reply));
    expect(textOf(first!.reply)).toMatch(
      /Acknowledged by @(ann|bob) at \d\d:\d\d \(Sandbox Outdoor \(US\)'s zone, America\/\w+\)/,
    );
    expect(first!.reply.actions?.map((a) => a.label)).toEqual(["Payouts"]);
  });

  it("console: buttons are numbered choices under the message, answered by typing the number", async () => {
    const db = app.database.db;
    const choices = new ConsoleChoices();
    let printed = "";
    const consolePort = createConsoleDelivery((text) => {
      printed += text;
    }, choices);
    await enqueueView(
      db,
      { workspaceId: 1, platform: "console", channel: "console" },
      alertView(
        "payout_failed",
        reply({ kind: "warning", title: "⚠ Payout failed · Sandbox Outdoor (US)" }),
        [
          { kind: "ack", shopId: usId },
          { kind: "payouts", shopId: usId },
        ],
      ),
      "ack-console",
      { dueAt: now },
    );
    await drainOutbox(
      { db, log, clock, ports: { console: consolePort }, charts: app.deps.charts },
      { channelGapMs: 0 },
    );
    expect(printed).toContain("⚠ Payout failed · Sandbox Outdoor (US)");
    expect(printed).toContain("1) Acknowledge  2) Payouts  — type a number to choose");

    const output = new PassThrough();
    let answered = "";
    output.on("data", (d: Buffer) => {
      answered += d.toString();
    });
    await runConsole(app.core, {
      input: Readable.from(["1\n", "3\n", "1\n"]),
      output,
      dataDir: app.config.dataDir,
      choices,
    });
    // 1: acknowledged, the message printed again with its remaining choice renumbered (3).
    expect(answered).toMatch(
      /Acknowledged by you \(console\) at \d\d:\d\d[\s\S]*3\) Payouts {2}— type a number/,
    );
    // 3: the shop's payouts.
    expect(answered).toMatch(/Last \d+ payouts · Sandbox Outdoor \(US\)/);
    // 1 again: the message as it stands (still one acknowledgement by the first click).
    expect(answered.match(/Acknowledged by you \(console\)/g)).toHaveLength(2);
    const [{ n }] = (await db.select({ n: count() }).from(messageAcks)) as [{ n: number }];
    expect(n).toBe(2);
  });
});
