import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/storage/database.ts";
import { templatePath, writeTemplate } from "../../src/storage/pglite-template.ts";

// A new embedded database starts from the cluster tarball `npm ci` made instead of running
// initdb (src/storage/pglite-template.ts). Here the tarball is one of the test's own, marked by a
// table, so what the database was made from can be seen.
const dir = mkdtempSync(join(tmpdir(), "bb-template-"));
const marked = join(dir, "marked.tar.gz");

/** Whether a table exists in the database. */
async function hasTable(database: Awaited<ReturnType<typeof openDatabase>>, name: string): Promise<boolean> {
  const result = (await database.db.execute(
    sql`select to_regclass(${`public.${name}`}) is not null as present`,
  )) as unknown as { rows: { present: boolean }[] };
  return result.rows[0]?.present === true;
}

beforeAll(async () => {
  await writeTemplate(marked, async (client) => {
    await client.exec("create table made_from_template (id int)");
  });
}, 120_000);

describe("the PGlite cluster template", () => {
  it("is named for the installed PGlite version, so another version's tarball is never loaded", () => {
    expect(templatePath()).toMatch(
      /node_modules\/\.cache\/balance-bot\/pglite-\d+\.\d+\.\d+-cluster\.tar\.gz$/,
    );
  });

  it("a new DATA_DIR starts from it, migrates, and keeps its own data after a restart", async () => {
    const dataDir = join(dir, "data");
    const first = await openDatabase({ dataDir, pgliteTemplate: marked });
    try {
      expect(await hasTable(first, "made_from_template")).toBe(true);
      await first.migrate();
      await first.db.execute(sql`drop table made_from_template`);
    } finally {
      await first.close();
    }
    expect(existsSync(join(dataDir, "pglite", "PG_VERSION"))).toBe(true);
    // An existing cluster is opened as it is: the template is not loaded over it.
    const again = await openDatabase({ dataDir, pgliteTemplate: marked });
    try {
      expect(await hasTable(again, "made_from_template")).toBe(false);
      expect(await hasTable(again, "shops")).toBe(true);
    } finally {
      await again.close();
    }
  }, 120_000);

  it("without a tarball, a new database runs initdb as before", async () => {
    const database = await openDatabase({ pgliteTemplate: join(dir, "absent.tar.gz") });
    try {
      expect(await hasTable(database, "made_from_template")).toBe(false);
      await database.migrate();
      expect(await hasTable(database, "shops")).toBe(true);
    } finally {
      await database.close();
    }
  }, 120_000);
});
