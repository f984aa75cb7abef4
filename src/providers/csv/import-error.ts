import { UserError } from "../../core/errors.ts";
import { type MessageKey, translator, type Words } from "../../i18n/index.ts";

/**
 * What an import says, as data so it crosses the reader's worker thread and is worded in the
 * reader's language at the end: a message key with its values (a value may itself be one), or
 * text that is not translated yet.
 */
export type Said = string | Problem;
export interface Problem {
  key: MessageKey;
  values?: Readonly<Record<string, string | number | Problem>>;
}

const ENGLISH = translator("en");

/** A `Said` in a language (English by default). */
export function say(said: Said, words: Words = ENGLISH): string {
  if (typeof said === "string") return said;
  const values = Object.fromEntries(
    Object.entries(said.values ?? {}).map(([k, v]) => [k, typeof v === "object" ? say(v, words) : v]),
  );
  return words.t(said.key, values);
}

/**
 * The export cannot be imported; nothing was written. `problems` lists every reason, bad rows
 * as "row 14: Total settlement amount "12,5O" is not a number" (spreadsheet row numbers), in
 * English; `said` and `summary` word them in any language.
 */
export class ImportError extends UserError {
  override readonly name: string = "ImportError";
  constructor(
    readonly summary: Said,
    readonly said: readonly Said[] = [],
  ) {
    super(say(summary));
  }

  get problems(): string[] {
    return this.said.map((p) => say(p));
  }
}
