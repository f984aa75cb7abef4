import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import type { TokenSet } from "../../src/providers/port.ts";

/** A sandbox shop served by a child process. */
export interface RemoteSandbox {
  url: string;
  appKey: string;
  appSecret: string;
  tokens: TokenSet;
  /** Stops it; resolves with what it served (requests per API, requests refused over `qps`). */
  close(): Promise<SandboxStats | undefined>;
}

export interface SandboxStats {
  requestsByApi: Record<string, number>;
  throttled: number;
}

/** Starts bench/lib/sandbox-child.ts and waits for its URL and a token pair. */
export async function startRemoteSandbox(options: {
  ordersPerDay: number;
  historyDays: number;
  /** Requests per second per API and shop the sandbox admits (429 beyond); none when absent. */
  qps?: number;
  /** Shops of the seller; default 3. */
  shops?: number;
}): Promise<RemoteSandbox> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      "bin/run-ts.mjs",
      "bench/lib/sandbox-child.ts",
      String(options.ordersPerDay),
      String(options.historyDays),
      String(options.qps ?? 0),
      ...(options.shops ? [String(options.shops)] : []),
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`sandbox child exited (${code}) before it was ready`)));
  });
  const info = JSON.parse(first) as Omit<RemoteSandbox, "close" | "tokens"> & {
    tokens: {
      accessToken: string;
      refreshToken: string;
      accessExpiresAt: string | null;
      refreshExpiresAt: string | null;
    };
  };
  const date = (s: string | null) => (s === null ? null : new Date(s));
  return {
    url: info.url,
    appKey: info.appKey,
    appSecret: info.appSecret,
    tokens: {
      accessToken: info.tokens.accessToken,
      refreshToken: info.tokens.refreshToken,
      accessExpiresAt: date(info.tokens.accessExpiresAt),
      refreshExpiresAt: date(info.tokens.refreshExpiresAt),
    },
    close: () =>
      new Promise<SandboxStats | undefined>((resolve) => {
        if (child.exitCode !== null) return resolve(undefined);
        let stats: SandboxStats | undefined;
        lines.on("line", (line) => {
          stats = JSON.parse(line) as SandboxStats;
        });
        child.once("exit", () => resolve(stats));
        child.kill("SIGTERM");
      }),
  };
}
