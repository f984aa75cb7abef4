const NEEDS_ESCAPE = /[\\"]/;

/**
 * A Postgres array literal of text (null → NULL), bound as ONE parameter and cast in SQL
 * (`${textArray(ids)}::text[]`): a page travels as one value per column instead of thousands of
 * bound values (drizzle expands a JS array into one parameter per item) or a JSON document.
 */
export function textArray(values: readonly (string | null | undefined)[]): string {
  // Most values (ids, amounts) need no escaping; a JSON document has many quotes, and two plain
  // replaceAll calls escape it several times faster than one regular expression with a callback.
  const item = (v: string | null | undefined) =>
    v === null || v === undefined
      ? "NULL"
      : `"${NEEDS_ESCAPE.test(v) ? v.replaceAll("\\", "\\\\").replaceAll('"', '\\"') : v}"`;
  return `{${values.map(item).join(",")}}`;
}
