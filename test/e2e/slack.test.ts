import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type SlackAdapter, startSlack } from "../../src/adapters/slack/index.ts";
import { SLACK_BOT_SCOPES } from "../../src/adapters/slack/manifest.ts";
import type { Core } from "../../src/core/dispatcher.ts";
import type { Invocation } from "../../src/core/invocation.ts";
import { DeliveryError } from "../../src/delivery/port.ts";
import { silentLogger } from "../../src/log.ts";
import { alertRules, channels } from "../../src/storage/schema/index.ts";
import { FakeSlack, signedSlashCommandRequest, signSlackRequest } from "../fakes/slack.ts";
import { visibleText } from "../fakes/slack-blocks.ts";
import { createTestApp, type TestApp } from "../support/app.ts";

const SIGNING_SECRET = "test-signing-secret-0123456789";
const CHANNEL = "C0FINANCE1";
const ADMIN = "U0ADMIN001";
const INDONESIAN = "U0INDONESIA";
const MEMBER = "U0MEMBER01";
/** A private channel the bot was never invited to. */
const PRIVATE = "C0PRIVATE1";

/** What is saved for a Slack channel: digest on or off, and how many alert rules. */
async function settingsOf(externalId: string): Promise<{ digest: boolean; alerts: number }> {
  const db = testApp.database.db;
  const [channel] = await db.select().from(channels).where(eq(channels.externalId, externalId));
  if (!channel) return { digest: false, alerts: 0 };
  const rules = await db.select().from(alertRules).where(eq(alertRules.channelId, channel.id));
  return { digest: channel.digestEnabled, alerts: rules.length };
}

/** The real core on a test database synced from the sandbox shop (a US shop in USD among them). */
let testApp: TestApp;
beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(async () => {
  await testApp?.close();
});

/** The real core, plus a command that throws ("explode") to prove nothing thrown goes unanswered. */
function realCore(): Core {
  return {
    ...testApp.core,
    async dispatch(inv) {
      if (inv.text === "explode") throw new Error("database exploded");
      return testApp.core.dispatch(inv);
    },
  };
}

function counting(core: Core): Core & { dispatched: Invocation[] } {
  const dispatched: Invocation[] = [];
  return {
    ...core,
    dispatched,
    dispatch(inv) {
      dispatched.push(inv);
      return core.dispatch(inv);
    },
  };
}

function isPng(bytes: Buffer): boolean {
  const magic = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const ihdr = bytes.subarray(12, 16).toString("latin1") === "IHDR";
  return magic && ihdr && bytes.readUInt32BE(16) > 0 && bytes.readUInt32BE(20) > 0;
}

describe("Slack over Socket Mode (real Bolt against the fake)", () => {
  let fake: FakeSlack;
  let slack: SlackAdapter;
  let core: Core & { dispatched: Invocation[] };

  beforeAll(async () => {
    fake = await FakeSlack.start({
      admins: [ADMIN],
      locales: { [INDONESIAN]: "id-ID" },
      // Exactly what the manifest asks for: every call below must work with these.
      scopes: SLACK_BOT_SCOPES,
      channels: [
        { id: CHANNEL, name: "finance", member: true },
        { id: PRIVATE, name: "owners", private: true },
      ],
    });
    core = counting(realCore());
    slack = await startSlack({
      core,
      config: {
        mode: "socket",
        botToken: fake.botToken,
        appToken: fake.appToken,
        apiUrl: fake.apiUrl,
        admins: [],
      },
      log: silentLogger(),
    });
    await fake.waitForSocket();
  });
  afterAll(async () => {
    await slack?.stop();
    await fake?.close();
  });

  it("answers /balance in the ack within 3 s with the pending, settled and paid figures in the channel", async () => {
    const ack = await fake.sendSlashCommand({ text: "", user_id: MEMBER, channel_id: CHANNEL });
    expect(ack.receivedAfterMs).toBeLessThan(3000);
    expect(ack.payload.response_type).toBe("in_channel");
    const shown = visibleText(ack.payload);
    // The headline first, then each clock named once.
    expect(shown).toMatch(
      /^Balance · 3 shops\n\*Sandbox Outdoor \(US\): .* settled · next payout expected .* pending \(est\.\)\*/,
    );
    for (const label of ["*Pending (est.)*", "*Settled, awaiting payout*", "*Paid out · last 30 days*"])
      expect(shown).toContain(label);
    expect(shown).not.toContain("(pending (est.))");
    expect(core.dispatched.at(-1)).toMatchObject({
      platform: "slack",
      workspaceId: fake.teamId,
      channelId: CHANNEL,
      userId: MEMBER,
      isAdmin: false,
      text: "",
    });
    // Slack shows exactly the figures the core computed for this workspace's US shop, in dollars.
    const direct = await core.dispatch({ ...core.dispatched.at(-1)!, correlationId: "check" });
    const us = direct.sections.find((s) => s.title?.includes("USD"));
    expect(us?.title).toBeDefined();
    expect(shown).toContain(us!.title!);
    const clocks = new Map((us!.fields ?? []).map((f) => [f.clock, f.value]));
    for (const clock of ["pending", "settled", "paid"] as const) {
      expect(clocks.get(clock)).toMatch(/^\$[\d,]+\.\d{2}/);
      expect(shown).toContain(clocks.get(clock));
    }
  });

  it("answers in the user's Slack language (users.info include_locale; the payload has none)", async () => {
    const ack = await fake.sendSlashCommand({ text: "shops", user_id: INDONESIAN, channel_id: CHANNEL });
    expect(visibleText(ack.payload)).toContain("Toko terhubung (3)");
    expect(core.dispatched.at(-1)?.locale).toBe("id-ID");
  });

  it("posts a three-shop /balance chart 30d as three PNGs through the three-step upload into the channel", async () => {
    const before = fake.files.length;
    const ack = await fake.sendSlashCommand({
      text: "chart 30d",
      user_id: MEMBER,
      channel_id: CHANNEL,
    });
    expect(ack.receivedAfterMs).toBeLessThan(3000);
    // Three charts may take longer than the ack budget on a busy machine: then the answer comes
    // through response_url, which is just as visible.
    if (!ack.payload.response_type)
      await fake.waitFor(() => fake.responsesTo(ack.response_url).length === 1, 20_000, "the answer");
    const answer = ack.payload.response_type ? ack.payload : fake.responsesTo(ack.response_url)[0]!.body;
    expect(answer.response_type).toBe("in_channel");
    expect(visibleText(answer)).toMatch(/Chart attached: Sandbox Outdoor \(US\).*USD/);
    expect(visibleText(answer)).toMatch(/Chart attached: Sandbox Thời Trang \(VN\).*VND/);
    expect(visibleText(answer)).toMatch(/Chart attached: Sandbox Home \(UK\).*GBP/);
    await fake.waitFor(() => fake.files.length === before + 3, 20_000, "the three chart uploads");
    const files = fake.files.slice(before);
    expect(files.map((f) => f.channelId)).toEqual([CHANNEL, CHANNEL, CHANNEL]);
    expect(files.map((f) => f.title)).toEqual([
      expect.stringMatching(/^Sandbox Outdoor \(US\) · settled per day.*USD$/),
      expect.stringMatching(/^Sandbox Thời Trang \(VN\) · settled per day.*VND$/),
      expect.stringMatching(/^Sandbox Home \(UK\) · settled per day.*GBP$/),
    ]);
    for (const file of files) {
      expect(file.filename).toMatch(/\.png$/);
      expect(isPng(file.bytes)).toBe(true);
    }
    expect(new Set(files.map((f) => f.filename)).size).toBe(3);
    // One upload per shop, in the reply's order, each with that shop's title as its message.
    expect(files.map((f) => f.initialComment?.split("\n")[0])).toEqual([
      expect.stringMatching(/^\*Sandbox Outdoor \(US\)/),
      expect.stringMatching(/^\*Sandbox Thời Trang \(VN\)/),
      expect.stringMatching(/^\*Sandbox Home \(UK\)/),
    ]);
  });

  it("tells the typist when the chart cannot be posted because the bot is not in the channel", async () => {
    fake.addChannel({ id: "C0NOTJOINED", name: "random" });
    const ack = await fake.sendSlashCommand({
      text: "chart 7d shop:Outdoor",
      user_id: MEMBER,
      channel_id: "C0NOTJOINED",
    });
    expect(ack.payload.response_type).toBe("in_channel");
    await fake.waitFor(() => fake.responsesTo(ack.response_url).length === 1, 10_000, "the ephemeral notice");
    const [notice] = fake.responsesTo(ack.response_url);
    expect(notice!.body).toMatchObject({ response_type: "ephemeral" });
    expect(String(notice!.body.text)).toContain("/invite @balance-bot");
  });

  it("refuses a member's goal set ephemerally, changing nothing, and lets an admin set it", async () => {
    const refused = await fake.sendSlashCommand({
      text: "goal set 5000 shop:Outdoor",
      user_id: MEMBER,
      channel_id: CHANNEL,
    });
    expect(refused.payload.response_type).toBe("ephemeral");
    expect(visibleText(refused.payload)).toMatch(/only a workspace admin/i);
    const before = await fake.sendSlashCommand({ text: "goal list", user_id: MEMBER, channel_id: CHANNEL });
    expect(visibleText(before.payload)).not.toContain("$5,000.00");

    const allowed = await fake.sendSlashCommand({
      text: "goal set 5000 shop:Outdoor",
      user_id: ADMIN,
      channel_id: CHANNEL,
    });
    expect(allowed.receivedAfterMs).toBeLessThan(3000);
    expect(core.dispatched.at(-1)?.isAdmin).toBe(true);
    expect(visibleText(allowed.payload)).toMatch(/goal #\d+ set/i);
    expect(visibleText(allowed.payload)).toContain("$5,000.00");
    const after = await fake.sendSlashCommand({ text: "goal list", user_id: MEMBER, channel_id: CHANNEL });
    expect(visibleText(after.payload)).toContain("$5,000.00");
  });

  it("refuses digest on in a private channel it was never invited to, with the /invite line, saving nothing", async () => {
    const refused = await fake.sendSlashCommand({ text: "digest on", user_id: ADMIN, channel_id: PRIVATE });
    expect(refused.payload.response_type).toBe("ephemeral");
    const shown = visibleText(refused.payload);
    expect(shown).toMatch(/can't post the daily digest in this channel: I'm not a member of it/);
    expect(shown).toContain("/invite @balance-bot");
    expect(shown).toMatch(/nothing was saved/);
    expect(await settingsOf(PRIVATE)).toEqual({ digest: false, alerts: 0 });
    expect(fake.callsOf("conversations.join")).toHaveLength(0);

    fake.invite(PRIVATE);
    const saved = await fake.sendSlashCommand({ text: "digest on", user_id: ADMIN, channel_id: PRIVATE });
    expect(visibleText(saved.payload)).toMatch(/Daily digest in this channel: on/);
    expect(await settingsOf(PRIVATE)).toMatchObject({ digest: true });
  });

  it("joins a public channel it is not in when alerts are added there, and says so", async () => {
    fake.addChannel({ id: "C0PUBLIC01", name: "payouts" });
    const ack = await fake.sendSlashCommand({
      text: "alerts add payout",
      user_id: ADMIN,
      channel_id: "C0PUBLIC01",
    });
    const shown = visibleText(ack.payload);
    expect(shown).toMatch(/I joined #payouts so I can post here/);
    expect(shown).toMatch(/Alert #\d+ added/);
    expect(fake.channel("C0PUBLIC01")?.botIsMember).toBe(true);
    expect(await settingsOf("C0PUBLIC01")).toMatchObject({ alerts: 1 });
  });

  it("refuses digest on and alerts add in a direct message, with the reason", async () => {
    for (const text of ["digest on", "alerts add failed"]) {
      const ack = await fake.sendSlashCommand({ text, user_id: ADMIN, channel_id: "D0ADMINDM1" });
      expect(ack.payload.response_type).toBe("ephemeral");
      expect(visibleText(ack.payload)).toMatch(/this is a direct message.*Run the command in the channel/s);
    }
    expect(await settingsOf("D0ADMINDM1")).toEqual({ digest: false, alerts: 0 });
  });

  it("shows an internal failure to the user with a correlation id", async () => {
    const ack = await fake.sendSlashCommand({ text: "explode", user_id: MEMBER, channel_id: CHANNEL });
    expect(ack.payload.response_type).toBe("ephemeral");
    expect(visibleText(ack.payload)).toMatch(/Something went wrong[\s\S]*ref [0-9a-f-]{36}/);
  });
});

describe("an app installed from an older manifest (no channels:join)", () => {
  let fake: FakeSlack;
  let slack: SlackAdapter;

  beforeAll(async () => {
    fake = await FakeSlack.start({
      admins: [ADMIN],
      scopes: SLACK_BOT_SCOPES.filter((s) => s !== "channels:join"),
      channels: [{ id: "C0PUBLIC02", name: "treasury" }],
    });
    slack = await startSlack({
      core: testApp.core,
      config: {
        mode: "socket",
        botToken: fake.botToken,
        appToken: fake.appToken,
        apiUrl: fake.apiUrl,
        admins: [],
      },
      log: silentLogger(),
    });
    await fake.waitForSocket();
  });
  afterAll(async () => {
    await slack?.stop();
    await fake?.close();
  });

  it("cannot join a public channel, so digest on asks for the invite and saves nothing", async () => {
    const ack = await fake.sendSlashCommand({ text: "digest on", user_id: ADMIN, channel_id: "C0PUBLIC02" });
    expect(ack.payload.response_type).toBe("ephemeral");
    expect(visibleText(ack.payload)).toMatch(
      /I'm not a member of it\. Invite me with `\/invite @balance-bot`/,
    );
    expect(fake.callsOf("conversations.join")).toHaveLength(1);
    expect(fake.channel("C0PUBLIC02")?.botIsMember).toBe(false);
    expect(await settingsOf("C0PUBLIC02")).toEqual({ digest: false, alerts: 0 });
  });
});

describe("a command slower than Slack's 3 s", () => {
  let fake: FakeSlack;
  let slack: SlackAdapter;

  beforeAll(async () => {
    fake = await FakeSlack.start();
    const slow: Core = {
      ...testApp.core,
      dispatch: async (inv) => {
        await new Promise((r) => setTimeout(r, 3500));
        return testApp.core.dispatch(inv);
      },
    };
    slack = await startSlack({
      core: slow,
      config: {
        mode: "socket",
        botToken: fake.botToken,
        appToken: fake.appToken,
        apiUrl: fake.apiUrl,
        admins: [],
      },
      log: silentLogger(),
    });
    await fake.waitForSocket();
  });
  afterAll(async () => {
    await slack?.stop();
    await fake?.close();
  });

  it("acks within 3 s and answers through response_url later", async () => {
    const ack = await fake.sendSlashCommand({ text: "", user_id: MEMBER, channel_id: CHANNEL });
    expect(ack.receivedAfterMs).toBeLessThan(3000);
    expect(ack.payload).toEqual({});
    await fake.waitFor(() => fake.responsesTo(ack.response_url).length === 1, 5000, "the response_url post");
    const [later] = fake.responsesTo(ack.response_url);
    expect(later!.body.response_type).toBe("in_channel");
    expect(visibleText(later!.body)).toContain("*Settled, awaiting payout*");
  });
});

describe("Slack over HTTP (signed requests)", () => {
  let fake: FakeSlack;
  let slack: SlackAdapter;
  let core: Core & { dispatched: Invocation[] };
  let url: string;

  beforeAll(async () => {
    fake = await FakeSlack.start();
    core = counting(realCore());
    slack = await startSlack({
      core,
      config: {
        mode: "http",
        botToken: fake.botToken,
        signingSecret: SIGNING_SECRET,
        apiUrl: fake.apiUrl,
        admins: [],
        port: 0,
      },
      log: silentLogger(),
    });
    url = `http://127.0.0.1:${slack.httpPort}/slack/events`;
  });
  afterAll(async () => {
    await slack?.stop();
    await fake?.close();
  });

  const command = () => fake.slashCommandPayload({ text: "", user_id: MEMBER, channel_id: CHANNEL });

  it("answers a correctly signed command in the HTTP response", async () => {
    const res = await signedSlashCommandRequest(url, SIGNING_SECRET, command());
    expect(res.status).toBe(200);
    expect(res.elapsedMs).toBeLessThan(3000);
    const body = JSON.parse(res.body) as Record<string, unknown>;
    expect(body.response_type).toBe("in_channel");
    expect(visibleText(body)).toContain("*Settled, awaiting payout*");
  });

  it("rejects a bad signature with 401 and runs nothing", async () => {
    const before = core.dispatched.length;
    const res = await signedSlashCommandRequest(url, "not-the-signing-secret", command());
    expect(res.status).toBe(401);
    expect(core.dispatched.length).toBe(before);
  });

  it("rejects a timestamp older than 5 minutes with 401 and runs nothing", async () => {
    const before = core.dispatched.length;
    const stale = Math.floor(Date.now() / 1000) - 301;
    const res = await signedSlashCommandRequest(url, SIGNING_SECRET, command(), { timestamp: stale });
    expect(res.status).toBe(401);
    expect(core.dispatched.length).toBe(before);
  });

  it("rejects a replayed body (same signature twice inside the window) with 401 and runs it once", async () => {
    const before = core.dispatched.length;
    const params = command();
    const timestamp = Math.floor(Date.now() / 1000);
    const first = await signedSlashCommandRequest(url, SIGNING_SECRET, params, { timestamp });
    const replay = await signedSlashCommandRequest(url, SIGNING_SECRET, params, { timestamp });
    expect(first.status).toBe(200);
    expect(replay.status).toBe(401);
    expect(replay.body).toBe("");
    expect(core.dispatched.length).toBe(before + 1);
    expect(fake.responsesTo(params.response_url!)).toHaveLength(0);
  });

  it("refuses replays that dress the same signature up: `v0=<hash>=1`, `=2`, a reformatted timestamp", async () => {
    // Bolt verifies only the text between the first and second "=" and Number()s the timestamp.
    const before = core.dispatched.length;
    const params = command();
    const timestamp = Math.floor(Date.now() / 1000);
    const body = new URLSearchParams(params).toString();
    const signature = signSlackRequest(SIGNING_SECRET, timestamp, body);
    const first = await signedSlashCommandRequest(url, SIGNING_SECRET, params, { timestamp });
    expect(first.status).toBe(200);
    for (const variant of [`${signature}=1`, `${signature}=2`, `${signature}=`]) {
      const replay = await signedSlashCommandRequest(url, SIGNING_SECRET, params, {
        timestamp,
        signature: variant,
      });
      expect(replay.status, variant).toBe(401);
    }
    const padded = await signedSlashCommandRequest(url, SIGNING_SECRET, params, {
      timestamp,
      timestampHeader: `${timestamp}.0`,
    });
    expect(padded.status).toBe(401);
    expect(core.dispatched.length).toBe(before + 1);
  });

  it("refuses a signed request dated more than 5 minutes ahead (it would stay replayable for longer)", async () => {
    const before = core.dispatched.length;
    const ahead = Math.floor(Date.now() / 1000) + 365 * 86_400;
    const res = await signedSlashCommandRequest(url, SIGNING_SECRET, command(), { timestamp: ahead });
    expect(res.status).toBe(401);
    expect(core.dispatched.length).toBe(before);
  });
});

describe("Slack delivery port", () => {
  let fake: FakeSlack;
  let slack: SlackAdapter;

  beforeAll(async () => {
    fake = await FakeSlack.start({
      channels: [{ id: CHANNEL, member: true }, { id: "C0ELSEWHERE" }, { id: "C0BURST", member: true }],
    });
    slack = await startSlack({
      core: testApp.core,
      config: {
        mode: "socket",
        botToken: fake.botToken,
        appToken: fake.appToken,
        apiUrl: fake.apiUrl,
        admins: [],
      },
      log: silentLogger(),
    });
  });
  afterEach(() => {
    fake.messages.length = 0;
    fake.calls.length = 0;
  });
  afterAll(async () => {
    await slack?.stop();
    await fake?.close();
  });

  const digest = {
    kind: "digest" as const,
    title: "Daily digest · Acme US",
    summary: "Settled $1,200.00 yesterday",
    sections: [{ fields: [{ label: "Settled", value: "$1,200.00", clock: "settled" as const }] }],
    ephemeral: false,
  };

  it("throws rate_limited with Retry-After on a 429 and posts exactly one message on the next call", async () => {
    fake.failNext("chat.postMessage", { status: 429, retryAfter: 1 });
    const first = await slack.delivery
      .post(CHANNEL, digest, { dedupeKey: "digest:C0FINANCE1:2026-07-30" })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(first).toBeInstanceOf(DeliveryError);
    expect(first).toMatchObject({ kind: "rate_limited", options: { retryAfterMs: 1000 } });
    expect((first as DeliveryError).permanent).toBe(false);
    expect(fake.messages).toHaveLength(0);

    const { messageId } = await slack.delivery.post(CHANNEL, digest, {
      dedupeKey: "digest:C0FINANCE1:2026-07-30",
    });
    expect(fake.callsOf("chat.postMessage")).toHaveLength(2);
    expect(fake.messages).toHaveLength(1);
    expect(fake.messages[0]).toMatchObject({
      channel: CHANNEL,
      ts: messageId,
      metadata: {
        event_type: "balance_bot_delivery",
        event_payload: { dedupe_key: "digest:C0FINANCE1:2026-07-30" },
      },
    });
    expect(await slack.delivery.findPosted!(CHANNEL, "digest:C0FINANCE1:2026-07-30")).toBe(messageId);
    expect(await slack.delivery.findPosted!(CHANNEL, "digest:C0FINANCE1:2026-07-31")).toBeUndefined();
  });

  it("reports not_in_channel as a permanent failure with the invite hint", async () => {
    const error = await slack.delivery
      .post("C0ELSEWHERE", digest, { dedupeKey: "k1" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: "not_in_channel",
      options: { adminHint: "invite the bot with /invite @balance-bot" },
    });
    expect((error as DeliveryError).permanent).toBe(true);
  });

  it("maps a 5xx to a transient failure and sends nothing twice", async () => {
    fake.failNext("chat.postMessage", { status: 503 });
    const error = await slack.delivery.post(CHANNEL, digest, { dedupeKey: "k2" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "transient" });
    expect(fake.callsOf("chat.postMessage")).toHaveLength(1);
  });

  it("posts each shop's chart in the message's thread with that shop's figures, in order", async () => {
    const digest = await testApp.ask("/balance digest preview");
    expect(digest.charts).toHaveLength(3);
    const { messageId } = await slack.delivery.post(CHANNEL, digest, { dedupeKey: "k3" });
    await fake.waitFor(
      () => fake.files.filter((f) => f.threadTs === messageId).length === 3,
      5000,
      "the three charts in the thread",
    );
    const files = fake.files.filter((f) => f.threadTs === messageId);
    for (const file of files) expect(isPng(file.bytes)).toBe(true);
    const shops = ["Sandbox Outdoor (US)", "Sandbox Thời Trang (VN)", "Sandbox Home (UK)"];
    files.forEach((file, i) => {
      expect(file.title).toContain(shops[i]);
      expect(file.initialComment?.startsWith(`*${shops[i]}`)).toBe(true);
      expect(file.initialComment).toMatch(/Settlement · yesterday · settled: \*[-£$₫\d,.]+\*/);
      expect(file.initialComment).toContain("Pending (est.): *");
    });
  });

  it("turns Slack's per-channel pace into rate_limited with Retry-After, posting nothing twice", async () => {
    fake.freezeClock();
    const results = [];
    for (let i = 0; i < 5; i++) {
      results.push(
        await slack.delivery.post("C0BURST", digest, { dedupeKey: `burst:${i}` }).then(
          () => "posted",
          (e: unknown) => e,
        ),
      );
    }
    expect(results.slice(0, 3)).toEqual(["posted", "posted", "posted"]);
    for (const refused of results.slice(3)) {
      expect(refused).toMatchObject({ kind: "rate_limited", options: { retryAfterMs: 1000 } });
    }
    expect(fake.messages.filter((m) => m.channel === "C0BURST")).toHaveLength(3);
    fake.advanceClock(1000);
    await slack.delivery.post("C0BURST", digest, { dedupeKey: "burst:3" });
    expect(fake.messages.filter((m) => m.channel === "C0BURST")).toHaveLength(4);
  });
});
