import { spawn } from "node:child_process";
import { type Figure, ratioOf } from "./lib/figure.ts";
import { createScratchPostgres, type ScratchPostgres, tempDir } from "./lib/scratch-db.ts";
import { spawnBot, spawnNode } from "./lib/spawn-bot.ts";
import { median, round2 } from "./lib/stats.ts";

/** Goals as multiples of the floor measured in the same run (issue 17). */
const GOALS = { postgres: 3, pglite: 5 } as const;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** The first line of the console's answer to `/balance` (its title). */
const ANSWER = "Balance ·";
const DEFINITION =
  'spawn of `node bin/balance-bot.mjs start` (console mode, stdin piped with "/balance") → the answer\'s title on stdout';

/** Seconds from spawn until the piped `/balance` is answered on stdout. */
async function timeToAnswer(env: Record<string, string>): Promise<number> {
  const bot = spawnBot({ LOG_LEVEL: "info", ...env }, "pipe");
  try {
    bot.child.stdin!.end("/balance\n");
    const at = await bot.whenPrinted(ANSWER, 180_000);
    await bot.exited;
    return (at - bot.spawnedAt) / 1000;
  } finally {
    await bot.stop();
  }
}

/**
 * Seconds from spawn until `/balance`, typed at the first prompt of the console in a terminal
 * (util-linux `script`, as a newcomer runs `npm start`), is answered. In a terminal the console
 * does not wait for the first sync: the answer says which shops are not synced yet.
 */
async function timeToAnswerInTerminal(env: Record<string, string>): Promise<number> {
  const spawnedAt = performance.now();
  const child = spawn(
    "script",
    ["-qfec", "node --max-semi-space-size=1 bin/balance-bot.mjs start", "/dev/null"],
    {
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "/tmp",
        TERM: "dumb",
        LOG_LEVEL: "info",
        ...env,
      },
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  try {
    return await new Promise<number>((resolve, reject) => {
      let out = "";
      let asked = false;
      const timer = setTimeout(
        () => reject(new Error(`no answer in a terminal within 180 s:\n${out.slice(-2000)}`)),
        180_000,
      );
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        if (!asked && /(^|\n)> /.test(out)) {
          asked = true;
          child.stdin.write("/balance\n");
        } else if (asked && out.includes(ANSWER)) {
          clearTimeout(timer);
          resolve((performance.now() - spawnedAt) / 1000);
        }
      });
    });
  } finally {
    child.stdin.end("\u0004");
    await new Promise((done) => {
      const kill = setTimeout(() => child.kill("SIGKILL"), 30_000);
      child.once("close", () => done(clearTimeout(kill)));
    });
  }
}

/** Seconds until node with the TypeScript loader and nothing else prints "ready": the floor. */
async function floorSeconds(): Promise<number> {
  const floor = spawnNode(["bin/run-ts.mjs", "bench/lib/idle-child.ts", "0"], {});
  const at = await floor.whenPrinted("ready");
  await floor.exited;
  return (at - floor.spawnedAt) / 1000;
}

/**
 * Start-up to ready on Postgres and on PGlite: cold (fresh database / DATA_DIR: migrations, the
 * sandbox shop's first sync, then the answer) and warm (a second start on the same data, synced
 * minutes ago, so no sync). Limit: node + the TypeScript loader booting an empty script.
 */
export async function benchStartup(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const kind of ["postgres", "pglite"] as const) {
    const floors: number[] = [];
    const colds: number[] = [];
    const terminals: number[] = [];
    const warms: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const data = tempDir(`bench-start-${kind}-`);
      let db: ScratchPostgres | undefined;
      try {
        db = kind === "postgres" ? await createScratchPostgres() : undefined;
        const env = { DATA_DIR: data.dir, ...(db ? { DATABASE_URL: db.url } : {}) };
        floors.push(await floorSeconds());
        colds.push(await timeToAnswer(env));
        warms.push(await timeToAnswer(env));
        if (kind === "pglite") {
          const fresh = tempDir("bench-start-tty-");
          try {
            terminals.push(await timeToAnswerInTerminal({ DATA_DIR: fresh.dir }));
          } finally {
            fresh.remove();
          }
        }
      } finally {
        await db?.drop();
        data.remove();
      }
    }
    const floor = median(floors);
    const warm = median(warms);
    const cold = median(colds);
    const list = (xs: number[]) => xs.map(round2).join("/");
    figures.push(
      {
        name: `start-up to first answer · warm · ${kind}`,
        value: round2(warm),
        unit: "s",
        limit: round2(floor),
        ratio: ratioOf(warm, floor),
        goal: `≤ ${GOALS[kind]}× the floor`,
        met: warm <= GOALS[kind] * floor,
        note: `median of ${RUNS} runs (${list(warms)} s; floors ${list(floors)} s); ${DEFINITION}; second start on the same data (no sync); limit = node + tsx booting an empty script`,
      },
      {
        name: `start-up to first answer · cold, piped · ${kind}`,
        value: round2(cold),
        unit: "s",
        limit: round2(floor),
        ratio: ratioOf(cold, floor),
        goal: "— (reported)",
        met: null,
        note: `median of ${RUNS} runs (${list(colds)} s); ${DEFINITION}; fresh ${kind === "postgres" ? "database" : "DATA_DIR"}: migrations + the sandbox shop's first sync + the answer (a piped console waits for the sync, so a script's answers are complete)`,
      },
    );
    if (kind === "pglite") {
      const terminal = median(terminals);
      figures.push({
        name: "start-up to first answer · cold, in a terminal · pglite",
        value: round2(terminal),
        unit: "s",
        limit: round2(floor),
        ratio: ratioOf(terminal, floor),
        goal: "first answer ≤ 4 s",
        met: terminal <= 4,
        note: `median of ${RUNS} runs (${list(terminals)} s); \`npm start\`'s node command in a pseudo-terminal (script) on a fresh DATA_DIR, /balance typed at the first prompt → the answer's title; the first sync runs behind the prompt and the answer names the shops not synced yet`,
      });
    }
  }
  return figures;
}
