/**
 * `npm run bench`: measures each figure beside its physical limit in the same run, prints a
 * table and writes bench/results/latest.json. `--only <name>` (repeatable, or comma-separated)
 * runs a subset: commands-postgres, commands-pglite, sync, fan-out, chart, chart-reply, memory, startup,
 * replicas, digests.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { benchChartRender } from "./chart-render.ts";
import { benchChartReply } from "./chart-reply.ts";
import { benchCommands } from "./commands.ts";
import { benchDigests } from "./digests.ts";
import { benchFanOut } from "./fan-out.ts";
import type { Figure, FigureModule } from "./lib/figure.ts";
import { loadNow, machineInfo } from "./lib/machine.ts";
import { textTable } from "./lib/table.ts";
import { benchReplicas } from "./replicas.ts";
import { benchResidentMemory } from "./resident-memory.ts";
import { benchStartup } from "./startup.ts";
import { benchSyncIngest } from "./sync-ingest.ts";

const CHART_GOAL_MS = 30;

const MODULES: FigureModule[] = [
  { name: "commands-postgres", run: () => benchCommands("postgres") },
  { name: "commands-pglite", run: () => benchCommands("pglite") },
  { name: "sync", run: benchSyncIngest },
  { name: "fan-out", run: benchFanOut },
  {
    name: "chart",
    async run() {
      const { p50Ms, samples } = await benchChartRender();
      return [
        {
          name: "chart render 90 days · p50",
          value: p50Ms,
          unit: "ms",
          limit: null,
          ratio: null,
          goal: `≤ ${CHART_GOAL_MS} ms`,
          met: p50Ms <= CHART_GOAL_MS,
          note: `local renderer, ${samples} samples after warm-up`,
        },
      ];
    },
  },
  { name: "chart-reply", run: benchChartReply },
  { name: "memory", run: benchResidentMemory },
  { name: "startup", run: benchStartup },
  { name: "replicas", run: benchReplicas },
  { name: "digests", run: benchDigests },
];

function describe(error: unknown): string {
  return error instanceof Error
    ? `${error.message.slice(0, 300)}\n${error.stack?.split("\n").slice(1, 4).join("\n") ?? ""}`
    : String(error);
}

const { values } = parseArgs({
  options: { only: { type: "string", multiple: true }, out: { type: "string" } },
  allowPositionals: false,
});
const only = (values.only ?? [])
  .flatMap((o) => o.split(","))
  .map((o) => o.trim())
  .filter(Boolean);
const unknown = only.filter((o) => !MODULES.some((m) => m.name === o));
if (unknown.length > 0) {
  console.error(`unknown figure(s): ${unknown.join(", ")}; known: ${MODULES.map((m) => m.name).join(", ")}`);
  process.exit(2);
}
const selected = only.length > 0 ? MODULES.filter((m) => only.includes(m.name)) : MODULES;
const figures: Figure[] = [];
const loadAtStart = loadNow();
const started = performance.now();
let failed = false;
for (const module of selected) {
  const t = performance.now();
  console.error(`▶ ${module.name}`);
  try {
    const out = await module.run();
    figures.push(...out);
    console.error(textTable(out));
  } catch (error) {
    failed = true;
    const cause = (error as { cause?: unknown }).cause;
    console.error(
      `✗ ${module.name} failed: ${describe(error)}${cause ? ` (cause: ${describe(cause)})` : ""}`,
    );
  }
  console.error(`  (${Math.round((performance.now() - t) / 100) / 10} s)`);
}
console.log(`\nbalance-bot benchmarks (${Math.round((performance.now() - started) / 1000)} s)\n`);
console.log(textTable(figures));
const result = {
  machine: { ...machineInfo(), load: { start: loadAtStart, end: loadNow() } },
  date: new Date().toISOString(),
  figures,
};
const out = values.out ?? (only.length > 0 ? "bench/results/partial.json" : "bench/results/latest.json");
mkdirSync("bench/results", { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(`\nwritten ${out}`);
process.exit(failed ? 1 : 0);
