import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DiscordAdapter, startDiscord } from "../../src/adapters/discord/index.ts";
import { registerCommands } from "../../src/adapters/discord/register.ts";
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
import { FakeDiscord, type InteractionRecord } from "../fakes/discord.ts";
import type { FakeMessage, Json } from "../fakes/discord-payloads.ts";
import { snowflake } from "../fakes/discord-payloads.ts";
import { createTestApp, type TestApp } from "../support/app.ts";

const MANAGE_GUILD = "32";
const GENERAL = snowflake();
const OTHER_GUILD = snowflake();
const ADMIN = snowflake();
const MEMBER = snowflake();
const log = silentLogger();

let fake: FakeDiscord;
let bot: DiscordAdapter;
let app: TestApp;
let workspaceId = 0;

function labels(message: FakeMessage | undefined): string[] {
  return (message?.components ?? []).flatMap((row) =>
    ((row.components as Json[] | undefined) ?? []).map((b) => String(b.label)),
  );
}

/** Every text of a message's embeds. */
function shown(message: { embeds: Json[] } | undefined): string {
  return JSON.stringify(message?.embeds ?? []);
}

/** The initial answer came within Discord's 3 s, as a deferred update of the clicked message. */
function deferredInTime(record: InteractionRecord): void {
  const callback = record.events.find((e) => e.kind === "callback");
  expect(callback).toMatchObject({ type: 6, status: 204 });
  expect(callback!.at).toBeLessThan(3000);
  expect(record.timedOut).toBeUndefined();
}

beforeAll(async () => {
  fake = await FakeDiscord.start({
    guilds: [
      {
        id: snowflake(),
        name: "Acme Sellers",
        ownerId: snowflake(),
        channels: [{ id: GENERAL, name: "general" }],
      },
      { id: OTHER_GUILD, name: "Other", ownerId: snowflake(), channels: [{ id: snowflake(), name: "x" }] },
    ],
    lenient: { rateLimits: true },
  });
  app = await createTestApp({ sandbox: { historyDays: 5, ordersPerDay: 2 } });
  await registerCommands({
    token: fake.token,
    applicationId: fake.applicationId,
    apiUrl: fake.apiUrl,
    guildId: fake.guildId,
    commands: app.core.commands,
  });
  bot = await startDiscord({
    core: app.core,
    config: { token: fake.token, applicationId: fake.applicationId, apiUrl: fake.apiUrl },
    log,
  });
});
afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  await app?.close();
});

describe("Discord buttons through the real discord.js", () => {
  let threshold: FakeMessage;
  let failed: FakeMessage;
  let digest: FakeMessage;
  let ruleId = 0;

  it("digests, threshold alerts and failed payouts are posted with their buttons", async () => {
    const db = app.database.db;
    const added = await fake.sendInteraction({
      path: ["alerts", "add"],
      options: { kind: "below", amount: "500", recover: "600", shop: "outdoor" },
      channelId: GENERAL,
      userId: ADMIN,
      permissions: MANAGE_GUILD,
    });
    expect(shown(added.original)).toMatch(/Alert/);
    [{ id: workspaceId }] = (await db
      .select({ id: workspaces.id })
      .from(workspaces)
      .where(eq(workspaces.externalId, fake.guildId))) as [{ id: number }];
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
    const target = { workspaceId, platform: "discord" as const, channel: GENERAL };
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
      "payout_failed:discord-test",
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
    await enqueueView(db, target, digestView(view.reply, view.charts, DIGEST_BUTTONS), "digest:discord-test");
    await drainOutbox(
      { db, log, clock: () => new Date(), ports: { discord: bot.delivery }, charts: app.deps.charts },
      { channelGapMs: 0 },
    );
    const posted = fake.messagesIn(GENERAL);
    threshold = posted.find((m) => /below/i.test(shown(m)))!;
    failed = posted.find((m) => /Payout failed/.test(shown(m)))!;
    digest = posted.find((m) => m !== threshold && m !== failed)!;
    expect(labels(threshold)).toEqual(["Breakdown", "Chart", "Payouts", "Snooze 24 h", "Mute this rule"]);
    expect(labels(failed)).toEqual(["Acknowledge", "Breakdown"]);
    expect(labels(digest)).toEqual(["Breakdown", "Chart", "Payouts"]);
  });

  it("Breakdown, Chart and Payouts answer as public follow-ups", async () => {
    const breakdown = await fake.clickButton({ message: digest, label: "Breakdown", userId: MEMBER });
    deferredInTime(breakdown);
    expect(breakdown.followups).toHaveLength(1);
    expect(breakdown.followups[0]!.flags & 64).toBe(0);
    expect(shown(breakdown.followups[0])).toMatch(/Breakdown/);

    const chart = await fake.clickButton({ message: threshold, label: "Chart", userId: MEMBER });
    deferredInTime(chart);
    expect(chart.followups[0]!.files.map((f) => f.name)).toEqual([expect.stringMatching(/\.png$/)]);
    expect(shown(chart.followups[0])).toMatch(/Sandbox Outdoor \(US\)/);

    const payouts = await fake.clickButton({ message: threshold, label: "Payouts", userId: MEMBER });
    deferredInTime(payouts);
    expect(shown(payouts.followups[0])).toMatch(/payouts/i);
  });

  it("Snooze needs Manage Server: a member gets an ephemeral refusal and nothing changes", async () => {
    const refused = await fake.clickButton({ message: threshold, label: "Snooze 24 h", userId: MEMBER });
    deferredInTime(refused);
    expect(refused.followups[0]!.flags & 64).toBe(64);
    expect(shown(refused.followups[0])).toMatch(/Only a workspace admin can snooze.*Manage Server/);
    expect(await listRuleChanges(app.database.db, ruleId)).toEqual([]);
  });

  it("an admin's Snooze and Mute are told in the channel and recorded with the message", async () => {
    const snooze = await fake.clickButton({
      message: threshold,
      label: "Snooze 24 h",
      userId: ADMIN,
      permissions: MANAGE_GUILD,
    });
    expect(shown(snooze.followups[0])).toMatch(/snoozed for 24 h by @user/);
    const mute = await fake.clickButton({
      message: threshold,
      label: "Mute this rule",
      userId: ADMIN,
      permissions: MANAGE_GUILD,
    });
    expect(mute.followups[0]!.flags & 64).toBe(0);
    expect(shown(mute.followups[0])).toMatch(/muted by @user/);
    expect(await listRuleChanges(app.database.db, ruleId)).toMatchObject([
      { change: "snooze", userId: ADMIN, via: "button", messageId: threshold.id },
      { change: "mute", userId: ADMIN, via: "button", messageId: threshold.id },
    ]);
  });

  it("Acknowledge updates the message in place: who and when, and the button is gone", async () => {
    const ack = await fake.clickButton({ message: failed, label: "Acknowledge", userId: MEMBER });
    deferredInTime(ack);
    expect(ack.events.map((e) => e.kind)).toEqual(["callback", "edit"]);
    const now = fake.messagesIn(GENERAL).find((m) => m.id === failed.id)!;
    expect(shown(now)).toMatch(/Acknowledged by @user\w+ at \d\d:\d\d \(Sandbox Outdoor \(US\)'s zone/);
    expect(labels(now)).toEqual(["Breakdown"]);
  });

  it("a forged custom_id or a click from another server gets an ephemeral answer and changes nothing", async () => {
    const acks = await app.database.db.select().from(messageAcks);
    const forged = await fake.clickButton({
      message: threshold,
      label: "Breakdown",
      userId: MEMBER,
      customId: "bb:ba_forgedforgedforgedforged",
    });
    expect(forged.followups[0]!.flags & 64).toBe(64);
    expect(shown(forged.followups[0])).toMatch(/does not know this button/);
    const foreign = await fake.clickButton({
      message: digest,
      label: "Payouts",
      userId: MEMBER,
      guildId: OTHER_GUILD,
    });
    expect(foreign.followups[0]!.flags & 64).toBe(64);
    expect(shown(foreign.followups[0])).toMatch(/another workspace/);
    expect(await app.database.db.select().from(messageAcks)).toEqual(acks);
  });
});

describe("private reports in Discord", () => {
  it("/balance chart private:true answers ephemerally with the chart attached (ephemeral messages can carry files)", async () => {
    const record = await fake.sendInteraction({
      path: ["chart"],
      options: { period: "7d", shop: "outdoor", private: true },
      channelId: GENERAL,
      userId: MEMBER,
    });
    const answer = record.original!;
    expect(answer.flags & 64).toBe(64);
    expect(answer.files.map((f) => f.name)).toEqual([expect.stringMatching(/\.png$/)]);
    expect(shown(answer)).toMatch(/Sandbox Outdoor \(US\)/);
  });

  it("offers private on every report, and /balance products private:true answers only the asker", async () => {
    const registered = fake.commands.puts.at(-1)!.body as {
      options: { name: string; options?: { name: string; options?: { name: string }[] }[] }[];
    }[];
    const subcommands = registered[0]!.options.flatMap((o) =>
      o.options?.some((x) => x.options)
        ? (o.options ?? []).map((x) => ({ ...x, name: `${o.name} ${x.name}` }))
        : [o],
    );
    const withPrivate = subcommands
      .filter((s) => s.options?.some((x) => x.name === "private"))
      .map((s) => s.name);
    for (const report of [
      "show",
      "earnings",
      "breakdown",
      "reconcile",
      "payouts",
      "chart",
      "statements",
      "statement",
      "products",
      "order",
      "creators",
      "goal list",
    ])
      expect(withPrivate).toContain(report);
    const record = await fake.sendInteraction({
      path: ["products"],
      options: { period: "30d", private: true },
      channelId: GENERAL,
      userId: MEMBER,
    });
    const answer = record.original!;
    expect(answer.flags & 64).toBe(64);
    expect(shown(answer)).toMatch(/products|Top/i);
  });
});
