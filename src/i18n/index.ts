export type { Area, Messages, Translation } from "./catalog.ts";
export { defineArea } from "./catalog.ts";
export type { DateStyle, Formatters } from "./format.ts";
export { formattersFor } from "./format.ts";
export type { Locale } from "./locale.ts";
export { DEFAULT_LOCALE, INTL_TAG, isLocale, LOCALES, matchLocale, NATIVE_NAMES } from "./locale.ts";
export type { MessageKey, MessageValues, Translator, Words } from "./translate.ts";
export { allMessageKeys, messageSource, translator } from "./translate.ts";
