import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { type Database, type OpenOptions, openDatabase } from "../../src/storage/database.ts";

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database
 * on the Postgres server named by TEST_DATABASE_URL (dropped again on close). CI runs both.
 */
export async function createTestDatabase(options: Pick<OpenOptions, "onQuery"> = {}): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ ...options });
    await database.migrate();
    return database;
  }
  const name = `bb_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ url: target.toString(), max: 4, ...options });
  await database.migrate();
  return {
    ...database,
    close: async () => {
      await database.close();
      const cleanup = postgres(url, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

export const databaseKind = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";
