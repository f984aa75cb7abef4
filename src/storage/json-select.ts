/**
 * Several reads in one round trip: each read becomes a subquery that returns its rows as one json
 * value (an object, or an array of objects), and one `select` holds them all. PGlite runs queries
 * one after another, so a reply built from one query instead of nine answers in about one query's
 * time; on Postgres it saves the round trips.
 *
 * Amounts (numeric) are sent as json text, never json numbers, so they stay exact; instants come
 * back as ISO strings and `fromJson` makes them Dates again.
 */
import { type AnyColumn, is, type SQL, sql } from "drizzle-orm";
import { PgNumeric, PgTimestamp } from "drizzle-orm/pg-core";

/** A json object's fields, by the name the reader sees: columns, or SQL expressions. */
export type JsonFields = Record<string, AnyColumn | SQL>;

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

/** `json_build_object` of the fields (numerics as text, so amounts stay exact). */
export function jsonObject(fields: JsonFields): SQL {
  const parts = Object.entries(fields).map(([name, value]) => {
    if (!FIELD_NAME.test(name)) throw new Error(`json field name "${name}" is not a plain identifier`);
    return sql`${sql.raw(`'${name}'`)}, ${is(value, PgNumeric) ? sql`${value}::text` : value}`;
  });
  return sql`json_build_object(${sql.join(parts, sql`, `)})`;
}

/** The first row of `from` (a table and its conditions) as one json object; null when none. */
export function jsonFirst(fields: JsonFields, from: SQL): SQL {
  return sql`(select ${jsonObject(fields)} from ${from} limit 1)`;
}

/**
 * The rows of `from` (a table, its conditions, any grouping) as one json array, `[]` when none.
 * With `order`, the array is in that order (kept by a row number: json_agg alone does not promise
 * its input's order) and `limit` takes the first rows of it.
 */
export function jsonArray(fields: JsonFields, from: SQL, options: { order?: SQL; limit?: number } = {}): SQL {
  const { order, limit } = options;
  // The rows are built in a subquery: its fields may be aggregates (a grouped read), which
  // json_agg cannot hold directly.
  const limited = limit === undefined ? sql`` : sql` limit ${sql.raw(String(Math.trunc(limit)))}`;
  if (!order) {
    return sql`(select coalesce(json_agg(t.j), '[]'::json) from (
      select ${jsonObject(fields)} as j from ${from}${limited}) t)`;
  }
  return sql`(select coalesce(json_agg(t.j order by t.n), '[]'::json) from (
    select ${jsonObject(fields)} as j, row_number() over (order by ${order}) as n
    from ${from} order by ${order}${limited}) t)`;
}

/** The names of the fields that are instants (timestamp columns): `fromJson` revives them. */
export function instantsOf(fields: JsonFields): string[] {
  return Object.entries(fields)
    .filter(([, value]) => is(value, PgTimestamp))
    .map(([name]) => name);
}

/**
 * A json value as the driver hands it over (postgres.js: text; PGlite: parsed) as `T`, with the
 * named instant fields of each object made Dates.
 */
export function fromJson<T>(value: unknown, instants: readonly string[] = []): T {
  const parsed: unknown = typeof value === "string" ? JSON.parse(value) : value;
  const revive = (row: unknown) => {
    if (row === null || typeof row !== "object") return row;
    const out = { ...(row as Record<string, unknown>) };
    for (const name of instants) {
      const at = out[name];
      if (typeof at === "string") out[name] = new Date(at);
    }
    return out;
  };
  return (Array.isArray(parsed) ? parsed.map(revive) : revive(parsed ?? null)) as T;
}

/** The rows of `db.execute` on either driver (postgres.js returns the rows, PGlite `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
