import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SlackAdapter, startSlack } from "../../src/adapters/slack/index.ts";
import { SignedImageLinks } from "../../src/http/image-links.ts";
import type { AdapterRoute } from "../../src/http/router.ts";
import { type HttpServer, startHttpServer } from "../../src/http/server.ts";
import { silentLogger } from "../../src/log.ts";
import { readServedImage, saveServedImage } from "../../src/storage/repos/served-images.ts";
import { FakeSlack } from "../fakes/slack.ts";
import { createTestApp, type TestApp } from "../support/app.ts";

/**
 * Slack has no ephemeral file (files.completeUploadExternal shares to a conversation or keeps it
 * private to the uploader, the bot). With a public URL, a private chart is a link the bot serves,
 * shown only in the asker's ephemeral answer, signed and expiring after an hour.
 */
const CHANNEL = "C0FINANCE";
let fake: FakeSlack;
let app: TestApp;
let http: HttpServer;
let slack: SlackAdapter;

beforeAll(async () => {
  fake = await FakeSlack.start({ channels: [{ id: CHANNEL, name: "finance", member: true }] });
  app = await createTestApp({ sandbox: { historyDays: 10, ordersPerDay: 2 } });
  const db = app.database.db;
  const routes: AdapterRoute[] = [];
  http = await startHttpServer({ app, port: 0, host: "127.0.0.1", adapterRoutes: routes });
  const links = new SignedImageLinks(fake.botToken, "slack private charts", http.url, "/slack/charts/", {
    save: (id, png, expiresAt) => saveServedImage(db, id, png, expiresAt, new Date()),
    read: (id) => readServedImage(db, id, new Date()),
  });
  routes.push(links.route(3600));
  slack = await startSlack({
    core: app.core,
    config: {
      mode: "socket",
      botToken: fake.botToken,
      appToken: fake.appToken,
      apiUrl: fake.apiUrl,
      admins: [],
    },
    log: silentLogger(),
    privateChartLinks: links,
  });
  await fake.waitForSocket();
});

afterAll(async () => {
  await slack?.stop();
  await http?.close();
  await app?.close();
  await fake?.close();
});

describe("a private chart in Slack", () => {
  it("answers ephemerally with a link per shop to its PNG, and uploads nothing to the channel", async () => {
    const filesBefore = fake.workspace.files.length;
    const ack = await fake.sendSlashCommand({
      text: "chart 7d private",
      user_id: "U0MAI",
      channel_id: CHANNEL,
    });
    let answer = ack.payload;
    if (!answer.response_type) {
      await fake.waitFor(() => fake.responsesTo(ack.response_url).length > 0, 20_000, "the answer");
      answer = fake.responsesTo(ack.response_url)[0]!.body;
    }
    expect(answer.response_type).toBe("ephemeral");
    const text = JSON.stringify(answer.blocks);
    const urls = [
      ...text.matchAll(
        /http:\/\/127\.0\.0\.1:\d+\/slack\/charts\/[0-9a-f]{32}\.png\?exp=\d+(?:&amp;|&)sig=[A-Za-z0-9_-]+/g,
      ),
    ].map((m) => m[0].replace("&amp;", "&"));
    expect(urls).toHaveLength(3);
    expect(text).toContain("stop working in 1 hour");
    // Wait a moment for any (wrong) upload to land, then check none did.
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.workspace.files.length).toBe(filesBefore);

    const res = await fetch(urls[0]!);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    const png = Buffer.from(await res.arrayBuffer());
    expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");

    // A changed signature or a pushed-back expiry serves nothing.
    const forged = new URL(urls[0]!);
    forged.searchParams.set("sig", "A".repeat(43));
    expect((await fetch(forged)).status).toBe(404);
    const extended = new URL(urls[0]!);
    extended.searchParams.set("exp", String(Number(extended.searchParams.get("exp")) + 86_400));
    expect((await fetch(extended)).status).toBe(404);
  });
});
