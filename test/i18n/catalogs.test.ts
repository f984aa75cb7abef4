import {
  isArgumentElement,
  isDateElement,
  isNumberElement,
  isPluralElement,
  isSelectElement,
  isTimeElement,
  type MessageFormatElement,
  parse,
} from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { allMessageKeys, INTL_TAG, LOCALES, messageSource } from "../../src/i18n/index.ts";

/** Each ICU argument of a message as "name:type" (selects also list their cases). */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (isArgumentElement(el)) into.add(`${el.value}:text`);
    else if (isNumberElement(el)) into.add(`${el.value}:number`);
    else if (isDateElement(el) || isTimeElement(el)) into.add(`${el.value}:date`);
    else if (isPluralElement(el)) into.add(`${el.value}:plural`);
    else if (isSelectElement(el)) into.add(`${el.value}:select(${Object.keys(el.options).sort().join("|")})`);
    if (isPluralElement(el) || isSelectElement(el))
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
  }
  return into;
}

/** Every plural case a message uses, with the language it is in. */
function pluralCases(elements: MessageFormatElement[], into: string[] = []): string[] {
  for (const el of elements) {
    if (isPluralElement(el)) into.push(...Object.keys(el.options));
    if (isPluralElement(el) || isSelectElement(el))
      for (const option of Object.values(el.options)) pluralCases(option.value, into);
  }
  return into;
}

const keys = allMessageKeys();

describe("message catalogs", () => {
  it("has messages", () => {
    expect(keys).toContain("shops.title");
  });

  it.each(keys)("%s parses in every language with the same arguments as English", (key) => {
    const english = [...argumentsOf(parse(messageSource("en", key), { ignoreTag: true }))].sort();
    for (const locale of LOCALES) {
      const ast = parse(messageSource(locale, key), { ignoreTag: true });
      expect([...argumentsOf(ast)].sort(), `${key} in ${locale}`).toEqual(english);
      // Plural cases are the language's own (id, vi, th have only "other"); "=0" is always allowed.
      const categories = new Intl.PluralRules(INTL_TAG[locale]).resolvedOptions().pluralCategories;
      for (const c of pluralCases(ast)) {
        if (!c.startsWith("=")) expect(categories, `${key} in ${locale}: plural case "${c}"`).toContain(c);
      }
    }
  });

  it.each(keys)("%s is translated (not the English text) unless it is only placeholders", (key) => {
    const english = messageSource("en", key);
    const hasWords = /[a-z]{3,}/i.test(english.replace(/\{[^{}]*\}/g, ""));
    for (const locale of LOCALES.filter((l) => l !== "en")) {
      if (hasWords) expect(messageSource(locale, key), `${key} in ${locale}`).not.toBe(english);
    }
  });
});
