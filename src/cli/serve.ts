import { runConsole } from "../adapters/console/index.ts";
import type { Platform } from "../core/invocation.ts";
import { createConsoleDelivery } from "../delivery/console-port.ts";
import type { DeliveryPort } from "../delivery/port.ts";
import type { App } from "./app.ts";
import { ensureDemoAlerts } from "./demo-rules.ts";
import { syncIfStale } from "./main.ts";
import { startJobs } from "./runtime.ts";

/**
 * `start` / `demo`: sync when stale, then every adapter whose credentials are set plus the
 * scheduler; with no chat credentials, the console on stdin/stdout until the end of input.
 */
export async function serve(app: App, options: { chat: boolean }): Promise<number> {
  const { config, core, deps } = app;
  const log = deps.log;
  await syncIfStale(app, log);
  const stops: (() => Promise<void>)[] = [];
  const ports: Partial<Record<Platform, DeliveryPort>> = {};
  if (options.chat && config.slack) {
    const { startSlack } = await import("../adapters/slack/index.ts");
    const slackConfig =
      config.slack.mode === "socket" ? config.slack : { ...config.slack, port: config.port ?? 3000 };
    const slack = await startSlack({ core, config: slackConfig, log, isSandbox: deps.sandbox });
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
  const interactive = process.stdin.isTTY === true;
  if (!chatting) {
    await ensureDemoAlerts(app);
    ports.console = createConsoleDelivery((text) => process.stdout.write(text));
  }
  // A piped console (`printf '/balance\n' | npm start`) is a script: answer and exit, no timers.
  const scheduler = chatting || interactive ? startJobs(app, ports) : undefined;
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
