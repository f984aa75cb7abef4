import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";

/** A spawned `balance-bot` (or any run-ts entry) with its output watched. */
export interface BotProcess {
  child: ChildProcess;
  pid: number;
  /** performance.now() at spawn. */
  spawnedAt: number;
  /** Resolves with performance.now() when a stderr JSON log line has this `msg`. */
  whenLogged(msg: string, timeoutMs?: number): Promise<number>;
  /** Resolves with performance.now() when stdout contains `text`. */
  whenPrinted(text: string, timeoutMs?: number): Promise<number>;
  /** Resident set size now (VmRSS from /proc), in MiB. */
  rssMiB(): number;
  /** Everything printed on stderr so far (for error messages). */
  stderrTail(): string;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** Only what the process needs: no inherited secrets or settings from the bench's own environment. */
function baseEnv(): Record<string, string> {
  const keep = ["PATH", "HOME", "TMPDIR", "LANG", "TZ", "NODE_OPTIONS"];
  return Object.fromEntries(keep.flatMap((k) => (process.env[k] ? [[k, process.env[k]!]] : [])));
}

/** Spawns `node <args>` from the repository root with exactly `env` (plus PATH/HOME). */
export function spawnNode(
  args: string[],
  env: Record<string, string>,
  stdin: "pipe" | "ignore" = "ignore",
): BotProcess {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, args, {
    env: { ...baseEnv(), ...env },
    stdio: [stdin, "pipe", "pipe"],
  });
  const logs: { msg: string; at: number }[] = [];
  const logWaiters: { msg: string; resolve: (at: number) => void }[] = [];
  let stdout = "";
  let stderr = "";
  const printWaiters: { text: string; resolve: (at: number) => void }[] = [];
  createInterface({ input: child.stderr! }).on("line", (line) => {
    const at = performance.now();
    stderr = `${stderr}${line}\n`.slice(-4000);
    try {
      const msg = (JSON.parse(line) as { msg?: unknown }).msg;
      if (typeof msg === "string") {
        logs.push({ msg, at });
        for (const w of logWaiters.filter((w) => w.msg === msg)) w.resolve(at);
      }
    } catch {
      // not a JSON log line
    }
  });
  child.stdout!.on("data", (chunk: Buffer) => {
    const at = performance.now();
    stdout += chunk.toString("utf8");
    for (const w of printWaiters.filter((w) => stdout.includes(w.text))) w.resolve(at);
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const timed = <T>(promise: Promise<T>, timeoutMs: number, what: string) =>
    Promise.race([
      promise,
      exited.then((code) => {
        throw new Error(`process exited (${code}) before ${what}; stderr: ${stderr.slice(-1500)}`);
      }),
      new Promise<never>((_, reject) =>
        setTimeout(
          () => reject(new Error(`timed out waiting for ${what}; stderr: ${stderr.slice(-1500)}`)),
          timeoutMs,
        ).unref(),
      ),
    ]);
  return {
    child,
    pid: child.pid!,
    spawnedAt,
    whenLogged(msg, timeoutMs = 120_000) {
      const seen = logs.find((l) => l.msg === msg);
      if (seen) return Promise.resolve(seen.at);
      return timed(
        new Promise<number>((resolve) => logWaiters.push({ msg, resolve })),
        timeoutMs,
        `log "${msg}"`,
      );
    },
    whenPrinted(text, timeoutMs = 120_000) {
      if (stdout.includes(text)) return Promise.resolve(performance.now());
      return timed(
        new Promise<number>((resolve) => printWaiters.push({ text, resolve })),
        timeoutMs,
        `"${text}" on stdout`,
      );
    },
    rssMiB() {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? Number.NaN);
      return kb / 1024;
    },
    stderrTail: () => stderr,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** `balance-bot start` as `npm start` and the Dockerfile run it, with this environment. */
export function spawnBot(env: Record<string, string>, stdin: "pipe" | "ignore" = "ignore"): BotProcess {
  return spawnNode(["--max-semi-space-size=1", "bin/balance-bot.mjs", "start"], env, stdin);
}

/** npm's own entry point, run by this node: `npm start` exactly as the README says it. */
const NPM_CLI = new URL(
  "../lib/node_modules/npm/bin/npm-cli.js",
  `file://${process.execPath.replace(/\/bin\/node$/, "/bin/")}`,
).pathname;

/** `npm start` (npm → sh → node bin/balance-bot.mjs start), the README's command, with this environment. */
export function spawnNpmStart(env: Record<string, string>, stdin: "pipe" | "ignore" = "ignore"): BotProcess {
  return spawnNode([NPM_CLI, "start", "--silent"], env, stdin);
}
