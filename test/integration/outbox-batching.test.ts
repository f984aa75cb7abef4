import { asc, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { reply } from "../../src/core/reply.ts";
import { enqueueView } from "../../src/delivery/enqueue.ts";
import { alertView, fromView, parseView } from "../../src/delivery/payload.ts";
import { drainOutbox } from "../../src/delivery/worker.ts";
import { silentLogger } from "../../src/log.ts";
import { claimDue } from "../../src/storage/repos/outbox.ts";
import { outbox } from "../../src/storage/schema/index.ts";
import { createTestApp, type TestApp } from "../support/app.ts";
import { recordingPort } from "../support/recording-port.ts";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const log = silentLogger();

async function enqueueMessages(a: TestApp, channels: number, perChannel: number): Promise<void> {
  for (let n = 0; n < perChannel; n++) {
    for (let c = 0; c < channels; c++) {
      await enqueueView(
        a.database.db,
        { workspaceId: 1, platform: "console", channel: `ch${c}` },
        alertView("sync_trouble", reply({ title: `ch${c} message ${n}` })),
        `test:ch${c}:${n}`,
      );
    }
  }
}

describe("outbox drain with batched claims and records", () => {
  it("sends every message once, each channel's in order, and records each one's message id", async () => {
    app = await createTestApp({ sync: false });
    const a = app;
    await a.ask("/balance shops");
    await enqueueMessages(a, 40, 3);
    const { port, sent } = recordingPort();
    // Posts finish out of order, so claims happen while other rows are still posting.
    const post = port.post.bind(port);
    port.post = async (channel, r, options) => {
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 15)));
      return post(channel, r, options);
    };
    const result = await drainOutbox(
      { db: a.database.db, ports: { console: port }, charts: a.deps.charts, clock: () => new Date(), log },
      { channelGapMs: 0, batch: 16 },
    );
    expect(result).toEqual({ sent: 120, retried: 0, parked: 0 });
    expect(new Set(sent.map((s) => s.dedupeKey)).size).toBe(120);
    for (let c = 0; c < 40; c++) {
      expect(sent.filter((s) => s.channel === `ch${c}`).map((s) => s.reply.title)).toEqual([
        `ch${c} message 0`,
        `ch${c} message 1`,
        `ch${c} message 2`,
      ]);
    }
    const rows = await a.database.db.select().from(outbox).orderBy(asc(outbox.id));
    expect(rows.map((r) => r.status)).toEqual(rows.map(() => "sent"));
    const idByKey = new Map(sent.map((s) => [s.dedupeKey, s.id]));
    for (const row of rows) {
      expect(row.messageId).toBe(idByKey.get(row.dedupeKey));
      expect(row.sentAt).toBeInstanceOf(Date);
    }
  });

  it("after a crash between posting and recording, finds the message on the platform and posts nothing twice", async () => {
    app = await createTestApp({ sync: false });
    const a = app;
    const db = a.database.db;
    await a.ask("/balance shops");
    await enqueueMessages(a, 3, 1);
    const { port, sent } = recordingPort();
    // A worker claims every row, posts the first channel's message, then dies before recording it.
    const t0 = new Date();
    const claimed = await claimDue(db, { now: t0, limit: 10, leaseMs: 60_000, platforms: ["console"] });
    expect(claimed).toHaveLength(3);
    const crashed = claimed.find((r) => r.channel === "ch0")!;
    const parsed = parseView(crashed.payload);
    if (!parsed.ok) throw new Error(parsed.reason);
    const { messageId } = await port.post(crashed.channel, await fromView(parsed.view, a.deps.charts), {
      dedupeKey: crashed.dedupeKey,
    });
    // Until the lease ends, nobody takes the rows over.
    const deps = { db, ports: { console: port }, charts: a.deps.charts, log };
    expect(await drainOutbox({ ...deps, clock: () => t0 }, { channelGapMs: 0 })).toEqual({
      sent: 0,
      retried: 0,
      parked: 0,
    });
    const afterLease = new Date(t0.getTime() + 61_000);
    const result = await drainOutbox({ ...deps, clock: () => afterLease }, { channelGapMs: 0 });
    expect(result).toEqual({ sent: 3, retried: 0, parked: 0 });
    expect(sent.map((s) => s.dedupeKey).sort()).toEqual(["test:ch0:0", "test:ch1:0", "test:ch2:0"]);
    const [row] = await db.select().from(outbox).where(eq(outbox.id, crashed.id));
    expect(row).toMatchObject({ status: "sent", messageId });
  });
});
