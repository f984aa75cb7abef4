import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { type Database, openDatabase } from "../../src/storage/database.ts";

/** The Postgres server the benchmarks create their scratch databases on (trust auth). */
export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

let counter = 0;

/** A scratch database: its URL, and a drop that removes it (with force) when the figure is done. */
export interface ScratchPostgres {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** Creates an empty database `bench_<pid>_<n>` on the benchmark server. */
export async function createScratchPostgres(): Promise<ScratchPostgres> {
  const name = `bench_${process.pid}_${++counter}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const cleanup = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
      try {
        await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

/** An open, migrated database of either kind, and how to get rid of it afterwards. */
export interface ScratchDatabase {
  database: Database;
  /** Postgres URL (postgres kind) or PGlite data directory (pglite kind). */
  where: string;
  dispose(): Promise<void>;
}

/** A fresh migrated database: a scratch Postgres database, or PGlite in a temporary DATA_DIR. */
export async function openScratch(kind: "postgres" | "pglite"): Promise<ScratchDatabase> {
  if (kind === "postgres") {
    const scratch = await createScratchPostgres();
    const database = await openDatabase({ url: scratch.url });
    await database.migrate();
    return {
      database,
      where: scratch.url,
      async dispose() {
        // The app may have closed it already (App.close closes its database).
        await database.close().catch(() => {});
        await scratch.drop();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "bench-pglite-"));
  const database = await openDatabase({ dataDir: dir });
  await database.migrate();
  return {
    database,
    where: dir,
    async dispose() {
      await database.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A temporary directory removed by the returned function. */
export function tempDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
