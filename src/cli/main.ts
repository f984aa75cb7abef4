import { parseArgs } from "node:util";
import { consoleInvocation, printable } from "../adapters/console/index.ts";
import { type Config, ConfigError, loadConfig, secretsOf } from "../config.ts";
import { createProcessLogger, type Logger } from "../log.ts";
import { openDatabase } from "../storage/database.ts";
import { type App, createApp } from "./app.ts";
import { serve } from "./serve.ts";
import { syncIfStale } from "./sync-if-stale.ts";
import { formatSyncReport } from "./sync-report.ts";

const USAGE = `balance-bot — your TikTok Shop money in chat

Usage: balance-bot <command>

  start            migrate, sync, then run every adapter whose credentials are set
                   (with no chat credentials: the console on stdin/stdout)
  demo             start on the sandbox shop with the console, whatever the environment
  ask "<text>"     answer one command as the console workspace, e.g. ask "/balance"
  sync [--once]    sync every linked shop now
  migrate          apply database migrations
  import <file> [--shop NAME] [--timezone Area/City] [--currency CODE]
                   import a Seller Center statement export (CSV/XLSX) into a shop
  register-commands [--guild ID]
                   publish /balance to Discord (globally, or to one server at once)
  telegram-commands
                   publish the /balance command menu to Telegram (setMyCommands)
  slack-manifest [--url https://host]
                   print the Slack app manifest (Socket Mode; --url for HTTP mode)

Configuration comes from the environment; see README.md.`;

/** The CLI: runs one command and resolves with its exit code. The bin calls it; importing runs nothing. */
export async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: {
      once: { type: "boolean" },
      help: { type: "boolean", short: "h" },
      guild: { type: "string" },
      url: { type: "string" },
    },
  });
  const [command, ...rest] = positionals;
  if (!command || values.help || command === "help") {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  const config = loadConfig();
  const log = createProcessLogger({
    level: config.logLevel,
    secrets: secretsOf(config),
    destination: config.logDestination,
    dataDir: config.dataDir,
    stdoutIsTerminal: process.stdout.isTTY === true,
  });

  switch (command) {
    case "migrate": {
      const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, max: 1 });
      try {
        await database.migrate();
      } finally {
        await database.close();
      }
      console.log(`migrations applied (${database.kind})`);
      return 0;
    }
    case "sync":
      return withApp(config, log, {}, async (app) => {
        const reports = await app.syncAll();
        console.log(formatSyncReport(reports));
        return reports.some((r) => r.errors.length > 0) ? 1 : 0;
      });
    case "ask": {
      const text = rest.join(" ").trim();
      if (!text) {
        console.error('usage: balance-bot ask "<text>", e.g. balance-bot ask "/balance"');
        return 2;
      }
      return withApp(config, log, {}, async (app) => {
        await syncIfStale(app, log);
        const answer = await app.core.dispatch(consoleInvocation(text, config.consoleLocale));
        const out = printable(answer, config.dataDir, config.consoleLocale);
        if (answer.kind === "error") {
          console.error(out);
          return 1;
        }
        console.log(out);
        return 0;
      });
    }
    case "start":
    case "demo":
      return withApp(config, log, { forceSandbox: command === "demo" }, (app) =>
        serve(app, { chat: command === "start" }),
      );
    case "import":
      return (await import("../import/import-cli.ts")).runImportCli(argv.slice(argv.indexOf(command) + 1), {
        config,
        log,
      });
    case "register-commands": {
      if (!config.discord) {
        console.error(
          "register-commands needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (see README: Discord).",
        );
        return 1;
      }
      const { registerCommands } = await import("../adapters/discord/register.ts");
      const { commands } = await import("../../commands/index.ts");
      const guildId = typeof values.guild === "string" ? values.guild : undefined;
      const registered = await registerCommands({
        ...config.discord,
        commands,
        ...(guildId ? { guildId } : {}),
      });
      console.log(
        `registered /balance (${registered.length} command${registered.length === 1 ? "" : "s"}) ${guildId ? `in guild ${guildId}` : "globally (may take up to an hour to appear)"}`,
      );
      return 0;
    }
    case "telegram-commands": {
      if (!config.telegram) {
        console.error("telegram-commands needs TELEGRAM_BOT_TOKEN (see README: Telegram).");
        return 1;
      }
      const { Api } = await import("grammy");
      const { setTelegramCommands } = await import("../adapters/telegram/commands.ts");
      const count = await setTelegramCommands(
        new Api(config.telegram.token, { apiRoot: config.telegram.apiUrl.replace(/\/+$/, "") }),
      );
      console.log(`set the Telegram command menu (${count} command${count === 1 ? "" : "s"})`);
      return 0;
    }
    case "slack-manifest": {
      const { buildSlackManifest } = await import("../adapters/slack/manifest.ts");
      const { commands } = await import("../../commands/index.ts");
      const url = typeof values.url === "string" ? values.url : undefined;
      process.stdout.write(buildSlackManifest(commands, url ? { httpUrl: url } : {}));
      return 0;
    }
    default:
      console.error(`unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

async function withApp(
  config: Config,
  log: Logger,
  options: { forceSandbox?: boolean },
  run: (app: App) => Promise<number>,
): Promise<number> {
  const app = await createApp(config, { log, ...options });
  try {
    return await run(app);
  } finally {
    await app.close();
  }
}

/** Runs the CLI on this process's arguments and exits with its code; a bad config prints its problems. */
export function runMain(argv: string[] = process.argv.slice(2)): void {
  main(argv).then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof ConfigError) {
        console.error(error.message);
        process.exit(1);
      }
      console.error(`balance-bot failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
