import { runConsole } from "../adapters/console/index.ts";
import type { Platform } from "../core/invocation.ts";
import type { DeliveryPort } from "../delivery/port.ts";
import type { AdapterRoute } from "../http/router.ts";
import { startJobs } from "../scheduler/job-table.ts";
import { ADAPTERS, type AdapterContext, type AdapterEntry, PLATFORMS } from "./adapters.ts";
import type { App } from "./app.ts";
import { jobDeps } from "./job-deps.ts";
import { syncIfStale } from "./sync-if-stale.ts";

/**
 * `start` / `demo`: sync when stale, then every adapter whose credentials are set plus the
 * scheduler; with no chat credentials, the console on stdin/stdout until the end of input.
 */
export async function serve(app: App, options: { chat: boolean }): Promise<number> {
  const { config, core, deps } = app;
  const log = deps.log;
  // The console answers from data, so it waits for the first sync; chat adapters connect at once
  // and the first sync runs behind them (a large shop's history can take minutes).
  const stops: (() => Promise<void>)[] = [];
  const ports: Partial<Record<Platform, DeliveryPort>> = {};
  const adapterRoutes: AdapterRoute[] = [];
  const context: AdapterContext = {
    app,
    chat: options.chat,
    readiness: () => Object.fromEntries(chatPlatforms().map((p) => [p, !!ports[p]])),
    onStop: (stop) => stops.push(stop),
    write: (text) => process.stdout.write(text),
    addRoutes: (routes) => adapterRoutes.push(...routes),
  };
  const chatPlatforms = () =>
    PLATFORMS.filter((p) => ADAPTERS[p].role === "chat" && ADAPTERS[p].configured(context));
  if (chatPlatforms().length > 0)
    void syncIfStale(app, log).catch((error: unknown) => log.warn({ err: error }, "initial sync failed"));
  else await syncIfStale(app, log);
  const startAll = async (role: AdapterEntry["role"]) => {
    for (const platform of PLATFORMS) {
      const adapter = ADAPTERS[platform];
      if (adapter.role !== role || !adapter.configured(context)) continue;
      const started = await adapter.start(context);
      ports[platform] = started.delivery;
      stops.push(() => started.stop());
    }
  };
  await startAll("chat");
  const chatting = Object.keys(ports).length > 0;
  // Health, metrics, the OAuth callback and webhooks: on PORT (or with PUBLIC_URL), unless Bolt serves them.
  const servedByAdapter = PLATFORMS.some((p) => ADAPTERS[p].servesHttp?.(context));
  if (!servedByAdapter && (config.port !== undefined || config.publicUrl)) {
    const { startHttpServer } = await import("../http/server.ts");
    const http = await startHttpServer({
      app,
      port: config.port ?? 3000,
      adapters: context.readiness,
      adapterRoutes,
    });
    stops.push(() => http.close());
    log.info({ port: http.port }, "http server listening");
  }
  if (!chatting) await startAll("fallback");
  const interactive = process.stdin.isTTY === true;
  // A piped console (`printf '/balance\n' | npm start`) is a script: answer and exit, no timers.
  const scheduler = chatting || interactive ? startJobs(jobDeps(app), ports) : undefined;
  // SIGTERM/SIGINT: stop taking work, finish what runs, close adapters and the database.
  let release: () => void = () => {};
  const stopped = new Promise<void>((resolve) => {
    release = resolve;
  });
  const onSignal = () => {
    log.info("shutting down");
    release();
    if (!chatting) process.stdin.destroy();
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
  try {
    if (chatting) {
      await stopped;
    } else {
      await runConsole(core, {
        input: process.stdin,
        output: process.stdout,
        dataDir: config.dataDir,
        prompt: interactive,
      });
    }
  } finally {
    await scheduler?.stop();
    for (const stop of stops) await stop().catch((error) => log.warn({ err: error }, "adapter stop failed"));
  }
  return 0;
}
