/**
 * A Postgres array literal of text (null → NULL), bound as ONE parameter and cast in SQL
 * (`${textArray(ids)}::text[]`): a page travels as one value per column instead of thousands of
 * bound values (drizzle expands a JS array into one parameter per item) or a JSON document.
 */
export function textArray(values: readonly (string | null | undefined)[]): string {
  const item = (v: string | null | undefined) =>
    v === null || v === undefined ? "NULL" : `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  return `{${values.map(item).join(",")}}`;
}
