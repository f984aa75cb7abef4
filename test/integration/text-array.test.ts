import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/storage/database.ts";
import { rowsOf } from "../../src/storage/json-select.ts";
import { textArray } from "../../src/storage/text-array.ts";
import { createTestDatabase } from "../support/db.ts";

// The array literal every page's columns travel in: whatever a value holds, the database reads
// back exactly that value (PGlite, or Postgres with TEST_DATABASE_URL).
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe("textArray", () => {
  it("round-trips quotes, backslashes, braces, commas, the word NULL, nulls and JSON exactly", async () => {
    const values = [
      "plain",
      "",
      'say "hi"',
      "C:\\path\\to",
      '\\"',
      "{a,b}",
      "a, b",
      "NULL",
      null,
      "Thời Trang ✓",
      JSON.stringify({ note: 'a "quoted" \\ value', n: "12.34" }),
      undefined,
    ];
    // Read back as rows, not as an array: postgres.js parses a returned text[]'s NULL as "NULL".
    const back = rowsOf<{ v: string | null }>(
      await database.db.execute(
        sql`select v from unnest(${textArray(values)}::text[]) with ordinality as t(v, n) order by n`,
      ),
    );
    expect(back.map((r) => r.v)).toEqual(values.map((v) => v ?? null));
  });
});
