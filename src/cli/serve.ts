import { createConsoleDelivery } from "../adapters/console/deliver.ts";
import { runConsole } from "../adapters/console/index.ts";
import type { Platform } from "../core/invocation.ts";
import type { DeliveryPort } from "../delivery/port.ts";
import { startJobs } from "../scheduler/job-table.ts";
import type { App } from "./app.ts";
import { ensureDemoAlerts } from "./demo-rules.ts";
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
  const wantsChat = options.chat && (!!config.slack || !!config.discord);
  if (wantsChat)
    void syncIfStale(app, log).catch((error: unknown) => log.warn({ err: error }, "initial sync failed"));
  else await syncIfStale(app, log);
  const stops: (() => Promise<void>)[] = [];
  const ports: Partial<Record<Platform, DeliveryPort>> = {};
  const adapters = () => ({
    ...(options.chat && config.slack ? { slack: !!ports.slack } : {}),
    ...(options.chat && config.discord ? { discord: !!ports.discord } : {}),
  });
  const { createHttpRouter, HTTP_ROUTES } = await import("../http/router.ts");
  if (options.chat && config.slack) {
    const { startSlack } = await import("../adapters/slack/index.ts");
    let slackConfig: Parameters<typeof startSlack>[0]["config"];
    let customRoutes: Parameters<typeof startSlack>[0]["customRoutes"];
    if (config.slack.mode === "socket") slackConfig = config.slack;
    else {
      slackConfig = { ...config.slack, port: config.port ?? 3000 };
      const router = createHttpRouter({ app, adapters });
      stops.push(async () => router.close());
      customRoutes = HTTP_ROUTES.map((r) => ({
        path: r.path,
        method: r.method,
        handler: (req, res) => void router(req, res),
      }));
    }
    const { recordFirstSighting } = await import("../storage/repos/seen-requests.ts");
    const slack = await startSlack({
      core,
      config: slackConfig,
      log,
      isSandbox: deps.sandbox,
      // Slack's timestamps are real time, whatever clock the sandbox runs on.
      replayStore: {
        firstSighting: (key, expiresAt) => recordFirstSighting(app.database.db, key, expiresAt, new Date()),
      },
      ...(customRoutes ? { customRoutes } : {}),
    });
    ports.slack = slack.delivery;
    stops.push(() => slack.stop());
    log.info({ mode: config.slack.mode }, "slack connected");
  }
  if (options.chat && config.discord) {
    const { startDiscord } = await import("../adapters/discord/index.ts");
    const discord = await startDiscord({ core, config: config.discord, log });
    ports.discord = discord.delivery;
    stops.push(() => discord.stop());
    log.info("discord connected");
  }
  const chatting = Object.keys(ports).length > 0;
  // Health, metrics, the OAuth callback and webhooks: on PORT (or with PUBLIC_URL), unless Bolt serves them.
  if (!(options.chat && config.slack?.mode === "http") && (config.port !== undefined || config.publicUrl)) {
    const { startHttpServer } = await import("../http/server.ts");
    const http = await startHttpServer({ app, port: config.port ?? 3000, adapters });
    stops.push(() => http.close());
    log.info({ port: http.port }, "http server listening");
  }
  const interactive = process.stdin.isTTY === true;
  if (!chatting) {
    await ensureDemoAlerts(app);
    ports.console = createConsoleDelivery((text) => process.stdout.write(text));
  }
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
