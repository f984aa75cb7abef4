/**
 * A creator account end to end (issue 15 item 3): connected through the same /balance connect
 * flow as a shop (the sandbox's "Authorize as creator"), synced idempotently, shown by /balance,
 * /balance earnings and the digest as commission on its clocks, and "commission settled" told
 * exactly once through the outbox.
 */
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateAlerts } from "../../src/alerts/evaluate.ts";
import { creatorDigestSection } from "../../src/core/creator-views.ts";
import { drainOutbox } from "../../src/delivery/worker.ts";
import { type HttpServer, startHttpServer } from "../../src/http/server.ts";
import { translator } from "../../src/i18n/index.ts";
import { silentLogger } from "../../src/log.ts";
import { ensureWorkspace, listLinkedShops } from "../../src/storage/repos/workspaces.ts";
import { creatorOrders, domainEvents, outbox, shops } from "../../src/storage/schema/index.ts";
import { createTestApp, type TestApp, textOf } from "../support/app.ts";
import { connectCore, firstUrl } from "../support/connect.ts";
import { recordingPort } from "../support/recording-port.ts";

const START = new Date("2026-03-10T20:00:00Z");
const DAY_MS = 86_400_000;
const CREATOR = {
  platform: "slack",
  workspaceId: "T-CREATOR",
  workspaceName: "Trail Talks",
  channelId: "C-MONEY",
  userId: "U9",
  isAdmin: true,
} as const;

let now = START;
let app: TestApp;
let server: HttpServer;
let as: ReturnType<typeof connectCore>["as"];
const log = silentLogger();

beforeAll(async () => {
  app = await createTestApp({
    clock: () => now,
    sandbox: { startAt: START, now: () => now, speed: 1, historyDays: 40, ordersPerDay: 2 },
  });
  as = connectCore(app).as;
  server = await startHttpServer({
    app,
    port: 0,
    host: "127.0.0.1",
    client: { retry: { baseMs: 1, maxMs: 5 } },
  });
});
afterAll(async () => {
  await server?.close();
  await app?.close();
});

async function creatorRows() {
  const [row] = await app.database.db.select({ n: count() }).from(creatorOrders);
  return row?.n ?? 0;
}

async function commissionOutbox() {
  return app.database.db.select().from(outbox).where(eq(outbox.kind, "commission_settled"));
}

describe("a creator account", () => {
  it("connects through /balance connect as a creator (user type 1): no shop, kind creator", async () => {
    const reply = await as("/balance connect", CREATOR);
    const link = firstUrl(reply.summary ?? "");
    const consent = await (await fetch(link)).text();
    const href = /id="approve-creator" href="([^"]+)"/.exec(consent)?.[1] ?? "";
    const callback = href.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)));
    const page = await fetch(callback);
    const text = await page.text();
    expect(page.status, text).toBe(200);
    expect(text).toContain("Sandbox Creator @trailtalks (creator account)");

    const workspaceId = await ensureWorkspace(app.database.db, "slack", "T-CREATOR");
    const linked = await listLinkedShops(app.database.db, workspaceId);
    expect(linked).toHaveLength(1);
    expect(linked[0]).toMatchObject({
      kind: "creator",
      cipher: null,
      name: "Sandbox Creator @trailtalks",
      timezone: "America/Los_Angeles",
      currency: "USD",
    });
    const listed = await as("/balance shops", CREATOR);
    expect(listed.sections[0]!.table!.rows).toEqual([
      ["Sandbox Creator @trailtalks", "US", "USD", "America/Los_Angeles", "sandbox data · creator account"],
    ]);
    // The seller shops keep their kind.
    const kinds = await app.database.db.select({ kind: shops.kind }).from(shops);
    expect(kinds.filter((k) => k.kind === "seller")).toHaveLength(app.sandbox!.shops.length);
  });

  it("syncs its commission orders idempotently, beside the seller shops", async () => {
    const first = await app.syncAll();
    expect(first.flatMap((r) => r.errors)).toEqual([]);
    const stored = await creatorRows();
    expect(stored).toBeGreaterThan(100);
    const again = await app.syncAll();
    expect(again.flatMap((r) => r.errors)).toEqual([]);
    expect(await creatorRows()).toBe(stored);
    const statuses = await app.database.db
      .selectDistinct({ status: creatorOrders.status })
      .from(creatorOrders);
    expect(statuses.map((s) => s.status).sort()).toEqual(
      expect.arrayContaining(["ORDERED", "REFUNDED", "SETTLED"]),
    );
  });

  it("/balance shows commission pending (est.), settled and refunded or deducted, with currency, clock and zone", async () => {
    const reply = await as("/balance", CREATOR);
    expect(reply.kind, textOf(reply)).toBe("report");
    const text = textOf(reply);
    expect(reply.title).toBe("Balance · Sandbox Creator @trailtalks");
    expect(reply.headline?.[0]).toMatch(
      /^\$[\d,]+\.\d\d commission pending \(est\.\) · \$[\d,]+\.\d\d settled on orders of the last 30 days$/,
    );
    const fields = reply.sections[0]!.fields!;
    expect(fields.map((f) => [f.label, f.clock])).toEqual([
      ["Commission pending", "pending"],
      ["Commission settled · last 30 days", "settled"],
      ["Refunded or deducted · last 30 days", "settled"],
    ]);
    expect(fields[0]!.value).toMatch(/^\$[\d,]+\.\d\d est\.$/);
    expect(fields[1]!.detail).toMatch(/^\d+ orders created last 30 days \(Feb 9 – Mar 10, 2026\)$/);
    expect(fields[2]!.value).toMatch(/^-\$[\d,]+\.\d\d$/);
    expect(text).toContain("TikTok has no creator payout or balance API");
    expect(text).not.toMatch(/Paid out|Last payouts|statement/i);
    expect(reply.footer).toMatch(/zone America\/Los_Angeles · sandbox data$/);
    expect(reply.footer).toMatch(/data from sync/);
  });

  it("/balance for a creator account speaks the asker's language (Vietnamese)", async () => {
    const reply = await as("/balance", { ...CREATOR, locale: "vi" });
    expect(reply.title).toBe("Số dư · Sandbox Creator @trailtalks");
    expect(reply.headline?.[0]).toMatch(
      /^[\d.]+,\d\d\s\$ hoa hồng đang chờ \(ước tính\) · [\d.]+,\d\d\s\$ đã quyết toán trên đơn 30 ngày qua$/,
    );
    const fields = reply.sections[0]!.fields!;
    expect(fields.map((f) => f.label)).toEqual([
      "Hoa hồng đang chờ (ước tính)",
      "Hoa hồng đã quyết toán · 30 ngày qua",
      "Bị hoàn hoặc khấu trừ · 30 ngày qua · đã quyết toán",
    ]);
    expect(fields[0]!.value).toMatch(/^[\d.]+,\d\d\s\$ \(ước tính\)$/);
    expect(fields[1]!.detail).toMatch(/^\d+ đơn tạo 30 ngày qua \(/);
    expect(textOf(reply)).toContain("TikTok không có API thanh toán hay số dư cho nhà sáng tạo");
  });

  it("/balance earnings 7d compares the period's commission with the 7 days before", async () => {
    const reply = await as("/balance earnings 7d", CREATOR);
    expect(reply.kind, textOf(reply)).toBe("report");
    const fields = reply.sections[0]!.fields!;
    expect(fields.map((f) => [f.label, f.clock])).toEqual([
      ["Commission on the period's orders (settled + est.)", undefined],
      ["Commission settled", "settled"],
      ["Commission pending", "pending"],
      ["Refunded or deducted", "settled"],
    ]);
    // The total is the settled part plus the estimate, to the cent, compared with the 7 days before.
    const cents = (text: string) => Number(text.replace(/[^\d-]/g, ""));
    expect(cents(fields[0]!.value)).toBe(cents(fields[1]!.value) + cents(fields[2]!.value));
    expect(fields[0]!.detail).toMatch(
      /^settled \$[\d,]+\.\d\d \+ pending \$[\d,]+\.\d\d est\. · ((up|down) [\d.]+% · (better|worse)|was .+|no change)$/,
    );
    expect(fields[3]!.detail).toMatch(/^(\d+ orders?: \d+ refunded|none)/);
    expect(reply.sections[0]!.notes?.[0]).toMatch(
      /^\d+ affiliate orders created last 7 days \(Mar 4 – Mar 10, 2026\) · days in America\/Los_Angeles$/,
    );
  });

  it("the digest's creator section speaks the workspace's language (Indonesian)", async () => {
    const workspaceId = await ensureWorkspace(app.database.db, "slack", "T-CREATOR");
    const [account] = await listLinkedShops(app.database.db, workspaceId);
    const since = new Date(now.getTime() - DAY_MS);
    const section = await creatorDigestSection(app.database.db, account!, now, since, translator("id"));
    expect(section.title).toMatch(
      /^Sandbox Creator @trailtalks \(kreator\) · kemarin \(.+\) · America\/Los_Angeles$/,
    );
    expect(section.fields!.map((f) => f.label)).toEqual([
      "Komisi atas pesanan kemarin (perkiraan)",
      "Komisi sudah diselesaikan sejak ringkasan terakhir",
      "Komisi sudah diselesaikan · bulan ini sampai hari ini",
      "Komisi tertunda",
    ]);
    expect(section.fields![3]!.value).toMatch(/^\$[\d.]+,\d\d \(perkiraan\)$/);
    expect(section.notes?.[0]).toBe(
      "Akun kreator: komisi atas pesanan afiliasi, menurut hari pesanan dibuat.",
    );
  });

  it("the digest tells yesterday's commission, what settled since the last digest, month to date and pending", async () => {
    const reply = await as("/balance digest preview", CREATOR);
    const section = reply.sections[0]!;
    expect(section.title).toBe(
      "Sandbox Creator @trailtalks (creator) · yesterday (Mon Mar 9) · America/Los_Angeles",
    );
    expect(section.fields!.map((f) => `${f.label}|${f.clock}`)).toEqual([
      "Commission on yesterday's orders (est.)|pending",
      "Commission settled since the last digest|settled",
      "Commission settled · month to date|settled",
      "Commission pending|pending",
    ]);
    for (const f of section.fields!) expect(f.value).toMatch(/\$[\d,]+\.\d\d/);
    // What the first sync found settled is history: it did not settle "since the last digest".
    expect(section.fields![1]).toMatchObject({ value: "$0.00" });
    expect(section.fields![1]!.detail).toMatch(/^0 orders since Mar 9 13:00$/);
    expect(section.fields![2]!.detail).toMatch(
      /^orders created month to date \(Mar 1 – Mar 10, 2026\) · refunded or deducted -\$[\d,]+\.\d\d$/,
    );
    // No seller figures and no chart for a creator.
    expect(textOf(reply)).not.toMatch(/Fees|Settlement|Payouts since/);
    expect(reply.charts ?? []).toHaveLength(0);
  });

  it("tells 'commission settled' once per settlement batch: two evaluations and a re-sync do not repeat it", async () => {
    expect((await as("/balance alerts add payout", CREATOR)).kind).toBe("success");
    const deps = { db: app.database.db, log, clock: () => now, sandbox: true };
    await evaluateAlerts(deps);
    // The first sync's settlements are history, never told.
    expect(await commissionOutbox()).toHaveLength(0);

    now = new Date(START.getTime() + 2 * DAY_MS);
    const reports = await app.syncAll();
    expect(reports.flatMap((r) => r.errors)).toEqual([]);
    const events = await app.database.db
      .select()
      .from(domainEvents)
      .where(eq(domainEvents.kind, "commission_settled"));
    const fresh = events.filter((e) => !(e.payload as { backfill: boolean }).backfill);
    expect(fresh.length).toBeGreaterThanOrEqual(1);

    await evaluateAlerts(deps);
    const told = await commissionOutbox();
    expect(told).toHaveLength(fresh.length);
    expect(told.every((row) => row.channel === "C-MONEY" && row.platform === "slack")).toBe(true);

    await evaluateAlerts(deps);
    await app.syncAll();
    await evaluateAlerts(deps);
    expect(await commissionOutbox()).toHaveLength(fresh.length);
    const [settledEvents] = await app.database.db
      .select({ n: count() })
      .from(domainEvents)
      .where(and(eq(domainEvents.kind, "commission_settled")));
    expect(settledEvents?.n).toBe(events.length);

    const { port, sent } = recordingPort("slack");
    const isCommission = (s: (typeof sent)[number]) =>
      s.reply.title === "💰 Commission settled · Sandbox Creator @trailtalks";
    // Drain ticks as the scheduler runs them: a row another transaction holds locked is skipped
    // (SKIP LOCKED) and goes out at a later tick, never twice.
    for (let tick = 0; tick < 5 && sent.filter(isCommission).length < fresh.length; tick++) {
      await drainOutbox(
        // Real time: the connect confirmation queued first (at the database's now) goes out first.
        { ...deps, clock: () => new Date(), ports: { slack: port }, charts: app.deps.charts },
        { channelGapMs: 0 },
      );
      if (sent.filter(isCommission).length < fresh.length) await new Promise((r) => setTimeout(r, 200));
    }
    const alerts = sent.filter(isCommission);
    expect(alerts).toHaveLength(fresh.length);
    const text = textOf(alerts[0]!.reply);
    expect(alerts[0]!.reply.summary).toMatch(
      /^Commission settled: \$[\d,]+\.\d\d on \d+ orders? \(created [A-Z][a-z]{2} \d+( – [A-Z][a-z]{2} \d+)?\)$/,
    );
    expect(text).toContain("creator account · days in America/Los_Angeles · sandbox data");
    const cents = (text: string) => BigInt(text.replace(/[^\d]/g, ""));
    const amounts = alerts.map((a) => cents(/^Commission settled: (\$[\d,.]+) /.exec(a.reply.summary!)![1]!));

    // The digest now counts what settled since the last one: the same money the alerts told.
    const digest = await as("/balance digest preview", CREATOR);
    const since = digest.sections[0]!.fields![1]!;
    expect(cents(since.value)).toBe(amounts.reduce((a, b) => a + b, 0n));
  });
});

describe("the seller-only commands on a creator-only workspace", () => {
  it("say where a creator's commission is instead of an empty shop report", async () => {
    for (const text of [
      "/balance breakdown 7d",
      "/balance statements 7d",
      "/balance payouts",
      "/balance products 7d",
      "/balance chart 7d",
      "/balance creators 7d",
      "/balance reconcile 7d",
    ]) {
      const reply = await as(text, CREATOR);
      expect(reply.kind, text).toBe("report");
      expect(
        reply.sections.map((s) => s.title),
        text,
      ).toEqual(["Sandbox Creator @trailtalks (creator account)"]);
      expect(reply.sections[0]!.notes, text).toEqual([
        "A creator account has commission, not statements or payouts: see /balance and /balance earnings.",
      ]);
      expect(reply.charts ?? [], text).toHaveLength(0);
    }
  });

  it("answer without an error or a stack trace", async () => {
    for (const text of [
      "/balance status",
      "/balance breakdown 7d",
      "/balance statements 7d",
      "/balance payouts",
      "/balance products 7d",
      "/balance chart 7d",
      "/balance creators 7d",
      "/balance reconcile 7d",
      "/balance goal set 100",
    ]) {
      const reply = await as(text, CREATOR);
      expect(reply.kind, `${text}: ${textOf(reply)}`).not.toBe("error");
      expect(textOf(reply), text).not.toMatch(/\bat .+\.ts:\d+|TypeError|undefined|NaN/);
    }
  });

  it("/balance order does not ask TikTok for a shop order with a creator's token", async () => {
    const reply = await as("/balance order 576123456789012345", CREATOR);
    expect(textOf(reply)).toContain(
      "Sandbox Creator @trailtalks is a creator account, whose orders TikTok only shows as commission (see /balance earnings)",
    );
    expect(textOf(reply)).not.toMatch(/106013|shop_cipher/);
  });
});
