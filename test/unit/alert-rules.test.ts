import { describe, expect, it } from "vitest";
import type { EventRow } from "../../src/alerts/events.ts";
import type { AlertDecision, AlertFacts, AlertRule } from "../../src/alerts/facts.ts";
import { evaluateAlertRules } from "../../src/alerts/rules.ts";
import type { GoalProgress } from "../../src/core/goals.ts";
import { parseMoney } from "../../src/money/index.ts";
import type { ShopRow } from "../../src/storage/repos/workspaces.ts";

/** Rule evaluation is pure: these build the facts by hand, no database. */
const NOW = new Date("2026-06-10T12:00:00Z");

const shop = (id: number, name: string, region: string, currency: string, timezone: string): ShopRow => ({
  id,
  provider: "tiktok",
  externalId: `ext-${id}`,
  name,
  region,
  currency,
  timezone,
  cipher: null,
  kind: "seller",
});
const US = shop(1, "Outdoor US", "US", "USD", "America/Los_Angeles");
const VN = shop(2, "Hanoi Shop", "VN", "VND", "Asia/Ho_Chi_Minh");

function facts(overrides: Partial<AlertFacts> = {}): AlertFacts {
  return {
    shops: new Map([
      [US.id, US],
      [VN.id, VN],
    ]),
    channels: [
      { channelId: 10, workspaceId: 1, platform: "slack", channel: "C-ALERTS", digestEnabled: false },
      { channelId: 11, workspaceId: 1, platform: "slack", channel: "C-DIGEST", digestEnabled: true },
      { channelId: 20, workspaceId: 2, platform: "discord", channel: "D-OTHER", digestEnabled: false },
    ],
    links: [
      { workspaceId: 1, shopId: US.id },
      { workspaceId: 1, shopId: VN.id },
    ],
    balances: [],
    unreadBalances: [],
    goals: [],
    syncFailures: [],
    needsReauth: [],
    statementsOfPayout: new Map(),
    sandbox: false,
    ...overrides,
  };
}

const rule = (over: Partial<AlertRule> & Pick<AlertRule, "id" | "kind">): AlertRule => ({
  workspaceId: 1,
  channelId: 10,
  shopId: null,
  threshold: null,
  recover: null,
  currency: null,
  armed: true,
  ...over,
});

const payoutEvent = (id: bigint, over: Record<string, unknown> = {}, kind = "payout_paid"): EventRow => ({
  id,
  shopId: US.id,
  kind,
  payload: {
    payoutId: `P${id}`,
    source: "payment",
    amount: "1234.56",
    currency: "USD",
    bankAccount: "****1234",
    createdTime: "2026-06-10T08:00:00.000Z",
    paidTime: "2026-06-10T09:00:00.000Z",
    backfill: false,
    ...over,
  },
});

const progress = (percent: number): GoalProgress => ({
  periodStart: "2026-06-01",
  periodEnd: "2026-06-30",
  periodLabel: "June 2026",
  target: parseMoney("10000", "USD"),
  achieved: parseMoney(String(percent * 100), "USD"),
  remaining: parseMoney(String(10000 - percent * 100), "USD"),
  neededPerDay: null,
  projection: parseMoney("10000", "USD"),
  daysLeft: 21,
  percent,
  reached: percent >= 100,
});

const titles = (d: AlertDecision[]) =>
  d.flatMap((x) =>
    x.type === "event"
      ? x.messages.map((m) => `${m.dedupeKey} ${m.view.reply.title}`)
      : x.type === "notify"
        ? [`${x.message.dedupeKey} ${x.message.view.reply.title}`]
        : x.type === "fire"
          ? [`fire:${x.ruleId} ${x.view.reply.title}`]
          : [],
  );

describe("alert rules (pure)", () => {
  it("tells each channel with a payout rule in a workspace linked to the shop, once per channel", () => {
    const rules = [
      rule({ id: 1, kind: "payout" }),
      rule({ id: 2, kind: "payout", shopId: US.id }), // same channel: one message
      rule({ id: 3, kind: "payout", workspaceId: 2, channelId: 20 }), // workspace 2 does not link the shop
      rule({ id: 4, kind: "failed", channelId: 11 }),
    ];
    const decisions = evaluateAlertRules({
      rules,
      events: [payoutEvent(7n)],
      facts: facts({ statementsOfPayout: new Map([["1:P7", [{ id: "S1", day: "2026-06-08" }]]]) }),
      now: NOW,
    });
    expect(decisions).toHaveLength(1);
    const [event] = decisions;
    expect(event?.type).toBe("event");
    if (event?.type !== "event") return;
    expect(event.messages.map((m) => [m.dedupeKey, m.target.channel, m.view.kind])).toEqual([
      ["payout:1:P7:10", "C-ALERTS", "payout_paid"],
    ]);
    const fields = event.messages[0]!.view.reply.sections[0]!.fields!;
    expect(fields.find((f) => f.label === "Paid out")?.value).toBe("$1,234.56");
    expect(fields.find((f) => f.label === "Statements covered")?.value).toBe("2026-06-08");
  });

  it("a cross-border payment's alert shows the dollars paid, the pounds before the exchange and the rate", () => {
    const decisions = evaluateAlertRules({
      rules: [rule({ id: 1, kind: "payout" })],
      events: [
        payoutEvent(8n, {
          amount: "184.07",
          exchange: {
            settlementAmount: "140.76",
            settlementCurrency: "GBP",
            reserveAmount: "2.00",
            exchangeRate: "1.289334",
          },
        }),
      ],
      facts: facts(),
      now: NOW,
    });
    const [event] = decisions;
    if (event?.type !== "event") throw new Error(`expected an event decision, got ${event?.type}`);
    const reply = event.messages[0]!.view.reply;
    expect(reply.sections[0]!.fields!.find((f) => f.label === "Paid out")?.value).toBe(
      "$184.07 (£142.76 at 1.289334)",
    );
    expect(reply.summary).toBe("Payout arrived: $184.07 (£142.76 at 1.289334) to ****1234");
  });

  it("marks history from a first sync and new statements processed without telling anyone", () => {
    const decisions = evaluateAlertRules({
      rules: [rule({ id: 1, kind: "payout" })],
      events: [
        payoutEvent(1n, { backfill: true }),
        {
          id: 2n,
          shopId: US.id,
          kind: "statement_new",
          payload: {
            statementId: "S9",
            day: "2026-06-09",
            settlement: "10",
            currency: "USD",
            backfill: false,
          },
        },
      ],
      facts: facts(),
      now: NOW,
    });
    expect(decisions).toEqual([
      { type: "event", eventId: 1n, messages: [] },
      { type: "event", eventId: 2n, messages: [] },
    ]);
  });

  it("three poisoned rows are parked with their reasons; every other rule, event, goal and shop is still evaluated", () => {
    const decisions = evaluateAlertRules({
      rules: [
        rule({ id: 1, kind: "payout" }),
        rule({ id: 2, kind: "below", shopId: US.id, threshold: "100", recover: "100", currency: "US$" }),
        rule({ id: 3, kind: "failed", channelId: 99 }), // its channel is gone
        rule({ id: 4, kind: "below", shopId: US.id, threshold: "500", recover: "600", currency: "USD" }),
      ],
      events: [
        payoutEvent(1n, { amount: "1,234.56" }), // malformed amount
        payoutEvent(2n),
      ],
      facts: facts({
        balances: [{ shopId: US.id, currency: "USD", amount: "450", source: "settled_awaiting" }],
        goals: [
          {
            goal: {
              id: 5,
              workspaceId: 1,
              shopId: US.id,
              cadence: "monthly",
              metric: "settled",
              milestones: true,
            },
            progress: progress(76),
          },
        ],
        syncFailures: [{ shopId: VN.id, error: "token expired", code: "105002", failures: 1 }],
      }),
      now: NOW,
    });
    const parked = decisions.filter((d) => d.type === "park_rule" || d.type === "park_event");
    expect(parked).toEqual([
      { type: "park_rule", ruleId: 2, reason: 'currency: "US$" is not an ISO 4217 currency' },
      {
        type: "park_rule",
        ruleId: 3,
        reason: "its channel is gone (or on a platform balance-bot cannot post to)",
      },
      {
        type: "park_event",
        eventId: 1n,
        reason: "malformed payout_paid event: payload.amount: not an exact decimal amount",
      },
    ]);
    expect(titles(decisions)).toEqual([
      "payout:1:P2:10 💸 Payout arrived · Outdoor US",
      "fire:4 📉 Balance below $500.00 · Outdoor US",
      "goal:5:2026-06-01:75:10 Goal 75% · Outdoor US",
      "goal:5:2026-06-01:75:11 Goal 75% · Outdoor US",
      "sync_trouble:2:10:2026-06-10 ⚠ Sync trouble · Hanoi Shop",
      "sync_trouble:2:11:2026-06-10 ⚠ Sync trouble · Hanoi Shop",
    ]);
  });

  it("a withdrawal-market shop's threshold compares the ledger's available balance, as /balance shows it", () => {
    const decisions = evaluateAlertRules({
      rules: [
        rule({
          id: 1,
          kind: "above",
          shopId: VN.id,
          threshold: "5000000",
          recover: "5000000",
          currency: "VND",
        }),
      ],
      events: [],
      facts: facts({
        balances: [
          // Settled-awaiting is near zero in a withdrawal market: settlements land in the balance.
          { shopId: VN.id, currency: "VND", amount: "0", source: "settled_awaiting" },
          { shopId: VN.id, currency: "VND", amount: "7250000", source: "ledger_available" },
        ],
      }),
      now: NOW,
    });
    expect(decisions).toHaveLength(1);
    const [fire] = decisions;
    if (fire?.type !== "fire") throw new Error(`expected a fire, got ${fire?.type}`);
    expect(fire.view.kind).toBe("balance_above");
    expect(fire.view.reply.summary).toBe(
      "TikTok balance, available (settled, derived) is ₫7,250,000 (above ₫5,000,000)",
    );
  });

  it("fires only when armed, re-arms only past the recover amount, and never compares a balance it could not read", () => {
    const below = (id: number, armed: boolean) =>
      rule({ id, kind: "below", shopId: US.id, threshold: "500", recover: "600", currency: "USD", armed });
    const run = (amount: string, armed: boolean, unread = false) =>
      evaluateAlertRules({
        rules: [below(1, armed)],
        events: [],
        facts: facts({
          balances: [{ shopId: US.id, currency: "USD", amount, source: "settled_awaiting" }],
          unreadBalances: unread ? [US.id] : [],
        }),
        now: NOW,
      }).map((d) => d.type);
    expect(run("400", true)).toEqual(["fire"]);
    expect(run("400", false)).toEqual([]);
    expect(run("550", false)).toEqual([]);
    expect(run("600", false)).toEqual(["rearm"]);
    expect(run("700", true)).toEqual([]);
    expect(run("400", true, true)).toEqual(["skipped"]);
  });

  it("tells sync trouble after three failures, or at once for a refused authorization, re-authorization first", () => {
    const decisions = evaluateAlertRules({
      rules: [rule({ id: 1, kind: "payout" })],
      events: [],
      facts: facts({
        syncFailures: [
          { shopId: US.id, error: "HTTP 503", code: null, failures: 2 },
          { shopId: VN.id, error: "HTTP 503", code: null, failures: 3 },
        ],
        needsReauth: [US.id],
      }),
      now: NOW,
    });
    const summaries = decisions.map((d) =>
      d.type === "notify" ? `${d.message.target.channel} ${d.message.view.reply.summary}` : d.type,
    );
    expect(summaries).toEqual([
      "C-ALERTS balance-bot cannot sync Outdoor US: the shop's authorization was refused or has expired; an admin must re-authorize it",
      "C-DIGEST balance-bot cannot sync Outdoor US: the shop's authorization was refused or has expired; an admin must re-authorize it",
      "C-ALERTS balance-bot cannot sync Hanoi Shop: HTTP 503 — 3 failed attempts in a row",
      "C-DIGEST balance-bot cannot sync Hanoi Shop: HTTP 503 — 3 failed attempts in a row",
    ]);
  });
});
