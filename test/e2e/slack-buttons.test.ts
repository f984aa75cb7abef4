import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SlackAdapter, startSlack } from "../../src/adapters/slack/index.ts";
import { SLACK_BOT_SCOPES } from "../../src/adapters/slack/manifest.ts";
import { evaluateAlerts } from "../../src/alerts/evaluate.ts";
import { reply } from "../../src/core/reply.ts";
import { enqueueView } from "../../src/delivery/enqueue.ts";
import { alertView, digestView } from "../../src/delivery/payload.ts";
import { drainOutbox } from "../../src/delivery/worker.ts";
import { buildDigestView } from "../../src/digests/build.ts";
import { DIGEST_BUTTONS } from "../../src/digests/tick.ts";
import { silentLogger } from "../../src/log.ts";
import { listRuleChanges } from "../../src/storage/repos/actions.ts";
import { listAllShops, listLinkedShops } from "../../src/storage/repos/workspaces.ts";
import { alertRules, messageAcks, statements, workspaces } from "../../src/storage/schema/index.ts";
import { FakeSlack, type PostedMessage, signedInteractionRequest } from "../fakes/slack.ts";
import { visibleText } from "../fakes/slack-blocks.ts";
import { createTestApp, type TestApp } from "../support/app.ts";

const SIGNING_SECRET = "test-signing-secret-0123456789";
const CHANNEL = "C0FINANCE1";
const ADMIN = "U0ADMIN001";
const MEMBER = "U0MEMBER01";
const log = silentLogger();

function buttonsOf(message: PostedMessage | undefined): string[] {
  const block = (message?.blocks ?? []).find((b) => (b as { type?: string }).type === "actions") as
    | { elements: { text: { text: string } }[] }
    | undefined;
  return block?.elements.map((e) => e.text.text) ?? [];
}

let app: TestApp;
let fake: FakeSlack;
let socket: SlackAdapter;
let http: SlackAdapter;
let url: string;
let workspaceId = 0;

beforeAll(async () => {
  app = await createTestApp({ sandbox: { historyDays: 5, ordersPerDay: 2 } });
  fake = await FakeSlack.start({
    admins: [ADMIN],
    scopes: SLACK_BOT_SCOPES,
    channels: [{ id: CHANNEL, name: "finance", member: true }],
    lenient: { rateLimits: true },
  });
  socket = await startSlack({
    core: app.core,
    config: {
      mode: "socket",
      botToken: fake.botToken,
      appToken: fake.appToken,
      apiUrl: fake.apiUrl,
      admins: [],
    },
    log,
  });
  await fake.waitForSocket();
  http = await startSlack({
    core: app.core,
    config: {
      mode: "http",
      botToken: fake.botToken,
      signingSecret: SIGNING_SECRET,
      apiUrl: fake.apiUrl,
      admins: [],
      port: 0,
    },
    log,
  });
  url = `http://127.0.0.1:${http.httpPort}/slack/events`;
});
afterAll(async () => {
  await http?.stop();
  await socket?.stop();
  await fake?.close();
  await app?.close();
});

async function drain(): Promise<PostedMessage[]> {
  const before = fake.messages.length;
  await drainOutbox(
    {
      db: app.database.db,
      log,
      clock: () => new Date(),
      ports: { slack: socket.delivery },
      charts: app.deps.charts,
    },
    { channelGapMs: 0 },
  );
  return fake.messages.slice(before);
}

/** Clicks over Socket Mode and waits until what the click does has reached Slack. */
async function click(
  message: PostedMessage,
  label: string,
  user = MEMBER,
  over: { team_id?: string; value?: string } = {},
) {
  const calls = fake.calls.length;
  const answered = fake.interactions.length;
  const payload = fake.clickPayload({ message, label, user_id: user, ...over });
  const { receivedAfterMs } = await fake.sendBlockActions(payload);
  expect(receivedAfterMs).toBeLessThan(3000);
  await fake.waitFor(
    () =>
      fake.interactions.length > answered ||
      fake.calls.slice(calls).some((c) => c.method === "chat.postMessage"),
    20_000,
    `the answer to ${label}`,
  );
  return payload;
}

describe("Slack buttons through the real Bolt", () => {
  let threshold: PostedMessage;
  let failed: PostedMessage;
  let digest: PostedMessage;
  let ruleId = 0;

  it("digests, threshold alerts and failed payouts go out with their buttons", async () => {
    const db = app.database.db;
    const added = await fake.sendSlashCommand({
      text: "alerts add below 500 recover 600 shop:outdoor",
      user_id: ADMIN,
      channel_id: CHANNEL,
    });
    expect(JSON.stringify(added.payload)).toMatch(/Alert/);
    [{ id: workspaceId }] = (await db
      .select({ id: workspaces.id })
      .from(workspaces)
      .where(eq(workspaces.externalId, fake.teamId))) as [{ id: number }];
    [{ id: ruleId }] = (await db.select({ id: alertRules.id }).from(alertRules)) as [{ id: number }];
    const us = (await listAllShops(db)).find((s) => s.currency === "USD")!;
    await db.update(statements).set({ paymentStatus: "PAID" }).where(eq(statements.shopId, us.id));
    await db.insert(statements).values({
      shopId: us.id,
      id: "test-balance",
      statementTime: new Date("2026-01-01T00:00:00Z"),
      day: "2026-01-01",
      currency: "USD",
      settlement: "400",
      paymentStatus: "PROCESSING",
    });
    await evaluateAlerts({ db, log, clock: () => new Date(), sandbox: true });

    const target = { workspaceId, platform: "slack" as const, channel: CHANNEL };
    await enqueueView(
      db,
      target,
      alertView(
        "payout_failed",
        reply({
          kind: "warning",
          title: "⚠ Payout failed · Sandbox Outdoor (US)",
          summary: "Payout failed: $120.00",
        }),
        [
          { kind: "ack", shopId: us.id },
          { kind: "breakdown", shopId: us.id, period: "30d" },
        ],
      ),
      "payout_failed:test",
    );
    const shops = await listLinkedShops(db, workspaceId);
    const view = await buildDigestView({
      db,
      now: new Date(),
      sandbox: true,
      workspaceId,
      shops,
      zone: "UTC",
      since: null,
    });
    await enqueueView(db, target, digestView(view.reply, view.charts, DIGEST_BUTTONS), "digest:test");

    const posted = await drain();
    threshold = posted.find((m) => /below/i.test(m.text ?? ""))!;
    failed = posted.find((m) => /Payout failed/.test(m.text ?? ""))!;
    digest = posted.find((m) => /Digest|digest/.test(m.text ?? "") && m !== threshold && m !== failed)!;
    expect(buttonsOf(threshold)).toEqual(["Breakdown", "Chart", "Payouts", "Snooze 24 h", "Mute this rule"]);
    expect(buttonsOf(failed)).toEqual(["Acknowledge", "Breakdown"]);
    expect(buttonsOf(digest)).toEqual(["Breakdown", "Chart", "Payouts"]);
  });

  it("Breakdown, Chart and Payouts answer in the message's thread, for the channel to see", async () => {
    await click(digest, "Breakdown");
    const breakdown = fake.messages.at(-1)!;
    expect(breakdown.threadTs).toBe(digest.ts);
    expect(breakdown.text).toMatch(/Breakdown/);
    expect(visibleText(breakdown)).toMatch(/Sandbox Outdoor \(US\)/);

    const files = fake.files.length;
    await click(threshold, "Chart");
    await fake.waitFor(() => fake.files.length === files + 1, 20_000, "the chart upload");
    expect(fake.files.at(-1)).toMatchObject({ channelId: CHANNEL, threadTs: threshold.ts });
    expect(fake.files.at(-1)!.title).toMatch(/^Sandbox Outdoor \(US\) · settled per day/);

    await click(threshold, "Payouts");
    expect(fake.messages.at(-1)).toMatchObject({
      threadTs: threshold.ts,
      text: expect.stringMatching(/payouts/i),
    });
  });

  it("Snooze and Mute need an admin: a member is told privately and nothing changes", async () => {
    await click(threshold, "Snooze 24 h", MEMBER);
    expect(fake.interactions.at(-1)).toMatchObject({ kind: "ephemeral", user: MEMBER });
    expect(String(fake.interactions.at(-1)!.body.text)).toMatch(/Not allowed/);
    expect(visibleText(fake.interactions.at(-1)!.body)).toMatch(/Only a workspace admin can snooze/);
    expect(await listRuleChanges(app.database.db, ruleId)).toEqual([]);
  });

  it("an admin's Snooze and Mute are told in the thread and recorded with the message", async () => {
    await click(threshold, "Snooze 24 h", ADMIN);
    const told = fake.messages.at(-1)!;
    expect(told.threadTs).toBe(threshold.ts);
    expect(visibleText(told)).toMatch(/Alert rule #\d+ snoozed for 24 h by @user-u0admin001, until .* UTC/);
    await click(threshold, "Mute this rule", ADMIN);
    expect(visibleText(fake.messages.at(-1)!)).toMatch(/muted by @user-u0admin001/);
    expect(await listRuleChanges(app.database.db, ruleId)).toMatchObject([
      { change: "snooze", userId: ADMIN, via: "button", messageId: threshold.ts },
      { change: "mute", userId: ADMIN, via: "button", messageId: threshold.ts },
    ]);
  });

  it("Acknowledge redraws the message in place: who and when, and the button is gone", async () => {
    await click(failed, "Acknowledge", MEMBER);
    expect(fake.interactions.at(-1)).toMatchObject({ kind: "replaced", messageTs: failed.ts });
    const now = fake.messages.find((m) => m.ts === failed.ts)!;
    expect(visibleText(now)).toMatch(
      /Acknowledged by @user-u0member01 at \d\d:\d\d \(Sandbox Outdoor \(US\)'s zone/,
    );
    expect(buttonsOf(now)).toEqual(["Breakdown"]);
  });

  it("a forged value or a click from another workspace gets a private answer and changes nothing", async () => {
    const acks = await app.database.db.select().from(messageAcks);
    await click(threshold, "Breakdown", MEMBER, { value: "ba_forgedforgedforgedforged" });
    expect(fake.interactions.at(-1)).toMatchObject({ kind: "ephemeral" });
    expect(visibleText(fake.interactions.at(-1)!.body)).toMatch(/does not know this button/);
    await click(digest, "Payouts", "U0OTHER001", { team_id: "T0OTHERTEAM" });
    expect(visibleText(fake.interactions.at(-1)!.body)).toMatch(/belongs to a message of another workspace/);
    expect(await app.database.db.select().from(messageAcks)).toEqual(acks);
  });

  it("HTTP mode: a signed click is acked within 3 s and answered; forged and replayed ones are refused", async () => {
    const payload = fake.clickPayload({ message: digest, label: "Payouts", user_id: MEMBER });
    const before = fake.messages.length;
    const timestamp = Math.floor(Date.now() / 1000);
    const signed = await signedInteractionRequest(url, SIGNING_SECRET, payload, { timestamp });
    expect(signed.status).toBe(200);
    expect(signed.elapsedMs).toBeLessThan(3000);
    await fake.waitFor(() => fake.messages.length > before, 20_000, "the Payouts answer");
    expect(fake.messages.at(-1)).toMatchObject({
      threadTs: digest.ts,
      text: expect.stringMatching(/payouts/i),
    });

    const replay = await signedInteractionRequest(url, SIGNING_SECRET, payload, { timestamp });
    expect(replay.status).toBe(401);
    const forged = await signedInteractionRequest(url, "not-the-secret", payload);
    expect(forged.status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.messages.length).toBe(before + 1);
  });
});

describe("private reports in Slack", () => {
  it("`/balance chart 7d private` answers the asker only, with the figures and why no file, and uploads nothing", async () => {
    const files = fake.files.length;
    const ack = await fake.sendSlashCommand({
      text: "chart 7d shop:outdoor private",
      user_id: MEMBER,
      channel_id: CHANNEL,
    });
    if (!ack.payload.response_type)
      await fake.waitFor(() => fake.responsesTo(ack.response_url).length === 1, 20_000, "the answer");
    const answer = ack.payload.response_type ? ack.payload : fake.responsesTo(ack.response_url)[0]!.body;
    expect(answer.response_type).toBe("ephemeral");
    expect(visibleText(answer)).toMatch(/Sandbox Outdoor \(US\)/);
    expect(visibleText(answer)).toContain("Slack can't show a file to you alone");
    expect(visibleText(answer)).not.toContain("Chart attached");
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.files.length).toBe(files);
  });

  it("`/balance earnings 7d private` is the same report, ephemeral", async () => {
    const shared = await fake.sendSlashCommand({ text: "earnings 7d", user_id: MEMBER, channel_id: CHANNEL });
    const mine = await fake.sendSlashCommand({
      text: "earnings 7d private",
      user_id: MEMBER,
      channel_id: CHANNEL,
    });
    expect(shared.payload.response_type).toBe("in_channel");
    expect(mine.payload.response_type).toBe("ephemeral");
    // The same figures; only the footer's "as of … · sync N min ago" may have moved on.
    const figures = (p: Record<string, unknown>) => visibleText(p).replace(/^.*\bas of\b.*$/gm, "");
    expect(figures(mine.payload)).toEqual(figures(shared.payload));
  });
});

describe("Slack App Home", () => {
  it("publishes each shop's headline and the alert rules with Open in channel, at most once a minute per user", async () => {
    const before = fake.workspace.homeViews.length;
    await fake.sendAppHomeOpened(ADMIN);
    await fake.waitFor(() => fake.workspace.homeViews.length === before + 1, 20_000, "views.publish");
    const home = fake.workspace.homeViews.at(-1)!;
    expect(home.userId).toBe(ADMIN);
    const text = JSON.stringify(home.blocks);
    expect(text).toMatch(/Sandbox Outdoor \(US\): .*settled/);
    expect(text).toMatch(/Alerts \(1\)/);
    expect(text).toContain("Open in channel");
    expect(text).toContain(`channel=${CHANNEL}`);
    // Opened again within the minute: no second views.publish.
    await fake.sendAppHomeOpened(ADMIN);
    await new Promise((r) => setTimeout(r, 1000));
    expect(fake.workspace.homeViews.length).toBe(before + 1);
  });
});
