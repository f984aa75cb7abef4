/**
 * Writes the "Benchmarks" section at the very end of README.md from bench/results/latest.json
 * (replacing a previous one only if it is the last section; the rest of the README is untouched).
 * Usage: node bin/run-ts.mjs bench/readme.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import type { Figure } from "./lib/figure.ts";
import type { MachineInfo } from "./lib/machine.ts";
import { markdownTable } from "./lib/table.ts";

const HEADING = "## Benchmarks";
const result = JSON.parse(readFileSync("bench/results/latest.json", "utf8")) as {
  machine: MachineInfo;
  date: string;
  figures: Figure[];
};
const { machine } = result;
const section = [
  HEADING,
  "",
  "`npm run bench` (not part of the tests) measures each figure beside its physical limit in the same run and",
  "writes `bench/results/latest.json`; `npm run bench -- --only <name>` reruns one module",
  "(commands-postgres, commands-pglite, sync, fan-out, chart, chart-reply, memory, startup, replicas, digests). Ratios are value ÷ limit.",
  "",
  `Run on ${result.date.slice(0, 10)}: ${machine.cpus} × ${machine.model}, ${machine.memGiB} GiB, Node ${machine.node}, ${machine.os}, PostgreSQL 15 on localhost${machine.load ? `; 1-minute load average ${machine.load.start} at the start, ${machine.load.end} at the end (a shared machine: absolute times are noisy, ratios to a limit of the same run less so)` : ""}.`,
  "",
  markdownTable(result.figures),
  "",
  "How each figure is measured (and what limited the ones that miss) is in each row's `note` in `bench/results/latest.json`.",
  "",
].join("\n");

const readme = readFileSync("README.md", "utf8");
const at = readme.lastIndexOf(`\n${HEADING}\n`);
const tail = at >= 0 ? readme.slice(at + 1) : "";
if (at >= 0 && /\n## /.test(tail.slice(HEADING.length))) {
  throw new Error("README.md has a Benchmarks section that is not the last one; not touching it");
}
const head = at >= 0 ? readme.slice(0, at + 1) : `${readme.replace(/\n*$/, "\n")}\n`;
writeFileSync("README.md", head + section);
console.log("README.md: Benchmarks section written");
