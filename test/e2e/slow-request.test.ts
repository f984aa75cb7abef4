import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SlackAdapter, startSlack } from "../../src/adapters/slack/index.ts";
import { type HttpServer, startHttpServer } from "../../src/http/server.ts";
import { silentLogger } from "../../src/log.ts";
import { FakeSlack } from "../fakes/slack.ts";
import { createTestApp, type TestApp } from "../support/app.ts";

/**
 * A client that sends 3 of 100,000 announced body bytes and then waits must be cut off by the
 * same limits on the bot's own server and on Bolt's (Slack HTTP mode), which otherwise keeps it
 * for Node's 300 s. The limits are shortened here so the suite stays fast.
 */
const LIMITS = { headersTimeoutMs: 400, requestTimeoutMs: 800, checkIntervalMs: 100 };
const HASH = "a".repeat(64);

/** Opens a raw connection, sends the head and a trickle of body; resolves with what came back once the server closes it. */
function slowPost(port: number, path: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let received = "";
    const guard = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the server still held the slow request to ${path} after 20 s`));
    }, 20_000);
    socket.on("data", (d) => {
      received += d.toString();
    });
    socket.on("close", () => {
      clearTimeout(guard);
      resolve(received);
    });
    socket.on("error", () => {});
    const head = Object.entries({ host: "127.0.0.1", "content-length": "100000", ...headers })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join("");
    socket.write(`POST ${path} HTTP/1.1\r\n${head}\r\nabc`);
  });
}

let app: TestApp;
let server: HttpServer;
let fake: FakeSlack;
let slack: SlackAdapter;

beforeAll(async () => {
  app = await createTestApp({ sync: false, sandbox: { historyDays: 1, ordersPerDay: 1 } });
  server = await startHttpServer({ app, port: 0, host: "127.0.0.1", limits: LIMITS });
  fake = await FakeSlack.start();
  slack = await startSlack({
    core: app.core,
    config: {
      mode: "http",
      botToken: fake.botToken,
      signingSecret: "slow-signing-secret-0123456789",
      apiUrl: fake.apiUrl,
      admins: [],
      port: 0,
    },
    log: silentLogger(),
    httpLimits: LIMITS,
  });
});
afterAll(async () => {
  await slack?.stop();
  await fake?.close();
  await server?.close();
  await app?.close();
});

describe("slow and large requests", () => {
  it("the bot's own server cuts off a TikTok webhook whose body trickles in", async () => {
    const answer = await slowPost(server.port, "/webhooks/tiktok", { authorization: HASH });
    expect(answer).not.toMatch(/^HTTP\/1\.1 200/);
  });

  it("Slack HTTP mode (Bolt's server) cuts off a slash command whose body trickles in", async () => {
    const answer = await slowPost(slack.httpPort!, "/slack/events", {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-signature": `v0=${HASH}`,
      "x-slack-request-timestamp": String(Math.floor(Date.now() / 1000)),
    });
    expect(answer).not.toMatch(/^HTTP\/1\.1 200/);
  });

  it("Slack HTTP mode refuses a large unsigned body before reading it", async () => {
    const res = await fetch(`http://127.0.0.1:${slack.httpPort}/slack/events`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "x".repeat(100_000),
    }).catch(() => undefined);
    expect(res?.status ?? 413).toBe(413);
  });

  it("the bot's own server refuses an unsigned webhook before reading it", async () => {
    const res = await fetch(`${server.url}/webhooks/tiktok`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "x".repeat(100_000),
    }).catch(() => undefined);
    expect(res?.status ?? 401).toBe(401);
  });
});
