/**
 * Catalog types. An area's English file defines its keys (`as const satisfies Messages`); each
 * other language is typed `satisfies Translation<typeof en>`, so a missing or an extra key is a
 * typecheck error.
 */
import type { Locale } from "./locale.ts";

/** ICU MessageFormat strings by key, e.g. `{ title: "Linked shops ({count})" }`. */
export type Messages = Readonly<Record<string, string>>;

/** The same keys as the English file, each an ICU message in another language. */
export type Translation<T extends Messages> = { readonly [K in keyof T]: string };

/** One area's catalogs, one per language. */
export type Area<T extends Messages> = { readonly en: T } & {
  readonly [L in Exclude<Locale, "en">]: Translation<T>;
};

export function defineArea<T extends Messages>(area: Area<T>): Area<T> {
  return area;
}
