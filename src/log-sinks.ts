import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { Writable } from "node:stream";
import pino from "pino";

const LEVEL_NAME: Record<number, string> = { 60: "fatal", 50: "error", 40: "warning" };
/** Context worth a word on the terminal; the rest stays in the file. */
const SHOWN_KEYS = ["shop", "resource", "code", "upstream", "correlationId", "port"];
const HUMAN_LINE_MAX = 200;

/** One pino JSON line → "balance-bot warning: sync step failed (shop Acme, resource payouts)". */
export function humanLine(json: string): string | undefined {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const level = LEVEL_NAME[Number(entry.level)] ?? "log";
  const err = entry.err as { message?: unknown } | undefined;
  const context = SHOWN_KEYS.filter((k) => typeof entry[k] === "string" || typeof entry[k] === "number").map(
    (k) => `${k} ${String(entry[k])}`,
  );
  if (typeof err?.message === "string") context.push(err.message.split("\n")[0]!);
  const text = `balance-bot ${level}: ${String(entry.msg ?? "")}${context.length > 0 ? ` (${context.join(", ")})` : ""}`;
  return text.length > HUMAN_LINE_MAX ? `${text.slice(0, HUMAN_LINE_MAX - 1)}…` : text;
}

/** Warnings and errors as one short line each on a stream (the terminal's stderr). */
export function humanStream(write: (line: string) => void): Writable {
  let pending = "";
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        const text = line.trim() ? humanLine(line) : undefined;
        if (text) write(`${text}\n`);
      }
      done();
    },
  });
}

/** Where the log file of a terminal session goes. */
export function logFilePath(dataDir: string): string {
  return join(resolve(dataDir, "logs"), "balance-bot.log");
}

/**
 * A terminal is a conversation: every log line goes to DATA_DIR/logs/balance-bot.log, and only
 * warnings and errors reach stderr, as one short human line each.
 */
export function terminalDestination(
  level: pino.LevelWithSilent,
  dataDir: string,
  stderr: (line: string) => void,
): pino.DestinationStream {
  const file = logFilePath(dataDir);
  mkdirSync(resolve(dataDir, "logs"), { recursive: true });
  const minimum = pino.levels.values[level] ?? pino.levels.values.info!;
  return pino.multistream([
    { level: level === "silent" ? "fatal" : level, stream: pino.destination({ dest: file, sync: true }) },
    {
      level: minimum > pino.levels.values.warn! ? (level as pino.Level) : "warn",
      stream: humanStream(stderr),
    },
  ]);
}
