import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const BIN = ["/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin"].find((d) =>
  existsSync(join(d, "initdb")),
);

function hasPostgresUser(): boolean {
  try {
    execFileSync("id", ["postgres"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Whether a real Postgres server can be started privately here (Debian's binaries; as root, via the postgres user). */
export const canRunPrivatePostgres = BIN !== undefined && (process.getuid?.() !== 0 || hasPostgresUser());

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A throwaway Postgres cluster of its own (real server, own port and data directory), so a test
 * can stop and restart it without disturbing the shared server other tests use.
 */
export async function startPrivatePostgres() {
  const dir = mkdtempSync(join(tmpdir(), "bb-pg-"));
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: string[]) => {
    const command = join(BIN!, tool);
    // Postgres refuses to run as root: CI is root, so hand the cluster to the postgres user.
    if (asRoot) execFileSync("runuser", ["-u", "postgres", "--", command, ...args], { stdio: "pipe" });
    else execFileSync(command, args, { stdio: "pipe" });
  };
  if (asRoot) execFileSync("chown", ["postgres", dir]);
  else chownSync(dir, process.getuid!(), process.getgid!());
  run("initdb", ["-D", join(dir, "data"), "-A", "trust", "-U", "postgres", "--no-sync"]);
  const start = () =>
    run("pg_ctl", [
      "-D",
      join(dir, "data"),
      "-o",
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      "-w",
      "-l",
      join(dir, "log"),
      "start",
    ]);
  const stop = () => run("pg_ctl", ["-D", join(dir, "data"), "-m", "fast", "-w", "stop"]);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    destroy() {
      try {
        stop();
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
