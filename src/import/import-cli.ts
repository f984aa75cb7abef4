/**
 * Process-level entry for `balance-bot import`: parses its own arguments (the top-level parser
 * is not strict), opens and migrates the database, prints the outcome, returns the exit code.
 */
import { parseArgs } from "node:util";
import type { Config } from "../config.ts";
import type { Logger } from "../log.ts";
import { openDatabase } from "../storage/database.ts";
import { runImportCommand } from "./run-import.ts";

export const IMPORT_USAGE =
  "usage: balance-bot import <file.csv|file.xlsx> [--shop NAME] [--timezone Area/City] [--currency CODE] [--date-order dmy|mdy]";

/** `argv`: the arguments after `import`. */
export async function runImportCli(argv: string[], deps: { config: Config; log: Logger }): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n${IMPORT_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [file, ...extra] = positionals;
  const dateOrder = values["date-order"];
  if (!file || extra.length > 0 || (dateOrder !== undefined && dateOrder !== "dmy" && dateOrder !== "mdy")) {
    console.error(IMPORT_USAGE);
    return 2;
  }
  const database = await openDatabase({ url: deps.config.databaseUrl, dataDir: deps.config.dataDir, max: 1 });
  try {
    await database.migrate();
    const result = await runImportCommand(
      { file, shop: values.shop, timezone: values.timezone, currency: values.currency, dateOrder },
      { db: database.db, log: deps.log, now: new Date() },
    );
    (result.exitCode === 0 ? console.log : console.error)(result.output);
    return result.exitCode;
  } finally {
    await database.close();
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      shop: { type: "string" },
      timezone: { type: "string" },
      currency: { type: "string" },
      "date-order": { type: "string" },
    },
  });
}
