import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const dataDir = mkdtempSync(join(tmpdir(), "balance-demo-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The commands the README's "Try it" section tells a newcomer to type, in its order. */
function readmeCommands(): string[] {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const tryIt = readme.slice(readme.indexOf("## Try it"), readme.indexOf("## Run the tests"));
  return [...tryIt.matchAll(/`(\/balance[^`]*)`/g)].map((m) => m[1]!);
}

/**
 * `npm start` in a pseudo-terminal (util-linux `script`), as a newcomer runs it: the commands are
 * typed one at a time, each after the previous answer's prompt, then Ctrl-D.
 */
async function runInTerminal(commands: string[]): Promise<string> {
  const child = spawn("script", ["-qfec", "node bin/balance-bot.mjs start", "/dev/null"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", DATA_DIR: dataDir, TERM: "dumb" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let transcript = "";
  let waiter: (() => void) | undefined;
  const grow = (d: Buffer) => {
    transcript += d.toString();
    waiter?.();
  };
  child.stdout.on("data", grow);
  child.stderr.on("data", grow);
  const promptCount = () => (transcript.match(/(^|\n)> /g) ?? []).length;
  const waitForPrompt = (n: number) =>
    new Promise<void>((done) => {
      waiter = () => {
        if (promptCount() >= n) done();
      };
      waiter();
    });
  // The first sync runs behind the prompt; the README tells a newcomer it ends with "Sync done".
  await new Promise<void>((done) => {
    waiter = () => {
      if (/Sync done: 3 shops synced\./.test(transcript)) done();
    };
    waiter();
  });
  // "Sync done" comes with a prompt of its own: count the prompts from there.
  const base = Math.max(1, promptCount());
  for (let i = 0; i < commands.length; i++) {
    await waitForPrompt(base + i);
    child.stdin.write(`${commands[i]}\n`);
  }
  await waitForPrompt(base + commands.length);
  child.stdin.write("\u0004");
  const code = await new Promise<number | null>((done) => child.on("close", done));
  expect(code).toBe(0);
  if (process.env.DEMO_TRANSCRIPT) writeFileSync(process.env.DEMO_TRANSCRIPT, transcript);
  return transcript;
}

describe("the README's Try it section, typed into a terminal", () => {
  it("answers every command on the three sandbox shops: no error, no JSON log line, a chart file per shop", {
    timeout: 300_000,
  }, async () => {
    const commands = readmeCommands();
    expect(commands).toEqual(
      expect.arrayContaining(["/balance", "/balance earnings 7d", "/balance chart 30d", "/balance help"]),
    );
    const transcript = await runInTerminal(commands);
    expect(transcript).not.toMatch(/^\s*\{"level"/m);
    expect(transcript).not.toMatch(/Error:|Can't do that|Something went wrong/);
    expect(transcript).toContain("Sandbox Outdoor (US)");
    expect(transcript).toContain("Sandbox Thời Trang (VN)");
    expect(transcript).toContain("Sandbox Home (UK)");
    // The footer's "data from sync 9 min ago" seconds after the first sync is sandbox time, and
    // the console says so before the first answer.
    expect(transcript).toContain(
      "Sandbox shops live on a clock 60× real time, so “min ago” in their answers passes in seconds.",
    );
    expect(transcript).toMatch(/next payout expected|not enough payment history/);
    // The cross-border shop's payouts show the dollars paid and the pounds before the exchange.
    expect(transcript).toMatch(/\$[\d,]+\.\d\d \(£[\d,]+\.\d\d at 1\.\d{6}\)/);
    const charts = readdirSync(join(dataDir, "charts")).filter((f) => /^chart-.*\.png$/.test(f));
    expect(charts.sort()).toEqual([
      expect.stringMatching(/^chart-sandbox-home-uk-/),
      expect.stringMatching(/^chart-sandbox-outdoor-us-/),
      expect.stringMatching(/^chart-sandbox-thoi-trang-vn-/),
    ]);
    for (const chart of charts) expect(transcript).toContain(join(dataDir, "charts", chart));
    // The log went to its file, not into the conversation.
    expect(readFileSync(join(dataDir, "logs", "balance-bot.log"), "utf8")).toContain(
      '"msg":"command answered"',
    );
  });
});
