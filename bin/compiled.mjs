// Whether the compiled bot in dist/ (bin/build.mjs, run by `npm ci`) is there and not older than
// the sources: the bin runs it when it is, and the TypeScript sources through tsx when not, so an
// edited source is never run from a stale build.
import { existsSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
export const STAMP = `${ROOT}dist/.built`;
const SOURCES = ["src", "commands"];

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|mjs)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The URL of `file` (e.g. "src/cli/main.js") in dist/, or undefined: run the sources instead
 * (no build, a source newer than it, or BALANCE_BOT_FROM_SOURCE=1). `root` is for tests.
 */
export function compiledEntry(file, root = ROOT) {
  const stamp = `${root}dist/.built`;
  if (process.env.BALANCE_BOT_FROM_SOURCE === "1" || !existsSync(stamp)) return undefined;
  const built = statSync(stamp).mtimeMs;
  for (const dir of SOURCES) {
    const path = `${root}${dir}`;
    if (existsSync(path) && newestSource(path) > built) return undefined;
  }
  const entry = `${root}dist/${file}`;
  return existsSync(entry) ? new URL(`file://${entry}`) : undefined;
}
