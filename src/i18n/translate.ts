import { IntlMessageFormat } from "intl-messageformat";
import { type Formatters, formattersFor } from "./format.ts";
import { INTL_TAG, type Locale } from "./locale.ts";
import * as areas from "./messages/index.ts";

type Areas = typeof areas;

/** Every message key: `<area>.<key>`, e.g. "shops.title". */
export type MessageKey = {
  [A in keyof Areas]: `${A & string}.${keyof Areas[A]["en"] & string}`;
}[keyof Areas];

/** Placeholder values: text (money already formatted with `fmt`), numbers (plurals), dates. */
export type MessageValues = Readonly<Record<string, string | number | Date>>;

/** Messages and formatting in one language, as commands get them on their context. */
export interface Translator {
  readonly locale: Locale;
  /** The message in this language; throws when a placeholder has no value (never prints "{amount}"). */
  t(key: MessageKey, values?: MessageValues): string;
  readonly fmt: Formatters;
}

/** Messages and formats of one language: a CommandContext is one (pass `ctx`). */
export type Words = Pick<Translator, "t" | "fmt">;

/** The ICU source of a key in a language (for tests and tools). */
export function messageSource(locale: Locale, key: string): string {
  const dot = key.indexOf(".");
  const area = (areas as Record<string, Record<Locale, Record<string, string>>>)[key.slice(0, dot)];
  const source = area?.[locale]?.[key.slice(dot + 1)];
  if (dot < 1 || source === undefined) throw new Error(`no message "${key}" in ${locale}`);
  return source;
}

/** Every key of every area, as `<area>.<key>`. */
export function allMessageKeys(): MessageKey[] {
  return Object.entries(areas).flatMap(([area, catalogs]) =>
    Object.keys(catalogs.en).map((key) => `${area}.${key}` as MessageKey),
  );
}

// Parsing a message is the slow part: once per (language, key) for the life of the process.
const compiled = new Map<string, IntlMessageFormat>();

function compile(locale: Locale, key: string): IntlMessageFormat {
  const id = `${locale}|${key}`;
  let message = compiled.get(id);
  if (!message) {
    // ignoreTag: "<name>" in usage text is literal, not ICU rich-text markup.
    message = new IntlMessageFormat(messageSource(locale, key), INTL_TAG[locale], undefined, {
      ignoreTag: true,
    });
    compiled.set(id, message);
  }
  return message;
}

const translators = new Map<Locale, Translator>();

export function translator(locale: Locale): Translator {
  let found = translators.get(locale);
  if (!found) {
    found = {
      locale,
      t: (key, values) => {
        const text = compile(locale, key).format<string>(values);
        if (typeof text !== "string") throw new Error(`message "${key}" did not format to text`);
        return text;
      },
      fmt: formattersFor(locale),
    };
    translators.set(locale, found);
  }
  return found;
}
