import pino from "pino";
import { consoleInvocation } from "../../src/adapters/console/index.ts";
import { type App, createApp } from "../../src/cli/app.ts";
import { loadConfig } from "../../src/config.ts";
import type { Reply } from "../../src/core/reply.ts";
import { createLogger, type Logger } from "../../src/log.ts";
import type { Database } from "../../src/storage/database.ts";
import { tempDir } from "./scratch-db.ts";

/**
 * A logger at the production level (info) whose lines go nowhere: the bot's logging cost is part
 * of the work measured, its output is not part of the table.
 */
export function nullLogger(): Logger {
  // BENCH_LOG=1 shows them on stderr (debugging a figure).
  const dest = process.env.BENCH_LOG ? 2 : "/dev/null";
  return createLogger({ level: "info", destination: pino.destination({ dest, sync: true }) });
}

/** The real composition root on an open database; `ask` dispatches as the console workspace. */
export interface BenchApp {
  app: App;
  ask(text: string): Promise<Reply>;
  close(): Promise<void>;
}

export async function openBenchApp(database: Database, env: Record<string, string> = {}): Promise<BenchApp> {
  const data = tempDir("bench-app-");
  const config = loadConfig({ DATA_DIR: data.dir, ...env });
  const app = await createApp(config, { log: nullLogger(), database });
  return {
    app,
    ask: (text) => app.core.dispatch(consoleInvocation(text)),
    async close() {
      await app.close();
      data.remove();
    },
  };
}
