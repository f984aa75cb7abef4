import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/log.ts";
import { humanLine, logFilePath, terminalDestination } from "../../src/log-sinks.ts";

const dir = mkdtempSync(join(tmpdir(), "balance-logs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("logs in a terminal", () => {
  it("writes every line to DATA_DIR/logs and only warnings and errors to stderr, one short human line each", () => {
    const stderr: string[] = [];
    const log = createLogger({
      level: "info",
      secrets: ["super-secret-token"],
      destination: terminalDestination("info", dir, (line) => stderr.push(line)),
    });
    log.info({ shop: "Acme" }, "command answered");
    log.warn({ shop: "Acme", resource: "payouts", token: "x" }, "sync step failed");
    log.error({ err: new Error("boom super-secret-token\n    at somewhere") }, "command failed");
    const file = readFileSync(logFilePath(dir), "utf8").trim().split("\n");
    expect(file.map((l) => JSON.parse(l).msg)).toEqual([
      "command answered",
      "sync step failed",
      "command failed",
    ]);
    expect(stderr).toEqual([
      "balance-bot warning: sync step failed (shop Acme, resource payouts)\n",
      "balance-bot error: command failed (boom [redacted])\n",
    ]);
    expect(stderr.join("")).not.toMatch(/[{}]|at somewhere/);
  });

  it("ignores what is not a JSON log line", () => {
    expect(humanLine("not json")).toBeUndefined();
  });
});
