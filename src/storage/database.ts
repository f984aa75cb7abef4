import { existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { PACKAGE_ROOT } from "../paths.ts";
import { PGLITE_START_PARAMS, readTemplate } from "./pglite-template.ts";
import * as schema from "./schema/index.ts";

export type Schema = typeof schema;
/** Either driver: both are drizzle Postgres databases with the same schema. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A database or an open transaction: repository functions accept both. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0] | Db;

export interface Database {
  db: Db;
  kind: "postgres" | "pglite";
  /** Applies the committed migrations (idempotent; serialised across replicas on Postgres). */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = join(PACKAGE_ROOT, "migrations");
// Any constant works; it only has to be the same for every replica.
const MIGRATION_LOCK = 7_283_114;

export interface OpenOptions {
  /** Postgres URL; when absent, embedded PGlite. */
  url?: string | undefined;
  /** PGlite data directory; absent (with no url) → in memory. */
  dataDir?: string | undefined;
  /** Postgres pool size. */
  max?: number;
  /** The tarball a new PGlite cluster starts from (default: the one `npm ci` made). */
  pgliteTemplate?: string;
  /** Sees every statement's text as it is sent (tests count a reply's round trips with it). */
  onQuery?: (query: string) => void;
}

/** Drizzle's logger hook for `onQuery`, when one is given. */
function loggerFor(onQuery: OpenOptions["onQuery"]) {
  return onQuery ? { logger: { logQuery: (query: string) => onQuery(query) } } : {};
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.max ?? 10, options.onQuery);
  return openPglite(options.dataDir, options.pgliteTemplate, options.onQuery);
}

// Drivers load on demand: a Postgres deployment never pays for PGlite's WASM, and vice versa.
async function openPglite(
  dataDir: string | undefined,
  templateFile?: string,
  onQuery?: OpenOptions["onQuery"],
): Promise<Database> {
  const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("drizzle-orm/pglite"),
    import("drizzle-orm/pglite/migrator"),
  ]);
  const dir = dataDir ? resolve(dataDir, "pglite") : undefined;
  if (dir) mkdirSync(dir, { recursive: true });
  // A new cluster starts from the template `npm ci` made, when there is one (src/storage/pglite-template.ts).
  const fresh = !dir || !existsSync(resolve(dir, "PG_VERSION"));
  const template = fresh ? await readTemplate(templateFile) : undefined;
  const options = {
    startParams: [...PGlite.defaultStartParams, ...PGLITE_START_PARAMS],
    ...(template ? { loadDataDir: template } : {}),
  };
  const client = dir ? new PGlite(dir, options) : new PGlite(options);
  await client.waitReady;
  const pglite = drizzlePglite(client, { schema, ...loggerFor(onQuery) });
  const db: Db = pglite;
  return {
    db,
    kind: "pglite",
    migrate: async () => {
      await migratePglite(pglite, { migrationsFolder: MIGRATIONS_DIR });
    },
    close: async () => {
      await client.close();
    },
  };
}

async function openPostgres(url: string, max: number, onQuery?: OpenOptions["onQuery"]): Promise<Database> {
  const [{ default: postgres }, { drizzle: drizzlePostgres }, { migrate: migratePostgres }] =
    await Promise.all([
      import("postgres"),
      import("drizzle-orm/postgres-js"),
      import("drizzle-orm/postgres-js/migrator"),
    ]);
  const client = postgres(url, { max, onnotice: () => {}, connect_timeout: 10, idle_timeout: 60 });
  const db: Db = drizzlePostgres(client, { schema, ...loggerFor(onQuery) });
  return {
    db,
    kind: "postgres",
    migrate: async () => {
      // One connection, holding an advisory lock, so two replicas starting together don't race.
      const one = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
      try {
        await one`select pg_advisory_lock(${MIGRATION_LOCK})`;
        await migratePostgres(drizzlePostgres(one), { migrationsFolder: MIGRATIONS_DIR });
        await one`select pg_advisory_unlock(${MIGRATION_LOCK})`;
      } finally {
        await one.end({ timeout: 5 });
      }
    },
    close: async () => {
      await client.end({ timeout: 5 });
    },
  };
}

/** A cheap round trip, for readiness checks. */
export async function ping(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}

const DOWN_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08006",
]);

/** Whether an error means "the database is not reachable right now" (worth a "try again"). */
export function isDatabaseDown(error: unknown): boolean {
  for (let e: unknown = error, i = 0; e && i < 5; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && DOWN_CODES.has(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
