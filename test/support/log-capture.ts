import { appendFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { createLogger, type Logger } from "../../src/log.ts";

/**
 * Where one test run's logs go; the global teardown scans them for configured secrets. One folder
 * per run (named after the vitest main process: test files run in its forked children), so two
 * runs on one machine never clean up each other's logs.
 */
export const testLogDir = (runPid: number) => join(tmpdir(), `balance-bot-test-logs-${runPid}`);
const TEST_LOG_DIR = testLogDir(process.ppid);

let n = 0;

/** A real pino logger (debug level, secrets configured) writing to a file the teardown scans. */
export function captureLogger(secrets: string[]): { log: Logger; addSecrets(more: string[]): void } {
  mkdirSync(TEST_LOG_DIR, { recursive: true });
  const base = join(TEST_LOG_DIR, `${process.pid}-${++n}`);
  const addSecrets = (more: string[]) => {
    const real = more.filter((s) => s.length >= 8);
    if (real.length > 0) appendFileSync(`${base}.secrets`, `${real.join("\n")}\n`);
  };
  addSecrets(secrets);
  // Synchronous writes: a worker that ends right after a test still leaves every line on disk.
  const log = createLogger({
    level: "debug",
    secrets,
    destination: pino.destination({ dest: `${base}.log`, sync: true }),
  });
  return { log, addSecrets };
}

/** Appends a child process's captured log lines to the scanned files. */
export function keepLogs(lines: Record<string, unknown>[], secrets: string[]): void {
  mkdirSync(TEST_LOG_DIR, { recursive: true });
  const base = join(TEST_LOG_DIR, `${process.pid}-${++n}`);
  appendFileSync(`${base}.log`, `${lines.map((l) => JSON.stringify(l)).join("\n")}\n`);
  const real = secrets.filter((s) => s.length >= 8);
  if (real.length > 0) appendFileSync(`${base}.secrets`, `${real.join("\n")}\n`);
}
