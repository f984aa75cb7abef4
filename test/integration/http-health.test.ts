import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type HttpServer, startHttpServer } from "../../src/http/server.ts";
import { countDelivery, observeCommand, observeSync } from "../../src/metrics.ts";
import { createTestApp, type TestApp } from "../support/app.ts";

let app: TestApp;
let server: HttpServer;
let slackConnected = true;

beforeAll(async () => {
  app = await createTestApp({ sandbox: { historyDays: 5, ordersPerDay: 2 } });
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

async function get(path: string, base = server.url) {
  const response = await fetch(`${base}${path}`);
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
    const metrics = await get("/metrics");
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
