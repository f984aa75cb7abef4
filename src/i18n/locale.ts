/** The languages the bot speaks. A new one will not compile until every catalog has it. */
export const LOCALES = ["en", "id", "vi", "th"] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "en";

/** Each language's name in itself, for `/balance language`. */
export const NATIVE_NAMES: Record<Locale, string> = {
  en: "English",
  id: "Bahasa Indonesia",
  vi: "Tiếng Việt",
  th: "ภาษาไทย",
};

/**
 * The BCP 47 tag handed to Intl. English stays en-US (the bot's English so far); the others are
 * the language as written in its own market. Thai dates follow Intl's default there: the Buddhist
 * calendar (2569 for 2026), as Thai banking apps show them.
 */
export const INTL_TAG: Record<Locale, string> = {
  en: "en-US",
  id: "id-ID",
  vi: "vi-VN",
  th: "th-TH",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * A platform's locale tag as one of ours, or undefined when we don't speak it: Discord "id",
 * "vi", "th", "en-US"; Slack "id-ID"; Telegram's language_code; LINE "th"; a POSIX LANG such as
 * "th_TH.UTF-8". "in" is the legacy code for Indonesian that Java and Android still send.
 */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const primary = tag
    .trim()
    .replace(/[.@].*$/, "")
    .split(/[-_]/)[0]
    ?.toLowerCase();
  if (primary === "in") return "id";
  return isLocale(primary) ? primary : undefined;
}
