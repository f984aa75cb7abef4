import type { Reply } from "../src/core/reply.ts";
import type { Db } from "../src/storage/database.ts";
import { openBenchApp } from "./lib/app.ts";
import { type Figure, ratioOf } from "./lib/figure.ts";
import { openScratch } from "./lib/scratch-db.ts";
import { median, p50p99, round2, sampleSideBySide } from "./lib/stats.ts";
import { BIG_SHOP, type BigShopSize, loadBigShop } from "./seed/big-shop.ts";

const SAMPLES = Number(process.env.BENCH_COMMAND_SAMPLES ?? 200);
/** Each figure is the median of this many rounds of SAMPLES (each round has its own limit). */
const ROUNDS = Number(process.env.BENCH_RUNS ?? 3);
const WARMUP = 20;
const GOAL = "p99 ≤ 5× limit (postgres), ≤ 10× (pglite)";

/**
 * The limit: one primary-key SELECT of a statement through the raw driver (postgres.js tagged
 * query, prepared; PGlite's own query()), not through drizzle, on the connection the app uses.
 */
function rawSelect(db: Db, kind: "postgres" | "pglite", shopId: number, id: string): () => Promise<void> {
  const client = (db as unknown as { $client: unknown }).$client;
  if (kind === "postgres") {
    const sql = client as import("postgres").Sql;
    return async () => {
      const rows = await sql`select * from statements where shop_id = ${shopId} and id = ${id}`;
      if (rows.length !== 1) throw new Error("statement missing");
    };
  }
  const pglite = client as import("@electric-sql/pglite").PGlite;
  return async () => {
    const { rows } = await pglite.query("select * from statements where shop_id = $1 and id = $2", [
      shopId,
      id,
    ]);
    if (rows.length !== 1) throw new Error("statement missing");
  };
}

const COMMANDS = [
  { text: "/balance", hasLimit: true },
  { text: "/balance earnings 30d", hasLimit: true },
  { text: "/balance chart 90d", hasLimit: false },
] as const;

/** Why a reply is not the real answer (an error, or a footer that does not say synced), if it is not. */
function problemOf(reply: Reply): string | undefined {
  if (reply.kind === "error") return `answered an error: ${reply.title}. ${reply.summary ?? ""}`;
  if (!reply.footer?.includes("data from sync")) return `footer does not say synced: ${reply.footer ?? ""}`;
  return undefined;
}

function check(reply: Reply, text: string): void {
  const problem = problemOf(reply);
  if (problem) throw new Error(`${text} ${problem}`);
}

/**
 * `/balance`, `/balance earnings 30d`, `/balance chart 90d` through the real core (createApp →
 * core.dispatch, console workspace) on a shop with 1M statement transactions over 3 years, each
 * sampled interleaved with its limit: one indexed single-row SELECT of a statement by primary key
 * through the same drizzle database.
 */
export async function benchCommands(
  kind: "postgres" | "pglite",
  size: BigShopSize = sizeFromEnv(),
): Promise<Figure[]> {
  const scratch = await openScratch(kind);
  try {
    const shop = await loadBigShop(scratch.database.db, size);
    console.error(
      `  ${kind}: loaded ${size.transactions} transactions / ${size.days} statements in ${Math.round(shop.loadSeconds * 10) / 10} s, rollups in ${Math.round(shop.rollupSeconds * 10) / 10} s`,
    );
    const bench = await openBenchApp(scratch.database);
    try {
      const { db } = scratch.database;
      const limitQuery = rawSelect(db, kind, shop.shopId, shop.someStatementId);
      const figures: Figure[] = [];
      for (const command of COMMANDS) {
        const first = await bench.ask(command.text);
        const broken = problemOf(first);
        if (broken) {
          // Reported, not hidden: the figure is missing because the command does not work here.
          figures.push({
            name: `${command.text} · ${kind} · p99`,
            value: null,
            unit: "ms",
            limit: null,
            ratio: null,
            goal: command.hasLimit ? GOAL : "—",
            met: command.hasLimit ? false : null,
            note: `not measured: ${broken}`,
          });
          continue;
        }
        const run = async () => check(await bench.ask(command.text), command.text);
        const rounds: { value: { p50: number; p99: number }; limit: { p50: number; p99: number } }[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          const { a, b } = await sampleSideBySide(run, limitQuery, SAMPLES, WARMUP);
          rounds.push({ value: p50p99(a), limit: p50p99(b) });
        }
        const mid = (pick: (r: (typeof rounds)[number]) => number) => round2(median(rounds.map(pick)));
        const value = { p50: mid((r) => r.value.p50), p99: mid((r) => r.value.p99) };
        const limit = { p50: mid((r) => r.limit.p50), p99: mid((r) => r.limit.p99) };
        const note = `median of ${ROUNDS} rounds of ${SAMPLES} samples after ${WARMUP} warm-up, interleaved with the limit (a primary-key SELECT through the raw driver); p99 per round ${rounds.map((r) => r.value.p99).join("/")} ms vs ${rounds.map((r) => r.limit.p99).join("/")} ms; ${size.transactions.toLocaleString("en")} transactions, ${size.days} statements`;
        const name = `${command.text} · ${kind}`;
        if (!command.hasLimit) {
          figures.push(
            {
              name: `${name} · p50`,
              value: value.p50,
              unit: "ms",
              limit: null,
              ratio: null,
              goal: "—",
              met: null,
              note,
            },
            {
              name: `${name} · p99`,
              value: value.p99,
              unit: "ms",
              limit: null,
              ratio: null,
              goal: "—",
              met: null,
              note,
            },
          );
          continue;
        }
        figures.push(
          {
            name: `${name} · p50`,
            value: value.p50,
            unit: "ms",
            limit: limit.p50,
            ratio: ratioOf(value.p50, limit.p50),
            goal: "reported (goal is on p99)",
            met: null,
            note,
          },
          {
            name: `${name} · p99`,
            value: value.p99,
            unit: "ms",
            limit: limit.p99,
            ratio: ratioOf(value.p99, limit.p99),
            goal: GOAL,
            met: value.p99 <= (kind === "postgres" ? 5 : 10) * limit.p99,
            note,
          },
        );
      }
      figures.push({
        name: `1M-row shop load + rollups · ${kind}`,
        value: round2(shop.loadSeconds + shop.rollupSeconds),
        unit: "s",
        limit: null,
        ratio: null,
        goal: "— (set-up, reported plainly)",
        met: null,
        note: `insert…select generate_series ${round2(shop.loadSeconds)} s + refreshRollups in 92-day chunks ${round2(shop.rollupSeconds)} s`,
      });
      return figures;
    } finally {
      await bench.close();
    }
  } finally {
    await scratch.dispose();
  }
}

function sizeFromEnv(): BigShopSize {
  const transactions = Number(process.env.BENCH_TRANSACTIONS ?? BIG_SHOP.transactions);
  return { transactions, days: BIG_SHOP.days };
}
