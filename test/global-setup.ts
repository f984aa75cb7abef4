import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { testLogDir } from "./support/log-capture.ts";

const TEST_LOG_DIR = testLogDir(process.pid);

/**
 * Before the suite: a clean log folder. After it: every log line written by any test (in-process
 * loggers and child bot processes) is scanned for every secret those tests configured. One hit
 * fails the run, naming the file, never the secret.
 */
export default function setup() {
  rmSync(TEST_LOG_DIR, { recursive: true, force: true });
  return () => {
    let files: string[] = [];
    try {
      files = readdirSync(TEST_LOG_DIR);
    } catch {
      return;
    }
    const secrets = new Set(
      files
        .filter((f) => f.endsWith(".secrets"))
        .flatMap((f) => readFileSync(join(TEST_LOG_DIR, f), "utf8").split("\n"))
        .filter((s) => s.length >= 8),
    );
    const leaks: string[] = [];
    let lines = 0;
    for (const file of files.filter((f) => f.endsWith(".log"))) {
      const text = readFileSync(join(TEST_LOG_DIR, file), "utf8");
      lines += text.split("\n").length;
      for (const secret of secrets)
        if (text.includes(secret))
          leaks.push(`${file} contains a configured secret (${secret.length} chars)`);
    }
    rmSync(TEST_LOG_DIR, { recursive: true, force: true });
    if (leaks.length > 0) throw new Error(`Secret scan of the test logs failed:\n${leaks.join("\n")}`);
    console.log(`secret scan: ${secrets.size} configured secrets, ${lines} log lines, no leaks`);
  };
}
