import { resolve } from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALWAYS_CAN_POST } from "../../src/core/channel-access.ts";
import { SANDBOX_SHOPS } from "../../src/providers/sandbox/catalog.ts";
import { buildOrder, DAY, orderCount, orderId, type World } from "../../src/providers/sandbox/orders.ts";
import { listAllShops } from "../../src/storage/repos/workspaces.ts";
import { fetchedOrders, statements, statementTransactions } from "../../src/storage/schema/index.ts";
import { createTestApp, type TestApp, textOf } from "../support/app.ts";

const NOW = new Date("2026-11-28T17:30:00Z");
const SEED = 42;
const ORDERS_PER_DAY = 4;
/** The sandbox has 100 days of statements; the first sync reads the last 90, so older orders are not stored. */
const SANDBOX_HISTORY = 100;
const FIXTURES = resolve(import.meta.dirname, "../fixtures/exports");
const US = SANDBOX_SHOPS.find((s) => s.region === "US")!;
const WORLD: World = {
  seed: SEED,
  ordersPerDay: ORDERS_PER_DAY,
  anchorDay: Math.floor(NOW.getTime() / 1000 / DAY),
  firstStatementDay: Math.floor(NOW.getTime() / 1000 / DAY) - SANDBOX_HISTORY,
  startSec: Math.floor(NOW.getTime() / 1000),
};

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({
    clock: () => NOW,
    // TikTok's limit enforced by the sandbox (429 beyond 50/s per API and shop); the bot keeps to it.
    sandbox: {
      seed: SEED,
      startAt: NOW,
      now: () => NOW,
      historyDays: SANDBOX_HISTORY,
      ordersPerDay: ORDERS_PER_DAY,
      qps: 50,
    },
  });
}, 120_000);
afterAll(async () => {
  await app?.close();
});

/** A displayed amount ("-$2,380.49", "+$1.20") in minor units. */
const minor = (shown: string) =>
  (/^\s*[-−]/.test(shown) ? -1n : 1n) * BigInt(shown.replace(/[^\d]/g, "") || "0");

/** Orders of the US shop settled before the synced history (the sandbox knows them, the bot does not yet). */
function unsyncedOrders(): { id: string; settlement: bigint }[] {
  const out: { id: string; settlement: bigint }[] = [];
  for (let day = WORLD.firstStatementDay - 2; day < WORLD.anchorDay - 93; day++)
    for (let index = 0; index < orderCount(WORLD, US, day); index++) {
      const order = buildOrder(WORLD, US, day, index);
      if (order.statementDay >= WORLD.firstStatementDay && order.statementDay < WORLD.anchorDay - 91)
        out.push({ id: orderId(WORLD, US, day, index), settlement: order.settlement });
    }
  return out;
}

describe("/balance order <id>", () => {
  it("a synced order: every line from sales to settlement, exactly, and the payout that paid it", async () => {
    const [us] = (await listAllShops(app.database.db)).filter((s) => s.region === "US");
    const [row] = await app.database.db
      .select({ orderId: statementTransactions.orderId, settlement: statementTransactions.settlement })
      .from(statementTransactions)
      .innerJoin(
        statements,
        and(
          eq(statements.shopId, statementTransactions.shopId),
          eq(statements.id, statementTransactions.statementId),
        ),
      )
      .where(
        and(
          eq(statementTransactions.shopId, us!.id),
          eq(statementTransactions.type, "ORDER"),
          eq(statements.paymentStatus, "PAID"),
        ),
      )
      .orderBy(sql`${statementTransactions.day} desc`)
      .limit(1);
    const before = app.sandbox!.received();
    const answer = await app.ask(`/balance order ${row!.orderId}`);
    // Stored data answers: TikTok is not asked.
    expect(app.sandbox!.received()).toBe(before);
    expect(answer.kind).toBe("report");
    expect(answer.title).toBe(`Order ${row!.orderId} · ${us!.name}`);
    const [section] = answer.sections;
    const state = section!.fields!.find((f) => f.label === "State")!;
    expect(state.clock).toBe("paid");
    expect(state.value).toMatch(/^paid \w{3} \d{1,2}, 2026 to \*+\d{4}$/);
    expect(state.detail).toMatch(/^settled on statement \d+ of \w{3} \d{1,2}, 2026 · payout \d+: \$[\d,.]+$/);
    const rows = section!.table!.rows;
    expect(rows[0]![0]).toBe("Sales before discounts");
    expect(rows.map((r) => r[0])).toContain("Commission · Referral fee");
    const settlement = rows.at(-1)!;
    expect(settlement[0]).toBe("= Settlement");
    expect(rows.slice(0, -1).reduce((t, r) => t + minor(r[1]!), 0n)).toBe(minor(settlement[1]!));
    expect(minor(settlement[1]!)).toBe(BigInt(Math.round(Number(row!.settlement) * 100)));
  });

  it("an order older than the synced history is fetched from TikTok once, stored, then read from storage", async () => {
    const [old] = unsyncedOrders();
    expect(old).toBeDefined();
    const before = app.sandbox!.received();
    const answer = await app.ask(`/balance order ${old!.id} shop:us`);
    expect(app.sandbox!.received()).toBe(before + 1);
    expect(answer.kind).toBe("report");
    const text = textOf(answer);
    expect(text).toContain("Fetched from TikTok");
    expect(text).toContain("before the synced history: its payment is not stored");
    const rows = answer.sections[0]!.table!.rows;
    expect(minor(rows.at(-1)![1]!)).toBe(old!.settlement);
    expect(rows.slice(0, -1).reduce((t, r) => t + minor(r[1]!), 0n)).toBe(old!.settlement);
    const stored = await app.database.db
      .select()
      .from(fetchedOrders)
      .where(eq(fetchedOrders.orderId, old!.id));
    expect(stored.map((s) => s.outcome)).toEqual(["settled"]);
    // Asked again: the stored answer, no API call.
    const again = await app.ask(`/balance order ${old!.id} shop:us`);
    expect(app.sandbox!.received()).toBe(before + 1);
    expect(again.sections[0]!.table!.rows).toEqual(rows);
  });

  it("an unknown id: not found in each shop, with the day its synced orders start; a malformed id: the usage", async () => {
    const answer = await app.ask("/balance order 579999999999999999 shop:us");
    expect(answer.kind).toBe("error");
    expect(textOf(answer)).toMatch(
      /^Order 579999999999999999 was not found in Sandbox Outdoor \(US\) \(orders settled since \w{3} \d{1,2}, 2026\)/m,
    );
    const malformed = await app.ask("/balance order 12-ab");
    expect(malformed.kind).toBe("error");
    expect(textOf(malformed)).toContain("is not an order id");
    expect(textOf(malformed)).toContain("Usage: /balance order <id>");
  });

  it("an order of another workspace's shop is not found here, and found there", async () => {
    const other = {
      platform: "slack" as const,
      workspaceId: "T-OTHER",
      channelId: "C-OTHER",
      userId: "U1",
      isAdmin: true,
      channel: ALWAYS_CAN_POST,
    };
    const imported = await app.askAs(`/balance import ${FIXTURES}/income-en.csv shop:otherstore`, other);
    expect(imported.kind).toBe("success");
    const there = await app.askAs("/balance order 576000000000000002", other);
    expect(there.title).toBe("Order 576000000000000002 · otherstore");
    expect(textOf(there)).toContain("$1,234.56");
    const here = await app.ask("/balance order 576000000000000002");
    expect(here.kind).toBe("error");
    expect(textOf(here)).toContain("was not found in Sandbox Outdoor (US)");
    expect(textOf(here)).not.toContain("otherstore");
  });

  it("a burst of lookups stays inside TikTok's rate limit: every answer arrives, none refused with 429", async () => {
    const known = unsyncedOrders().slice(1, 41);
    const made = Array.from({ length: 80 - known.length }, (_, i) => `5799${String(i).padStart(14, "0")}`);
    const ids = [...known.map((o) => o.id), ...made];
    const before = app.sandbox!.received();
    const answers = await Promise.all(ids.map((id) => app.ask(`/balance order ${id} shop:us`)));
    expect(app.sandbox!.throttled()).toBe(0);
    // One request per id, none retried.
    expect(app.sandbox!.received() - before).toBe(ids.length);
    expect(answers.filter((a) => a.kind === "report")).toHaveLength(known.length);
    expect(answers.filter((a) => a.kind === "error").map((a) => textOf(a))).toEqual(
      made.map(() => expect.stringContaining("was not found in Sandbox Outdoor (US)")),
    );
    // The same burst again is answered from storage (unknown ids are re-asked only after a while).
    await Promise.all(ids.map((id) => app.ask(`/balance order ${id} shop:us`)));
    expect(app.sandbox!.received() - before).toBe(ids.length);
  });
});
