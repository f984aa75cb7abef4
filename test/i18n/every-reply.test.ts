import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { commissionSettledAlert } from "../../src/alerts/commission.ts";
import { goalAlert, payoutAlert, syncTroubleAlert, thresholdAlert } from "../../src/alerts/views.ts";
import type { Reply } from "../../src/core/reply.ts";
import type { AlertKind } from "../../src/delivery/payload.ts";
import { LOCALES, type Locale } from "../../src/i18n/index.ts";
import { money } from "../../src/money/index.ts";
import { listAllShops, type ShopRow } from "../../src/storage/repos/workspaces.ts";
import { statements } from "../../src/storage/schema/index.ts";
import {
  connectedNotice,
  deauthorizedNotice,
  expiringNotice,
  reauthNotice,
} from "../../src/sync/connection-notices.ts";
import { createTestApp, type TestApp, textOf } from "../support/app.ts";

/**
 * Every command's reply, the digest and every alert, in each language, on the sandbox's demo
 * data. What is not converted yet is listed here; converting it means deleting it from this set
 * (the test fails while a converted reply is still listed, so the list cannot rot).
 */
const NOT_YET_TRANSLATED = new Set<string>([]);

const NOW = new Date("2026-11-28T17:30:00Z");
let app: TestApp;
let shop: ShopRow;
let vnShop: ShopRow;
/** Commands whose example names something the demo data lacks get a real one. */
const samples = new Map<string, string>();

beforeAll(async () => {
  app = await createTestApp({
    clock: () => NOW,
    sandbox: { startAt: NOW, now: () => NOW, historyDays: 40, ordersPerDay: 4 },
  });
  const shops = await listAllShops(app.database.db);
  shop = shops.find((s) => s.currency === "USD")!;
  vnShop = shops.find((s) => s.currency === "VND") ?? shop;
  const [statement] = await app.database.db.select({ id: statements.id }).from(statements).limit(1);
  if (statement) samples.set("statement", `/balance statement ${statement.id}`);
  // Choosing a language would change the workspace's language for the commands after it.
  samples.set("language", "/balance language");
});
afterAll(async () => {
  await app?.close();
});

const nameOf = (name: string) => name || "balance";

/** Money written the English way ($1,234.50, ₫53,973,760) where the language writes it otherwise. */
const ENGLISH_MONEY = /[$₫£€]\d{1,3}(,\d{3})+|\d{1,3}(,\d{3})+\.\d{2}\b/;

function expectWellFormed(what: string, locale: Locale, reply: Reply): void {
  const text = textOf(reply);
  expect(text, `${what} in ${locale}: an unfilled placeholder`).not.toMatch(/\{[^}]*\}/);
  expect(text, `${what} in ${locale}`).not.toMatch(/\bundefined\b|\bNaN\b|\[object /);
}

/** An error reply's message without the core's "Usage: …" and full stop. */
function ownMessage(reply: Reply): string {
  const summary = reply.summary ?? "";
  const cut = summary.search(/ (Usage|Cara pakai|Cách dùng|วิธีใช้): /);
  return (cut < 0 ? summary : summary.slice(0, cut)).replace(/\.$/, "");
}

function expectLanguage(what: string, locale: Locale, reply: Reply, english: Reply): void {
  const listed = NOT_YET_TRANSLATED.has(what);
  if (locale === "en") return;
  if (listed) {
    // Still English: once its own words are translated, take it off the list. (An error's title
    // and "Usage:" are the core's, translated already; its message is the command's.)
    const own = (r: Reply) => (r.kind === "error" ? ownMessage(r) : r.title);
    expect(own(reply), `${what} looks translated: remove it from NOT_YET_TRANSLATED`).toBe(own(english));
    return;
  }
  expect(textOf(reply), `${what} in ${locale} is the English text`).not.toBe(textOf(english));
  const text = textOf(reply);
  if (locale === "id" || locale === "vi") {
    expect(text, `${what} in ${locale}: money in English format`).not.toMatch(ENGLISH_MONEY);
    // Intl writes "₫8.156.660" or "₫\u00a08.156.660"; an ordinary space after "0 ₫" is the next
    // cell or line ("0 ₫ 27,6%"), not a dong before its number.
    if (text.includes("₫"))
      expect(text, `${what} in ${locale}: ₫ goes after the number`).not.toMatch(/₫\u00a0?\d/);
  }
}

describe("every command in every language", () => {
  it.each(commands.map((c) => [nameOf(c.name), c.example] as const))("%s", async (name, example) => {
    const answers = {} as Record<Locale, Reply>;
    for (const locale of LOCALES) {
      answers[locale] = await app.askAs(samples.get(name) ?? example, {
        platform: "discord",
        workspaceId: `G-${locale}`,
        workspaceName: `Guild ${locale}`,
        channelId: "C-every",
        locale,
      });
      expectWellFormed(name, locale, answers[locale]);
    }
    for (const locale of LOCALES) expectLanguage(name, locale, answers[locale], answers.en);
  });
});

/** One of each alert, as the outbox would post it; a new alert kind won't compile until it is here. */
const ALERTS: Record<AlertKind, (locale: Locale) => Reply> = {
  payout_paid: (locale) =>
    payoutAlert(
      shop,
      {
        payoutId: "P1",
        amount: "1234.5",
        currency: "USD",
        bankAccount: "****1234",
        paidTime: null,
        createdTime: "2026-11-27T10:00:00Z",
      },
      [{ id: "S1", day: "2026-11-20" }],
      false,
      true,
      locale,
    ),
  payout_failed: (locale) =>
    payoutAlert(
      vnShop,
      {
        payoutId: "P2",
        amount: "53973760",
        currency: "VND",
        bankAccount: null,
        paidTime: null,
        createdTime: "2026-11-27T10:00:00Z",
      },
      [],
      true,
      true,
      locale,
    ),
  balance_above: (locale) =>
    thresholdAlert(
      shop,
      { kind: "above", threshold: "5000", currency: "USD" },
      { amount: "5200.25", source: "settled_awaiting" },
      true,
      locale,
    ),
  balance_below: (locale) =>
    thresholdAlert(
      vnShop,
      { kind: "below", threshold: "0", currency: "VND" },
      { amount: "-120000", source: "ledger_available" },
      true,
      locale,
    ),
  goal: (locale) =>
    goalAlert(
      shop,
      { id: 3, cadence: "monthly", metric: "settled" },
      {
        periodStart: "2026-11-01",
        periodEnd: "2026-11-30",
        periodLabel: "November 2026",
        target: money("5000", "USD"),
        achieved: money("2600", "USD"),
        remaining: money("2400", "USD"),
        neededPerDay: money("800", "USD"),
        projection: money("2900", "USD"),
        daysLeft: 3,
        percent: 52,
        reached: false,
      },
      50,
      true,
      locale,
    ),
  sync_trouble: (locale) =>
    syncTroubleAlert(
      shop,
      { kind: "failing", error: "access token is invalid", code: "105002", failures: 1 },
      true,
      locale,
    ),
  commission_settled: (locale) =>
    commissionSettledAlert(
      shop,
      {
        orderIds: ["O1", "O2"],
        amount: "12.5",
        currency: "USD",
        firstDay: "2026-11-20",
        lastDay: "2026-11-21",
        backfill: false,
      },
      true,
      locale,
    ),
  connected: (locale) => connectedNotice([shop.name, vnShop.name], "Acme Seller", true, locale),
  deauthorized: (locale) => deauthorizedNotice(shop.name, true, locale),
  auth_expiring: (locale) => expiringNotice(shop.name, 5, new Date("2026-12-03T00:00:00Z"), true, locale),
  reauth: (locale) => reauthNotice([shop.name], { kind: "refused", code: "105002" }, true, locale),
};

describe("every alert in every language", () => {
  it.each(Object.keys(ALERTS) as AlertKind[])("%s", (kind) => {
    const what = `alert:${kind}`;
    const answers = Object.fromEntries(LOCALES.map((l) => [l, ALERTS[kind](l)])) as Record<Locale, Reply>;
    for (const locale of LOCALES) expectWellFormed(what, locale, answers[locale]);
    for (const locale of LOCALES) expectLanguage(what, locale, answers[locale], answers.en);
  });
});

it("lists only what exists", () => {
  const known = new Set([
    ...commands.map((c) => nameOf(c.name)),
    ...Object.keys(ALERTS).map((k) => `alert:${k}`),
  ]);
  expect([...NOT_YET_TRANSLATED].filter((n) => !known.has(n))).toEqual([]);
});
