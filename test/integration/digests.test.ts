import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { digestTick } from "../../src/digests/tick.ts";
import { silentLogger } from "../../src/log.ts";
import { updateDigestSettings } from "../../src/storage/repos/settings.ts";
import {
  ensureChannel,
  ensureWorkspace,
  linkShop,
  listAllShops,
} from "../../src/storage/repos/workspaces.ts";
import { channels, digestState, outbox } from "../../src/storage/schema/index.ts";
import { createTestApp, type TestApp } from "../support/app.ts";

let app: TestApp;
/** Every statement the app sends, while a test counts them. */
let queries: string[] | undefined;
beforeAll(async () => {
  app = await createTestApp({
    sandbox: { historyDays: 40, ordersPerDay: 3 },
    onQuery: (query) => queries?.push(query),
  });
});
afterAll(async () => {
  await app?.close();
});
// Each test watches its own channel: switch the others off.
afterEach(async () => {
  await app.database.db.update(channels).set({ digestEnabled: false });
});

async function channelWithDigest(name: string, time: string, zone: string): Promise<number> {
  const db = app.database.db;
  const workspaceId = await ensureWorkspace(db, "slack", `T-${name}`);
  for (const shop of await listAllShops(db)) await linkShop(db, workspaceId, shop.id);
  const channelId = await ensureChannel(db, workspaceId, `C-${name}`);
  await updateDigestSettings(db, channelId, { digestEnabled: true, digestTime: time, digestZone: zone });
  return channelId;
}

/** Walks the clock from `from` to `to` (UTC ISO): every minute within 90 min of the digest time, else every 10. */
async function walk(from: string, to: string, zone: string, hour: number) {
  const fired: { at: Date; local: string }[] = [];
  let t = DateTime.fromISO(from, { zone: "UTC" });
  const end = DateTime.fromISO(to, { zone: "UTC" });
  while (t < end) {
    const now = t.toJSDate();
    const n = await digestTick({ db: app.database.db, log: silentLogger(), clock: () => now, sandbox: true });
    for (let i = 0; i < n; i++) fired.push({ at: now, local: t.setZone(zone).toFormat("yyyy-MM-dd HH:mm") });
    const local = t.setZone(zone);
    const near = Math.abs(local.hour * 60 + local.minute - hour * 60) <= 90;
    t = t.plus({ minutes: near ? 1 : 10 });
  }
  return fired;
}

describe("daily digests at local time, DST-correct, once", () => {
  it("fires 09:00 America/New_York once a day across both DST changes", async () => {
    const channelId = await channelWithDigest("ny", "09:00", "America/New_York");
    // Seed the state so the first day is not treated as "turned on late".
    await app.database.db
      .insert(digestState)
      .values({ channelId, lastDate: "2026-03-06", lastSentAt: new Date("2026-03-06T14:00:00Z") });
    const spring = await walk("2026-03-07T05:00:00Z", "2026-03-10T05:00:00Z", "America/New_York", 9);
    expect(spring.map((f) => f.local)).toEqual(["2026-03-07 09:00", "2026-03-08 09:00", "2026-03-09 09:00"]);
    // 09:00 EST is 14:00 UTC, 09:00 EDT is 13:00 UTC.
    expect(spring.map((f) => f.at.toISOString().slice(11, 16))).toEqual(["14:00", "13:00", "13:00"]);
    const autumn = await walk("2026-10-31T04:00:00Z", "2026-11-03T05:00:00Z", "America/New_York", 9);
    expect(autumn.map((f) => f.local)).toEqual(["2026-10-31 09:00", "2026-11-01 09:00", "2026-11-02 09:00"]);
    expect(autumn.map((f) => f.at.toISOString().slice(11, 16))).toEqual(["13:00", "14:00", "14:00"]);
  });

  it("fires 07:30 Europe/London across its DST changes, a month end and a leap day", async () => {
    const channelId = await channelWithDigest("ldn", "07:30", "Europe/London");
    await app.database.db
      .insert(digestState)
      .values({ channelId, lastDate: "2026-03-27", lastSentAt: new Date("2026-03-27T07:30:00Z") });
    const spring = await walk("2026-03-28T00:00:00Z", "2026-04-01T00:00:00Z", "Europe/London", 7.5);
    expect(spring.map((f) => f.local)).toEqual([
      "2026-03-28 07:30",
      "2026-03-29 07:30",
      "2026-03-30 07:30",
      "2026-03-31 07:30",
    ]);
    const leap = await walk("2028-02-28T00:00:00Z", "2028-03-02T00:00:00Z", "Europe/London", 7.5);
    expect(leap.map((f) => f.local)).toEqual(["2028-02-28 07:30", "2028-02-29 07:30", "2028-03-01 07:30"]);
  });

  it("after downtime sends today's missed digest once, marked late, never one per missed tick", async () => {
    const channelId = await channelWithDigest("late", "09:00", "Asia/Ho_Chi_Minh");
    await app.database.db
      .insert(digestState)
      .values({ channelId, lastDate: "2026-06-09", lastSentAt: new Date("2026-06-09T02:00:00Z") });
    // Down from 08:00 to 11:40 local (UTC+7): the first tick after it is 04:40 UTC.
    const fired = await walk("2026-06-10T04:40:00Z", "2026-06-10T06:00:00Z", "Asia/Ho_Chi_Minh", 11);
    expect(fired).toHaveLength(1);
    const rows = await app.database.db
      .select()
      .from(outbox)
      .where(eq(outbox.dedupeKey, `digest:${channelId}:2026-06-10`));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.late).toBe(true);
    expect(JSON.stringify(rows[0]!.payload)).toContain("sent late: due Jun 10 09:00");
  });

  it("channels of one workspace due together get the same digest, built once for all of them", async () => {
    const db = app.database.db;
    const ids: number[] = [];
    for (const name of ["fan-1", "fan-2", "fan-3", "fan-4"]) {
      const workspaceId = await ensureWorkspace(db, "slack", "T-fan");
      for (const shop of await listAllShops(db)) await linkShop(db, workspaceId, shop.id);
      const channelId = await ensureChannel(db, workspaceId, `C-${name}`);
      await updateDigestSettings(db, channelId, {
        digestEnabled: false,
        digestTime: "09:00",
        digestZone: "Asia/Bangkok",
      });
      await db
        .insert(digestState)
        .values({ channelId, lastDate: "2026-05-01", lastSentAt: new Date("2026-05-01T02:00:00Z") });
      ids.push(channelId);
    }
    const tickAt = async (iso: string) => {
      queries = [];
      const now = new Date(iso);
      const queued = await digestTick({ db, log: silentLogger(), clock: () => now, sandbox: true });
      const count = queries.length;
      queries = undefined;
      return { queued, count };
    };
    // One channel alone: the whole digest's reads.
    await db.update(channels).set({ digestEnabled: true }).where(eq(channels.id, ids[0]!));
    const one = await tickAt("2026-05-02T02:00:30Z");
    expect(one.queued).toBe(1);
    // Four, with the same last digest: three more channels cost far less than one digest.
    for (const id of ids) {
      await db.update(channels).set({ digestEnabled: true }).where(eq(channels.id, id));
      await db
        .update(digestState)
        .set({ lastDate: "2026-05-02", lastSentAt: new Date("2026-05-02T02:00:00Z") })
        .where(eq(digestState.channelId, id));
    }
    const four = await tickAt("2026-05-03T02:00:30Z");
    expect(four.queued).toBe(4);
    expect(four.count - one.count).toBeLessThan(one.count / 2);
    const rows = await db
      .select()
      .from(outbox)
      .where(eq(outbox.dedupeKey, `digest:${ids[1]}:2026-05-03`));
    const all = await db.select().from(outbox);
    const today = all.filter((r) => ids.some((id) => r.dedupeKey === `digest:${id}:2026-05-03`));
    expect(today).toHaveLength(4);
    for (const row of today) expect(row.payload).toEqual(rows[0]!.payload);
  });
});
