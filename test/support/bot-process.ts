import { type ChildProcess, spawn } from "node:child_process";
import { resolve } from "node:path";

const BIN = resolve(import.meta.dirname, "../../bin/balance-bot.mjs");

export interface BotProcess {
  child: ChildProcess;
  /** Every JSON log line the process wrote so far. */
  logs: Record<string, unknown>[];
  stdout: () => string;
  waitForLog(predicate: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<void>;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Runs the real `balance-bot <args>` as a child process with only the given environment. */
export function startBot(args: string[], env: Record<string, string>): BotProcess {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", LOG_LEVEL: "info", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const logs: Record<string, unknown>[] = [];
  let out = "";
  let buffer = "";
  const waiters = new Set<() => void>();
  child.stdout?.on("data", (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    buffer += d.toString();
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        logs.push({ msg: line });
      }
    }
    for (const w of waiters) w();
  });
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  return {
    child,
    logs,
    stdout: () => out,
    waitForLog(predicate, timeoutMs = 20_000) {
      return new Promise((resolveWait, reject) => {
        const check = () => {
          if (logs.some(predicate)) {
            waiters.delete(check);
            clearTimeout(timer);
            resolveWait();
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `timed out waiting for a log line; last lines:\n${logs
                .slice(-8)
                .map((l) => JSON.stringify(l))
                .join("\n")}`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        child.once("exit", () => {
          if (!logs.some(predicate)) {
            clearTimeout(timer);
            reject(
              new Error(
                `process exited before the log line; last lines:\n${logs
                  .slice(-8)
                  .map((l) => JSON.stringify(l))
                  .join("\n")}`,
              ),
            );
          }
        });
        check();
      });
    },
    async kill(signal = "SIGKILL") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
