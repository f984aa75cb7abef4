import { runConsole } from "../adapters/console/index.ts";
import type { Platform } from "../core/invocation.ts";
import type { DeliveryPort } from "../delivery/port.ts";
import type { AdapterRoute } from "../http/router.ts";
import { DEFAULT_LOCALE, matchLocale } from "../i18n/index.ts";
import { RUNS_COMPILED } from "../paths.ts";
import { startJobs } from "../scheduler/job-table.ts";
import { ADAPTERS, type AdapterContext, type AdapterEntry, PLATFORMS } from "./adapters.ts";
import type { App } from "./app.ts";
import { jobDeps } from "./job-deps.ts";
import { firstSyncDone, firstSyncStarted, sandboxClockNote, syncIfStale } from "./sync-if-stale.ts";

/**
 * `start` / `demo`: sync when stale, then every adapter whose credentials are set plus the
 * scheduler; with no chat credentials, the console on stdin/stdout until the end of input.
 */
export async function serve(app: App, options: { chat: boolean }): Promise<number> {
  const { config, core, deps } = app;
  const log = deps.log;
  // Chat adapters connect at once and the first sync runs behind them (a large shop's history can
  // take minutes); so does a console in a terminal. A piped console is a script: it waits for the
  // sync, so its answers are complete.
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
  const interactive = process.stdin.isTTY === true;
  const consoleLocale = matchLocale(config.consoleLocale) ?? DEFAULT_LOCALE;
  if (chatPlatforms().length > 0 || interactive) {
    // In a terminal the prompt comes at once; answers meanwhile name the shops not synced yet
    // (src/core/dispatcher.ts), and the console says when the first sync is done.
    const tell =
      interactive && chatPlatforms().length === 0 ? (text: string) => process.stdout.write(text) : undefined;
    void syncIfStale(app, log, {
      onStart: (shops) => {
        const clock =
          app.provider === "sandbox" ? sandboxClockNote(consoleLocale, config.sandbox.speed) : undefined;
        tell?.(`${firstSyncStarted(consoleLocale, shops)}\n${clock ? `${clock}\n` : ""}`);
      },
      onDone: (reports) => tell?.(`\n${firstSyncDone(consoleLocale, reports)}\n> `),
    }).catch((error: unknown) => log.warn({ err: error }, "initial sync failed"));
  } else await syncIfStale(app, log);
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
    log.info({ port: http.port, code: RUNS_COMPILED ? "compiled" : "sources" }, "http server listening");
  }
  if (!chatting) await startAll("fallback");
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
        locale: config.consoleLocale,
      });
    }
  } finally {
    await scheduler?.stop();
    for (const stop of stops) await stop().catch((error) => log.warn({ err: error }, "adapter stop failed"));
  }
  return 0;
}
