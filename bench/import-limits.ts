/**
 * Issue 18's import findings, measured: `node bin/run-ts.mjs bench/import-limits.ts`. For each
 * hostile file: how long until the import is refused, the process's peak resident memory, and
 * the longest the event loop was held meanwhile (what decides whether Slack's and Discord's 3 s
 * acknowledgements still go out). Writes bench/results/import-limits.json.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { readExportInWorker } from "../src/import/read-in-worker.ts";
import { DEFAULT_LIMITS, type ImportLimits } from "../src/providers/csv/limits.ts";
import { repeatedPart, SHEET_HEAD, SHEET_TAIL, workbookZip } from "../test/support/zip.ts";

interface Case {
  name: string;
  bytes: () => Buffer;
  limits?: ImportLimits;
}

function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function eightMillionCells(): Buffer {
  const cells = Array.from(
    { length: 100 },
    (_, c) => `<c r="${columnName(c)}1" t="n"><v>1234.5</v></c>`,
  ).join("");
  return workbookZip(
    repeatedPart(
      "xl/worksheets/sheet1.xml",
      SHEET_HEAD,
      `<row r="1">${cells}</row>`.repeat(1000),
      80,
      SHEET_TAIL,
    ),
  );
}

function zipBomb(): Buffer {
  return workbookZip(
    repeatedPart("xl/worksheets/sheet1.xml", SHEET_HEAD, " ".repeat(1024 * 1024), 1800, SHEET_TAIL),
  );
}

function bigCsv(): Buffer {
  const header = "Order/adjustment ID,Type,Order settled time,Currency,Total settlement amount\n";
  const rows = Array.from({ length: 260_000 }, (_, i) =>
    `${576000000000000000 + i},Order,2026/06/01 10:00:00,USD,12.34\n`.padEnd(96, " "),
  );
  return Buffer.from(header + rows.join(""));
}

const CASES: Case[] = [
  { name: "8M-cell XLSX (default limits)", bytes: eightMillionCells },
  {
    name: "8M-cell XLSX, size limit lifted (stops at the cell limit while reading)",
    bytes: eightMillionCells,
    limits: { ...DEFAULT_LIMITS, uncompressedBytes: 2 * 1024 ** 3 },
  },
  { name: "zip bomb 1.8 GB", bytes: zipBomb },
  { name: "25 MB CSV", bytes: bigCsv },
];

const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));

async function measure(c: Case) {
  const bytes = c.bytes();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const started = performance.now();
  const outcome = await readExportInWorker(bytes, { limits: c.limits ?? DEFAULT_LIMITS }).then(
    (r) => `read ${r.parsed.rows.length} rows`,
    (e: Error) => e.message,
  );
  const seconds = (performance.now() - started) / 1000;
  loop.disable();
  return {
    file: c.name,
    fileMb: mb(bytes.length),
    outcome,
    secondsToAnswer: Math.round(seconds * 10) / 10,
    maxEventLoopDelayMs: Math.round(loop.max / 1e6),
    // ru_maxrss is the whole process (main thread and worker), in KB.
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

// Each case runs in a process of its own, so each peak memory figure is that file's alone.
const only = process.argv.indexOf("--case");
if (only >= 0) {
  const c = CASES[Number(process.argv[only + 1])];
  if (c) console.log(JSON.stringify(await measure(c)));
} else {
  const runner = fileURLToPath(new URL("../bin/run-ts.mjs", import.meta.url));
  const results = CASES.map((_, index) => {
    const out = execFileSync(
      process.execPath,
      [runner, fileURLToPath(import.meta.url), "--case", String(index)],
      {
        encoding: "utf8",
        maxBuffer: 1024 * 1024,
      },
    );
    const result = JSON.parse(out.trim().split("\n").at(-1) ?? "{}");
    console.log(JSON.stringify(result));
    return result;
  });
  mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
  writeFileSync(
    new URL("./results/import-limits.json", import.meta.url),
    `${JSON.stringify({ measuredAt: new Date().toISOString(), limits: DEFAULT_LIMITS, results }, null, 2)}\n`,
  );
}
