import { existsSync, mkdirSync, openAsBlob, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { PACKAGE_ROOT } from "../paths.ts";

/**
 * A freshly initialised PGlite cluster, kept as a tarball (issue 17 item 1).
 *
 * Opening PGlite on an empty directory runs initdb, and PGlite does it in a second, temporary
 * instance of itself: two WebAssembly heaps plus the dumped cluster at once. Measured here, that
 * first open peaks at about 700–790 MiB RSS and takes 5–10 s, against about 170–300 MiB and
 * 1.3 s when the cluster is loaded from this tarball (`loadDataDir`). So `npm ci` (the package's
 * `prepare` script) makes the tarball once, with the installed PGlite, and every new DATA_DIR and
 * every in-memory database (the tests) starts from it. A tarball made by another PGlite version
 * is not used (its name carries the version); without one, PGlite runs initdb as before.
 *
 * The cluster holds no schema of ours: migrations run on it as on any new database.
 */

const ROOT = PACKAGE_ROOT;

/** PGlite's settings for the bot: the shared buffers PGlite's default (128 MB) would take are
 * far more than a shop's working set, and they stay in the WebAssembly heap for good. */
export const PGLITE_START_PARAMS = ["-c", "shared_buffers=16MB"];

function pgliteVersion(): string {
  // Its package.json is not exported: found from the resolved entry, one directory above dist/.
  const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  const manifest = join(entry.slice(0, entry.lastIndexOf(`${sep}dist${sep}`)), "package.json");
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}

/** Where the tarball for the installed PGlite lives (under node_modules, so `npm ci` renews it). */
export function templatePath(): string {
  return join(ROOT, "node_modules", ".cache", "balance-bot", `pglite-${pgliteVersion()}-cluster.tar.gz`);
}

/** The tarball as a Blob for PGlite's `loadDataDir`, or undefined when there is none. */
export async function readTemplate(path = templatePath()): Promise<Blob | undefined> {
  if (!existsSync(path)) return undefined;
  return openAsBlob(path);
}

/** Makes the tarball (initdb once, in this process; `prepare` runs a statement first, for tests). */
export async function writeTemplate(
  path = templatePath(),
  prepare?: (client: { exec(sql: string): Promise<unknown> }) => Promise<void>,
): Promise<{ path: string; bytes: number }> {
  const { PGlite } = await import("@electric-sql/pglite");
  const client = new PGlite({ startParams: [...PGlite.defaultStartParams, ...PGLITE_START_PARAMS] });
  try {
    await client.waitReady;
    await prepare?.(client);
    const dump = await client.dumpDataDir("gzip");
    mkdirSync(dirname(path), { recursive: true });
    // Written aside and renamed: a half-written tarball is never taken for a cluster.
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, path);
    return { path, bytes: dump.size };
  } finally {
    await client.close();
  }
}

// `node bin/run-ts.mjs src/storage/pglite-template.ts`: what `prepare` runs.
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  if (existsSync(templatePath()) && !process.argv.includes("--force")) {
    console.log(`PGlite cluster template present: ${templatePath()}`);
  } else {
    const { path, bytes } = await writeTemplate();
    console.log(`PGlite cluster template written: ${path} (${Math.round(bytes / 1024)} KiB)`);
  }
}
