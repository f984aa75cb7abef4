import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type HttpServer, startHttpServer } from "../../src/http/server.ts";
import { countDelivery, observeCommand, observeSync } from "../../src/metrics.ts";
import { createTestApp, type TestApp } from "../support/app.ts";

let app: TestApp;
let server: HttpServer;
let slackConnected = true;
const METRICS_TOKEN = "metrics-token-0123456789abcdef";

beforeAll(async () => {
  app = await createTestApp({ env: { METRICS_TOKEN }, sandbox: { historyDays: 5, ordersPerDay: 2 } });
  server = await startHttpServer({
    app,
    port: 0,
    host: "127.0.0.1",
    adapters: () => ({ slack: slackConnected }),
  });
});
afterAll(async () => {
  await server?.close();
  await app?.close();
});

async function get(path: string, base = server.url, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, { headers });
  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
}

describe("health and metrics endpoints", () => {
  it("/healthz answers ok while the process is up", async () => {
    expect(await get("/healthz")).toMatchObject({ status: 200, text: "ok\n" });
  });

  it("/readyz is 200 with details when the database, adapters and sync are fine", async () => {
    const ready = await get("/readyz");
    expect(ready.status, ready.text).toBe(200);
    const body = JSON.parse(ready.text);
    expect(body).toMatchObject({ status: "ready", database: "ok", adapters: { slack: true }, problems: [] });
    expect(body.syncAgeSeconds).toBeGreaterThanOrEqual(0);
  });

  it("/readyz is 503 when an adapter is down or the last sync is too old", async () => {
    slackConnected = false;
    const down = await get("/readyz");
    slackConnected = true;
    expect(down.status).toBe(503);
    expect(JSON.parse(down.text).problems).toEqual(["slack not connected"]);

    const strict = await startHttpServer({ app, port: 0, host: "127.0.0.1", maxSyncAgeMs: 1 });
    try {
      await new Promise((r) => setTimeout(r, 5));
      const stale = await get("/readyz", strict.url);
      expect(stale.status).toBe(503);
      expect(JSON.parse(stale.text).problems[0]).toMatch(/^last sync \d+ s ago$/);
    } finally {
      await strict.close();
    }
  });

  it("/metrics serves the Prometheus text with every metric", async () => {
    observeCommand("earnings", "slack", 120);
    observeSync({ shop: "Sandbox Outdoor (US)", errors: [{ code: "105005" }] }, 900);
    countDelivery("discord", false);
    const metrics = await get("/metrics", server.url, { authorization: `Bearer ${METRICS_TOKEN}` });
    expect(metrics.status).toBe(200);
    expect(metrics.type).toMatch(/^text\/plain/);
    for (const name of [
      'balance_bot_command_duration_seconds_bucket{le="0.25",command="earnings",platform="slack"} 1',
      "balance_bot_sync_duration_seconds",
      'balance_bot_sync_errors_total{shop="Sandbox Outdoor (US)",code="105005"} 1',
      "balance_bot_outbox_depth 0",
      'balance_bot_delivery_attempts_total{platform="discord"} 1',
      'balance_bot_delivery_failures_total{platform="discord"} 1',
      'balance_bot_token_expiry_timestamp_seconds{shop="Sandbox Outdoor (US)",token="access"}',
      "balance_bot_process_cpu_seconds_total",
    ]) {
      expect(metrics.text).toContain(name);
    }
  });

  it("/metrics is private: no token or a wrong one gets 401 and not a word about shops", async () => {
    for (const headers of [
      {},
      { authorization: "Bearer wrong-token-0123456789abcdef" },
      { authorization: METRICS_TOKEN },
    ]) {
      const refused = await get("/metrics", server.url, headers);
      expect(refused.status).toBe(401);
      expect(refused.text).not.toMatch(/Sandbox|shop=|balance_bot_/);
      expect(refused.text).toContain("METRICS_TOKEN");
    }
    // And a bot without METRICS_TOKEN serves them to nobody.
    const bare = await createTestApp({ sync: false, sandbox: { historyDays: 1, ordersPerDay: 1 } });
    const bareServer = await startHttpServer({ app: bare, port: 0, host: "127.0.0.1" });
    try {
      const none = await get("/metrics", bareServer.url, { authorization: "Bearer " });
      expect(none.status).toBe(401);
      expect(none.text).toContain("set METRICS_TOKEN");
    } finally {
      await bareServer.close();
      await bare.close();
    }
  });

  it("/readyz names no shop, and is 503 when every sync fails to decrypt its tokens", async () => {
    const ready = await get("/readyz");
    expect(ready.status).toBe(200);
    expect(ready.text).not.toMatch(/Sandbox|shop|workspace/i);
    // What a changed ENCRYPTION_KEY looks like: tokens this process cannot open.
    await app.database.db.execute(
      sql`update authorizations set access_token = 'enc:v1:AAAA:BBBB:CCCC', refresh_token = 'enc:v1:AAAA:BBBB:CCCC'`,
    );
    const reports = await app.syncAll();
    expect(reports.every((r) => r.errors.some((e) => e.code === "token_unreadable"))).toBe(true);
    const failing = await get("/readyz");
    expect(failing.status).toBe(503);
    expect(JSON.parse(failing.text).problems).toEqual([
      "every sync is failing: stored tokens cannot be decrypted with this ENCRYPTION_KEY",
    ]);
    expect(failing.text).not.toMatch(/Sandbox|shop/i);
  });

  it("answers 404 off its routes and 405 for the wrong method", async () => {
    expect((await get("/nope")).status).toBe(404);
    expect((await get("/webhooks/tiktok")).status).toBe(405);
  });

  it("/readyz is 503 once the database is closed; /healthz stays 200", async () => {
    await app.database.close();
    const ready = await get("/readyz");
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.text)).toMatchObject({ status: "not ready", database: "unreachable" });
    expect((await get("/healthz")).status).toBe(200);
  });
});
