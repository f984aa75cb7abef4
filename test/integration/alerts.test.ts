import { and, count, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { evaluateAlerts } from "../../src/alerts/evaluate.ts";
import { reply } from "../../src/core/reply.ts";
import { enqueueView } from "../../src/delivery/enqueue.ts";
import { alertView } from "../../src/delivery/payload.ts";
import { drainOutbox } from "../../src/delivery/worker.ts";
import { silentLogger } from "../../src/log.ts";
import { listAllShops } from "../../src/storage/repos/workspaces.ts";
import { outbox, statements } from "../../src/storage/schema/index.ts";
import { createTestApp, type TestApp, textOf } from "../support/app.ts";
import { notInChannel, rateLimited, recordingPort, serverError } from "../support/recording-port.ts";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const log = silentLogger();

describe("alerts and the outbox", () => {
  it("tells a channel once when a payout lands, with amount and masked account", async () => {
    const t0 = Date.now();
    let realNow = t0;
    app = await createTestApp({
      sandbox: {
        startAt: new Date(t0),
        now: () => new Date(realNow),
        speed: 60,
        historyDays: 10,
        ordersPerDay: 4,
      },
    });
    const a = app;
    expect((await a.ask("/balance alerts add payout")).kind).toBe("success");
    const deps = { db: a.database.db, log, clock: () => new Date(), sandbox: true };
    // History from the first sync is not news.
    expect(await evaluateAlerts(deps)).toBe(0);
    realNow = t0 + 60_000; // one real minute = one simulated hour: the demo payout is paid
    await a.syncAll();
    expect(await evaluateAlerts(deps)).toBeGreaterThanOrEqual(1);
    expect(await evaluateAlerts(deps)).toBe(0);
    const { port, sent } = recordingPort();
    await drainOutbox({ ...deps, ports: { console: port }, charts: a.deps.charts }, { channelGapMs: 0 });
    const payouts = sent.filter((s) => s.reply.title.startsWith("💸 Payout arrived"));
    expect(payouts.length).toBeGreaterThanOrEqual(1);
    const text = textOf(payouts[0]!.reply);
    expect(text).toMatch(/Paid out\n(\$[\d,]+\.\d\d|₫[\d,]+)/);
    expect(text).toMatch(/\*{4,}\d{4}|—/);
    await a.syncAll();
    await evaluateAlerts(deps);
    await drainOutbox({ ...deps, ports: { console: port }, charts: a.deps.charts }, { channelGapMs: 0 });
    expect(sent.filter((s) => s.reply.title.startsWith("💸 Payout arrived"))).toHaveLength(payouts.length);
  });

  it("fires a threshold rule once per real crossing, re-arming only after recovery", async () => {
    app = await createTestApp({ sandbox: { historyDays: 5, ordersPerDay: 2 } });
    const a = app;
    const db = a.database.db;
    const us = (await listAllShops(db)).find((s) => s.currency === "USD")!;
    expect((await a.ask("/balance alerts add below 500 recover 600 shop:outdoor")).kind).toBe("success");
    await db.update(statements).set({ paymentStatus: "PAID" }).where(eq(statements.shopId, us.id));
    const setBalance = async (value: string) => {
      await db
        .insert(statements)
        .values({
          shopId: us.id,
          id: "test-balance",
          statementTime: new Date(),
          day: "2026-01-01",
          currency: "USD",
          settlement: value,
          paymentStatus: "PROCESSING",
        })
        .onConflictDoUpdate({ target: [statements.shopId, statements.id], set: { settlement: value } });
      await evaluateAlerts({ db, log, clock: () => new Date(), sandbox: true });
    };
    for (const value of ["1000", "400", "450", "550", "450", "700", "300", "300", "-5", "599", "490"])
      await setBalance(value);
    const fired = await db.select().from(outbox).where(eq(outbox.kind, "balance_below"));
    expect(fired.map((f) => f.dedupeKey)).toEqual([
      expect.stringMatching(/:1$/),
      expect.stringMatching(/:2$/),
    ]);
  });

  it("delivers everything after 429s and 5xx, once each, in order per channel", async () => {
    app = await createTestApp({ sync: false });
    const db = app.database.db;
    for (const [channel, n] of [
      ["C-A", 3],
      ["C-B", 2],
    ] as const) {
      for (let i = 1; i <= n; i++) {
        await enqueueView(
          db,
          { workspaceId: 1, platform: "slack", channel },
          alertView("sync_trouble", reply({ title: `${channel} #${i}` })),
          `test:${channel}:${i}`,
        );
      }
    }
    const { port, sent, failNext } = recordingPort("slack");
    failNext(rateLimited(1000), serverError(), rateLimited(2000), serverError());
    let now = Date.now();
    for (let i = 0; i < 30 && sent.length < 5; i++) {
      await drainOutbox(
        { db, ports: { slack: port }, charts: app.deps.charts, clock: () => new Date(now), log },
        { channelGapMs: 0 },
      );
      now += 10 * 60_000;
    }
    expect(sent.filter((s) => s.channel === "C-A").map((s) => s.reply.title)).toEqual([
      "C-A #1",
      "C-A #2",
      "C-A #3",
    ]);
    expect(sent.filter((s) => s.channel === "C-B").map((s) => s.reply.title)).toEqual(["C-B #1", "C-B #2"]);
    const [left] = await db
      .select({ n: count() })
      .from(outbox)
      .where(and(eq(outbox.status, "sent")));
    expect(left!.n).toBe(5);
  });

  it("parks a message the platform refuses for good and shows it in /balance status", async () => {
    app = await createTestApp({ sync: false });
    const a = app;
    const db = a.database.db;
    await a.ask("/balance shops");
    await enqueueView(
      db,
      { workspaceId: 1, platform: "slack", channel: "C-GONE" },
      { kind: "digest", reply: { kind: "digest", title: "x", sections: [], ephemeral: false }, charts: [] },
      "test:parked",
    );
    const { port, sent, failNext } = recordingPort("slack");
    failNext(notInChannel());
    const result = await drainOutbox(
      { db, ports: { slack: port }, charts: a.deps.charts, clock: () => new Date(), log },
      { channelGapMs: 0 },
    );
    expect(result).toEqual({ sent: 0, retried: 0, parked: 1 });
    expect(sent).toHaveLength(0);
    const status = textOf(await a.ask("/balance status"));
    expect(status).toContain("Messages that could not be delivered");
    expect(status).toMatch(/digest\s+C-GONE\s+not_in_channel: .*invite the bot/);
  });

  it("parks a row whose payload is not a view, with the reason, and still delivers the channel's next message", async () => {
    app = await createTestApp({ sync: false });
    const a = app;
    const db = a.database.db;
    await a.ask("/balance shops");
    // Written by an older version, a bad migration or a hand edit: no kind, sections not a list.
    await db.insert(outbox).values({
      dedupeKey: "test:poisoned",
      workspaceId: 1,
      platform: "console",
      channel: "console",
      kind: "digest",
      payload: { reply: { title: "broken", sections: "none" } },
    });
    await enqueueView(
      db,
      { workspaceId: 1, platform: "console", channel: "console" },
      alertView("sync_trouble", reply({ title: "behind the poisoned row" })),
      "test:next",
    );
    const { port, sent } = recordingPort();
    const result = await drainOutbox(
      { db, ports: { console: port }, charts: a.deps.charts, clock: () => new Date(), log },
      { channelGapMs: 0 },
    );
    expect(result).toEqual({ sent: 1, retried: 0, parked: 1 });
    expect(sent.map((s) => s.reply.title)).toEqual(["behind the poisoned row"]);
    const [row] = await db.select().from(outbox).where(eq(outbox.dedupeKey, "test:poisoned"));
    expect(row?.status).toBe("parked");
    expect(row?.lastError).toBe("malformed payload: not a view this version knows (kind: none)");
    const status = textOf(await a.ask("/balance status"));
    expect(status).toContain("Messages that could not be delivered");
    expect(status).toMatch(/digest\s+console\s+malformed payload/);
  });
});
