import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LineAdapter, startLine } from "../../src/adapters/line/index.ts";
import { type LineMessage, lineVisibleText } from "../../src/adapters/line/render.ts";
import { reply } from "../../src/core/reply.ts";
import { drainOutbox } from "../../src/delivery/worker.ts";
import { digestTick } from "../../src/digests/tick.ts";
import type { AdapterRoute } from "../../src/http/router.ts";
import { type HttpServer, startHttpServer } from "../../src/http/server.ts";
import { silentLogger } from "../../src/log.ts";
import { recordFirstSighting } from "../../src/storage/repos/seen-requests.ts";
import { readServedImage, saveServedImage } from "../../src/storage/repos/served-images.ts";
import { FakeLine } from "../fakes/line.ts";
import { createTestApp, type TestApp } from "../support/app.ts";

const MAI = `U${"a".repeat(32)}`; // in LINE_ADMIN_USERS
const TUAN = `U${"b".repeat(32)}`;
const GROUP = `C${"c".repeat(32)}`;
const SOMCHAI = `U${"d".repeat(32)}`; // a Thai user (get-profile language "th")

let fake: FakeLine;
let app: TestApp;
let http: HttpServer;
let line: LineAdapter;

beforeAll(async () => {
  fake = await FakeLine.start({
    users: [MAI, TUAN, SOMCHAI],
    groups: { [GROUP]: [MAI, TUAN] },
    languages: { [SOMCHAI]: "th" },
    quota: 500,
    allowHttpImages: true,
  });
  app = await createTestApp({ sandbox: { historyDays: 40, ordersPerDay: 3 } });
  const db = app.database.db;
  const routes: AdapterRoute[] = [];
  http = await startHttpServer({ app, port: 0, host: "127.0.0.1", adapterRoutes: routes });
  line = await startLine({
    core: app.core,
    config: {
      channelSecret: fake.channelSecret,
      channelAccessToken: fake.accessToken,
      apiUrl: fake.apiUrl,
      publicUrl: http.url,
      admins: [MAI],
    },
    log: app.deps.log,
    replayStore: { firstSighting: (key, expiresAt) => recordFirstSighting(db, key, expiresAt, new Date()) },
    images: {
      save: (id, png, expiresAt) => saveServedImage(db, id, png, expiresAt, new Date()),
      read: (id) => readServedImage(db, id, new Date()),
    },
  });
  routes.push(...line.routes);
  fake.webhookUrl = `${http.url}/line/webhook`;
});

afterAll(async () => {
  await line?.stop();
  await http?.close();
  await app?.close();
  await fake?.close();
});

const texts = (messages: readonly Record<string, unknown>[]) =>
  lineVisibleText(messages as unknown as LineMessage[]);

describe("LINE through the real @line/bot-sdk against the fake Messaging API", () => {
  it("answers /balance in a 1:1 chat with a Flex message, using the reply token", async () => {
    expect(await fake.userSays({ type: "user", userId: MAI }, "/balance")).toBe(200);
    await line.idle();
    const [answer] = fake.sentTo(MAI);
    expect(answer?.via).toBe("reply");
    expect(answer!.messages[0]!.type).toBe("flex");
    expect(texts(answer!.messages)).toContain("Sandbox");
    expect(String(answer!.messages[0]!.altText)).toMatch(/Balance/i);
  });

  it("answers in the user's LINE language (get-profile)", async () => {
    expect(await fake.userSays({ type: "user", userId: SOMCHAI }, "/balance shops")).toBe(200);
    await line.idle();
    const [answer] = fake.sentTo(SOMCHAI);
    expect(texts(answer!.messages)).toContain("ร้านค้าที่เชื่อมต่อ");
  });

  it("sends a chart in a group as image messages whose signed links serve the PNG", async () => {
    expect(await fake.userSays({ type: "group", groupId: GROUP, userId: TUAN }, "/balance chart 7d")).toBe(
      200,
    );
    await line.idle();
    const answer = fake.sentTo(GROUP).at(-1)!;
    const images = answer.messages.filter((m) => m.type === "image");
    expect(images).toHaveLength(3);
    // LINE fetched each link from the bot: a PNG, served.
    const fetched = fake.fetchedImages.slice(-3);
    expect(fetched.every((f) => f.status === 200 && f.type === "image/png" && f.bytes > 1000)).toBe(true);
    // A tampered or expired link serves nothing.
    const url = new URL(String(images[0]!.originalContentUrl));
    url.searchParams.set("sig", "x".repeat(43));
    expect((await fetch(url)).status).toBe(404);
    url.searchParams.set("exp", "1000");
    expect((await fetch(url)).status).toBe(404);
  });

  it("refuses a forged and a replayed webhook with 401 and answers neither", async () => {
    const before = fake.sent.length;
    expect(await fake.forged("/balance")).toBe(401);
    expect(await fake.userSays({ type: "user", userId: TUAN }, "/balance help")).toBe(200);
    await line.idle();
    expect(fake.sent.length).toBe(before + 1);
    expect(await fake.replayLast()).toBe(401);
    // An event older than ten minutes that LINE does not call a redelivery is a replay too.
    expect(await fake.userSays({ type: "user", userId: TUAN }, "/balance", { ageMs: 11 * 60_000 })).toBe(401);
    await line.idle();
    expect(fake.sent.length).toBe(before + 1);
  });

  it("refuses a group setting by a member who is not in LINE_ADMIN_USERS", async () => {
    await fake.userSays({ type: "group", groupId: GROUP, userId: TUAN }, "/balance digest on");
    await line.idle();
    expect(texts(fake.sentTo(GROUP).at(-1)!.messages)).toMatch(/admin/i);
    await fake.userSays({ type: "group", groupId: GROUP, userId: MAI }, "/balance digest on");
    await line.idle();
    expect(texts(fake.sentTo(GROUP).at(-1)!.messages)).not.toMatch(/admin|can't|cannot/i);
  });

  it("pushes the group's digest once at 08:00 Asia/Bangkok through the outbox", async () => {
    // The group's admin set the digest on in the test above; now its time and zone.
    for (const text of ["/balance digest tz Asia/Bangkok", "/balance digest time 08:00"]) {
      await fake.userSays({ type: "group", groupId: GROUP, userId: MAI }, text);
      await line.idle();
    }
    expect(texts(fake.sentTo(GROUP).at(-1)!.messages)).toMatch(/08:00/);
    const db = app.database.db;
    const log = silentLogger();
    // 07:59 in Bangkok (UTC+7) is not yet time; 08:00 is; 08:01 must not queue a second one.
    const queued: number[] = [];
    for (const at of ["2026-12-04T00:59:00Z", "2026-12-04T01:00:00Z", "2026-12-04T01:01:00Z"]) {
      const now = new Date(at);
      queued.push(await digestTick({ db, log, clock: () => now, sandbox: true }));
    }
    expect(queued).toEqual([0, 1, 0]);
    const before = fake.sentTo(GROUP).length;
    const at = () => new Date("2026-12-04T01:01:30Z");
    const ports = { line: line.delivery };
    expect((await drainOutbox({ db, ports, charts: app.deps.charts, clock: at, log })).sent).toBe(1);
    expect((await drainOutbox({ db, ports, charts: app.deps.charts, clock: at, log })).sent).toBe(0);
    const [digest] = fake.sentTo(GROUP).slice(before);
    expect(digest?.via).toBe("push");
    expect(digest!.messages[0]!.type).toBe("flex");
    expect(texts(digest!.messages)).toMatch(/Asia\/Bangkok/);
    expect(fake.sentTo(GROUP).length).toBe(before + 1);
  });

  it("pushes when the reply token has expired", async () => {
    fake.setReplyTokenTtl(-1);
    await fake.userSays({ type: "user", userId: TUAN }, "/balance help");
    await line.idle();
    fake.setReplyTokenTtl(60_000);
    const last = fake.sentTo(TUAN).at(-1)!;
    expect(last.via).toBe("push");
    expect(texts(last.messages)).toMatch(/balance/);
  });
});

describe("LINE delivery: exactly once by LINE's retry key, and the monthly quota", () => {
  it("sends an alert once even when the outbox retries it after a crash (409 on the same retry key)", async () => {
    const alert = reply({
      kind: "alert",
      title: "Payout arrived",
      sections: [{ fields: [{ label: "Amount", value: "$1,234.56", clock: "paid" }] }],
    });
    const before = fake.sentTo(GROUP).length;
    const first = await line.delivery.post(GROUP, alert, { dedupeKey: "payout:42:arrived" });
    // The process died before recording `first`; the outbox claims the row again and posts again.
    const again = await line.delivery.post(GROUP, alert, { dedupeKey: "payout:42:arrived" });
    const pushes = fake.sentTo(GROUP).slice(before);
    expect(pushes).toHaveLength(1);
    expect(pushes[0]!.retryKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(again.messageId).toBe(first.messageId);
    expect(texts(pushes[0]!.messages)).toContain("$1,234.56");
  });

  it("shows the push quota in /balance status and refuses a new digest when it is used up", async () => {
    await fake.userSays({ type: "user", userId: MAI }, "/balance status");
    await line.idle();
    expect(texts(fake.sentTo(MAI).at(-1)!.messages)).toMatch(
      /Push messages left this month\s*\n?\s*\d+ of 500/,
    );
    fake.setQuota(2); // the group push above used 2 (one per member)
    await fake.userSays({ type: "user", userId: MAI }, "/balance digest on");
    await line.idle();
    expect(texts(fake.sentTo(MAI).at(-1)!.messages)).toMatch(/used its push messages for the month/);
    const error = await line.delivery
      .post(MAI, reply({ title: "Daily digest" }), { dedupeKey: "digest:x" })
      .catch((e: unknown) => e as { kind: string; permanent: boolean });
    expect(error).toMatchObject({ kind: "rejected", permanent: true });
    fake.setQuota(500);
  });
});
