#!/usr/bin/env node
// `npm ci` runs this (the prepare script):
// 1. compiles src/ and commands/ to dist/ (tsconfig.build.json), so `npm start` runs plain
//    JavaScript: no TypeScript loader in memory, no transpiling at start;
// 2. (unless `--compile-only`) makes the PGlite cluster template, so a new embedded database needs no initdb
//    (src/storage/pglite-template.ts).
// A step that cannot run here (no sources, no compiler: `npm ci --omit=dev`) is skipped with a line
// saying so; the bin then runs the sources through tsx (bin/compiled.mjs).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { STAMP } from "./compiled.mjs";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const run = (args) => spawnSync(process.execPath, args, { cwd: ROOT, stdio: "inherit" }).status === 0;

function compile() {
  if (!existsSync(`${ROOT}src`) || !existsSync(`${ROOT}tsconfig.build.json`)) {
    return console.log("build: no sources here, nothing to compile");
  }
  let tsc;
  try {
    // Its bin is not exported: found beside its package.json.
    const manifest = createRequire(import.meta.url).resolve("typescript/package.json");
    tsc = `${manifest.slice(0, -"package.json".length)}bin/tsc`;
  } catch {
    return console.log(
      "build: no TypeScript compiler (dev dependencies omitted): the bin runs the sources through tsx",
    );
  }
  const started = new Date();
  rmSync(`${ROOT}dist`, { recursive: true, force: true });
  if (!run([tsc, "-p", "tsconfig.build.json"])) {
    rmSync(`${ROOT}dist`, { recursive: true, force: true });
    return console.log("build: compiling failed: the bin runs the sources through tsx");
  }
  mkdirSync(`${ROOT}dist`, { recursive: true });
  // Stamped with the time the compile began: a source saved while it ran counts as newer.
  writeFileSync(STAMP, `${started.toISOString()}\n`);
  utimesSync(STAMP, started, started);
  console.log("build: compiled to dist/");
}

compile();
// `--compile-only`: the Dockerfile's build stage, whose node_modules is not the image's.
if (!process.argv.includes("--compile-only") && existsSync(`${ROOT}src/storage/pglite-template.ts`)) {
  if (!run([`${ROOT}bin/run-ts.mjs`, `${ROOT}src/storage/pglite-template.ts`])) {
    console.log("build: no PGlite cluster template made: a new embedded database runs initdb itself");
  }
}
