import { count, eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderConsole } from "../../src/adapters/console/render.ts";
import { renderDiscord } from "../../src/adapters/discord/render.ts";
import { DISCORD_SYNTAX } from "../../src/adapters/discord/syntax.ts";
import { renderSlack } from "../../src/adapters/slack/render.ts";
import { buildShopChartSpec } from "../../src/charts/shop-chart.ts";
import { ALWAYS_CAN_POST } from "../../src/core/channel-access.ts";
import { add, parseMoney, toDecimal } from "../../src/money/index.ts";
import { listAllShops } from "../../src/storage/repos/workspaces.ts";
import { alertRules, channels, goals, payouts } from "../../src/storage/schema/index.ts";
import { createTestApp, type TestApp, textOf } from "../support/app.ts";

// A fixed instant: the sandbox history, the bot's clock and so every figure are deterministic.
const NOW = new Date("2026-11-28T17:30:00Z");
let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({
    clock: () => NOW,
    sandbox: { startAt: NOW, now: () => NOW, historyDays: 100, ordersPerDay: 12 },
  });
});
afterAll(async () => {
  await app?.close();
});

const GOLDEN = [
  ["balance", "/balance"],
  ["balance-us", "/balance shop:outdoor"],
  ["earnings-yesterday", "/balance earnings"],
  ["earnings-30d-vn", "/balance earnings 30d shop:VN"],
  ["earnings-month", "/balance earnings 2026-10 shop:outdoor"],
  ["breakdown-30d", "/balance breakdown 30d shop:outdoor"],
  ["payouts-3", "/balance payouts 3"],
  ["statements-3d", "/balance statements 3d shop:outdoor"],
  ["products-30d", "/balance products 30d shop:outdoor"],
  ["reconcile-30d", "/balance reconcile 30d shop:outdoor"],
  ["reconcile-uk-7d", "/balance reconcile 7d shop:uk"],
  ["order-us-paid", "/balance order 571499890000046885"],
  ["order-vn-affiliate", "/balance order 572499920000008805"],
  ["order-malformed", "/balance order 57149-abc"],
  ["creators-30d", "/balance creators 30d shop:outdoor"],
  ["shops", "/balance shops"],
  ["help-goal", "/balance help goal"],
  ["error-unknown", "/balance nonsense"],
  ["error-period", "/balance earnings 2026-13"],
  ["error-count", "/balance payouts 500"],
] as const;

/** The first screen, comparisons, help and a two-shop digest, as each platform shows them. */
const PLATFORM_GOLDEN = [
  ["balance", "/balance"],
  ["earnings-7d", "/balance earnings 7d"],
  ["help", "/balance help"],
  ["digest-preview", "/balance digest preview"],
] as const;

/** Chart bytes are not golden material: their name, size and alt text are. */
function withoutBytes(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (key, v) =>
      v instanceof Uint8Array || (key === "data" && v && typeof v === "object")
        ? `<png ${v instanceof Uint8Array ? "bytes" : "data"}>`
        : v,
    ),
  );
}

describe("platform goldens (Block Kit, Discord embeds)", () => {
  it.each(PLATFORM_GOLDEN)("%s: %s", async (name, text) => {
    const slack = await app.askAs(text, {
      platform: "slack",
      workspaceId: "T0GOLDEN",
      channelId: "C0GOLDEN",
    });
    await expect(`${JSON.stringify(renderSlack(slack), null, 2)}\n`).toMatchFileSnapshot(
      `../golden/slack/${name}.json`,
    );
    const discord = await app.askAs(text, {
      platform: "discord",
      workspaceId: "100000000000000001",
      channelId: "200000000000000001",
      // As the Discord adapter hands it over: help in Discord's option syntax.
      syntax: DISCORD_SYNTAX,
    });
    await expect(`${JSON.stringify(withoutBytes(renderDiscord(discord)), null, 2)}\n`).toMatchFileSnapshot(
      `../golden/discord/${name}.json`,
    );
    await expect(`${renderConsole(await app.ask(text))}\n`).toMatchFileSnapshot(
      `../golden/console/screen-${name}.txt`,
    );
  });
});

describe("commands on the sandbox shop (console renderer goldens)", () => {
  it.each(GOLDEN)("%s: %s", async (name, text) => {
    const reply = await app.ask(text);
    await expect(renderConsole(reply)).toMatchFileSnapshot(`../golden/console/${name}.txt`);
  });

  it("shows all three clocks with currencies in /balance", async () => {
    const text = textOf(await app.ask("/balance"));
    expect(text).toMatch(/Pending[\s\S]*\$[\d,]+\.\d\d est\./);
    expect(text).toMatch(/Settled, awaiting payout\n\$[\d,]+\.\d\d/);
    expect(text).toMatch(/Paid out · last 30 days\n\$[\d,]+\.\d\d/);
    expect(text).toMatch(/₫[\d,]+ est\./);
    expect(text).toContain("sandbox data");
  });

  it("takes a shop name typed as listed, without quotes, and lists exact choices when unsure", async () => {
    const named = await app.ask("/balance chart 30d shop:Sandbox Outdoor (US)");
    expect(named.kind).toBe("report");
    expect(named.charts).toHaveLength(1);
    const before = await app.ask("/balance earnings shop:Sandbox Thời Trang (VN) 7d");
    expect(before.title).toContain("Sandbox Thời Trang (VN)");
    const ambiguous = await app.ask("/balance shop:sandbox");
    expect(ambiguous.summary).toContain(
      "type shop:us (Sandbox Outdoor (US)), shop:vn (Sandbox Thời Trang (VN)) or shop:uk (Sandbox Home (UK))",
    );
    const unknown = await app.ask("/balance earnings shop:acme");
    expect(unknown.summary).toContain(`No linked shop matches "acme"; type shop:us`);
  });

  it("charts every shop without shop:, one PNG each beside its own section", async () => {
    const reply = await app.ask("/balance chart 30d");
    expect(reply.kind).toBe("report");
    expect(reply.charts?.map((c) => [c.section, c.alt.split(" · ")[0]])).toEqual([
      [0, "Sandbox Outdoor (US)"],
      [1, "Sandbox Thời Trang (VN)"],
      [2, "Sandbox Home (UK)"],
    ]);
  });

  it("draws a cross-border shop's payouts at their amount before the exchange, naming the currency paid in", async () => {
    const uk = (await listAllShops(app.database.db)).find((s) => s.region === "GB")!;
    const spec = await buildShopChartSpec(
      app.database.db,
      { ...uk, currency: uk.currency! },
      { start: "2026-11-01", end: "2026-11-28", label: "November" },
      { includePending: false },
    );
    expect(spec.currency).toBe("GBP");
    expect(spec.payoutsPaidIn).toBe("USD");
    expect(spec.payouts.length).toBeGreaterThan(10);
    const paid = await app.database.db.select().from(payouts).where(eq(payouts.shopId, uk.id));
    const beforeExchange = new Set(
      paid.map((p) =>
        toDecimal(add(parseMoney(p.settlementAmount!, "GBP"), parseMoney(p.reserveAmount!, "GBP"))),
      ),
    );
    for (const marker of spec.payouts) expect(beforeExchange.has(marker.amount)).toBe(true);
  });

  it("renders a real PNG for /balance chart 30d", async () => {
    const reply = await app.ask("/balance chart 30d shop:outdoor");
    expect(reply.kind).toBe("report");
    expect(reply.charts).toHaveLength(1);
    const png = Buffer.from(reply.charts![0]!.png);
    expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(800);
    expect(reply.charts![0]!.alt).toMatch(
      /Sandbox Outdoor \(US\) · settled per day · .* · America\/Los_Angeles · USD/,
    );
  });

  it("keeps goals, alerts and digest settings, and previews the digest", async () => {
    expect((await app.ask("/balance goal set 40000 monthly shop:outdoor")).kind).toBe("success");
    const list = textOf(await app.ask("/balance goal list"));
    expect(list).toMatch(/#\d+\s+Sandbox Outdoor \(US\): monthly settled/);
    expect(list).toMatch(/of \$40,000\.00 \(\d+%\)/);
    expect((await app.ask("/balance alerts add payout")).kind).toBe("success");
    expect((await app.ask("/balance alerts add below 0 recover 100 shop:outdoor")).summary).toContain(
      "re-arms above $100.00",
    );
    expect(textOf(await app.ask("/balance alerts list"))).toMatch(/drops below \$0\.00/);
    expect((await app.ask("/balance digest time 8:30")).summary).toContain("at 08:30");
    expect((await app.ask("/balance digest tz america/new_york")).summary).toContain("America/New_York");
    const preview = await app.ask("/balance digest preview");
    expect(textOf(preview)).toMatch(/Revenue · yesterday|Settlement · yesterday/);
    expect(textOf(preview)).toContain("Month to date vs settled goal");
    expect(preview.charts?.map((c) => c.section)).toEqual([0, 1, 2]);
    for (const chart of preview.charts ?? []) expect(chart.png.length).toBeGreaterThan(1000);
    const removed = await app.ask("/balance goal remove 999");
    expect(removed.kind).toBe("error");
  });

  it("refuses a threshold with more decimals than the shop's currency, storing nothing", async () => {
    const before = textOf(await app.ask("/balance alerts list"));
    const reply = await app.ask("/balance alerts add above 1,000.005 shop:outdoor");
    expect(reply.kind).toBe("error");
    expect(textOf(reply)).toContain('"1,000.005" has 3 decimals, but USD amounts have 2');
    expect(textOf(await app.ask("/balance alerts list"))).toBe(before);
  });

  it("refuses settings to a non-admin and changes nothing", async () => {
    const db = app.database.db;
    const before = await db.select({ n: count() }).from(goals);
    for (const text of [
      "/balance goal set 100",
      "/balance alerts add payout",
      "/balance digest on",
      "/balance goal remove 1",
    ]) {
      const reply = await app.askAs(text, { isAdmin: false, userId: "U-member" });
      expect(reply).toMatchObject({ kind: "error", ephemeral: true, title: "Not allowed" });
      expect(reply.summary).toMatch(/only a workspace admin/i);
    }
    expect(await db.select({ n: count() }).from(goals)).toEqual(before);
  });

  it("never shows one workspace's figures, goals or alerts to another, even by guessing ids", async () => {
    await app.ask("/balance goal set 12345 monthly shop:outdoor");
    const other = {
      platform: "slack" as const,
      workspaceId: "T-OTHER",
      channelId: "C-OTHER",
      isAdmin: true,
      channel: ALWAYS_CAN_POST,
    };
    // A real (non-sandbox) deployment links shops explicitly; simulate that by disabling auto-linking.
    const { createCore } = await import("../../src/core/dispatcher.ts");
    const { commands } = await import("../../commands/index.ts");
    const strict = createCore({ ...app.deps, autoLinkProvider: undefined } as never, commands);
    const ask = (text: string) => strict.dispatch({ ...other, userId: "U1", text, correlationId: "t" });
    expect(textOf(await ask("/balance"))).toMatch(/no shop is linked/i);
    expect(textOf(await ask("/balance goal list"))).toContain("No goals yet");
    expect(textOf(await ask("/balance alerts list"))).toContain("No alerts yet");
    for (let id = 1; id <= 5; id++) {
      expect((await ask(`/balance goal remove ${id}`)).kind).toBe("error");
      expect((await ask(`/balance alerts remove ${id}`)).kind).toBe("error");
    }
    const statement = textOf(await app.ask("/balance statements 3d shop:outdoor")).match(
      /\b(\d{15,})\b/,
    )?.[1];
    expect(statement).toBeDefined();
    expect(textOf(await ask(`/balance statement ${statement}`))).toMatch(/no statement/i);
    expect(textOf(await app.ask("/balance goal list"))).toContain("$12,345.00");
    // Every command, as an admin of the other workspace, naming the first workspace's shop.
    for (const command of commands) {
      for (const text of [
        command.example,
        `${command.example} shop:"Sandbox Outdoor (US)"`,
        `/balance ${command.name} shop:1`,
      ]) {
        const reply = await ask(text);
        const answer = textOf(reply);
        expect(answer, text).not.toMatch(/[$₫]\s?[\d,]+/);
        // An error may quote what was typed; nothing else may name the other workspace's shop.
        if (reply.kind !== "error") expect(answer, text).not.toContain("Sandbox Outdoor");
        expect(answer, text).not.toContain("Thời Trang");
      }
    }
  });

  it("answers thousands of random strings with a reply and no exception", async () => {
    const db = app.database.db;
    const snapshot = async () => ({
      goals: (await db.select({ n: count() }).from(goals))[0]!.n,
      alerts: (await db.select({ n: count() }).from(alertRules))[0]!.n,
      channels: (await db.select({ n: count() }).from(channels))[0]!.n,
    });
    const before = await snapshot();
    const words = [
      "earnings",
      "breakdown",
      "payouts",
      "goal",
      "set",
      "alerts",
      "add",
      "digest",
      "time",
      "tz",
      "chart",
      "shop:",
      "statement",
      "7d",
      "-1",
      "1e309",
      "'; drop table goals; --",
      "9".repeat(400),
      "💸",
      "\u0000",
      "2026-02-30",
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.array(fc.constantFrom(...words), { maxLength: 6 }).map((w) => `/balance ${w.join(" ")}`),
        ),
        async (text) => {
          const reply = await app.askAs(text, { isAdmin: false });
          expect(reply.title.length).toBeGreaterThan(0);
          if (reply.kind === "error") expect(reply.summary).not.toMatch(/\n\s+at /);
        },
      ),
      { numRuns: 1500 },
    );
    const after = await snapshot();
    expect({ ...after, channels: before.channels }).toEqual(before);
  });
});
