/**
 * Tolerant reading of a page's records (issue 11 item 3): each record is parsed on its own, so
 * one record this version cannot read never costs the rest of the page. A record that fails its
 * schema (no id, a money-critical amount missing or malformed) is skipped and reported; a record
 * with a value this version does not know (a new status or type) is kept raw and reported.
 */
import type { z } from "zod";
import type { ReadAnomaly } from "../port.ts";

export interface ReadResult<T> {
  items: T[];
  anomalies: ReadAnomaly[];
}

/** Parses each raw record; `check` names the unknown values of a record that did parse. */
export function readEach<T>(
  rows: readonly unknown[] | null | undefined,
  schema: z.ZodType<T>,
  check: (record: T) => ReadAnomaly[] = () => [],
): ReadResult<T> {
  const items: T[] = [];
  const anomalies: ReadAnomaly[] = [];
  for (const raw of rows ?? []) {
    const parsed = schema.safeParse(raw);
    if (parsed.success) {
      items.push(parsed.data);
      anomalies.push(...check(parsed.data));
      continue;
    }
    const issue = parsed.error.issues[0];
    anomalies.push({
      kind: "skipped",
      recordId: idOf(raw),
      field: issue?.path.map(String).join(".") || "record",
      value: (issue?.message ?? "unreadable").slice(0, 120),
    });
  }
  return { items, anomalies };
}

/** An anomaly for a value outside `known`, or none. */
export function unknownValue(
  known: ReadonlySet<string>,
  recordId: string,
  field: string,
  value: string | null,
): ReadAnomaly[] {
  return value === null || known.has(value)
    ? []
    : [{ kind: "unknown", recordId, field, value: value.slice(0, 60) }];
}

function idOf(raw: unknown): string | null {
  if (!raw || typeof raw !== "object") return null;
  const id = (raw as Record<string, unknown>).id;
  return typeof id === "string" && id !== "" ? id : null;
}
