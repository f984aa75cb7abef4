import type { Messages } from "../../catalog.ts";

/** `/balance language`. */
export default {
  title: "Language",
  chosen: "Replies in this workspace are in {name}.",
  auto: "No language is chosen here: replies follow each person's app language (yours: {name}).",
  columnCode: "Code",
  columnLanguage: "Language",
  current: "current",
  howTo:
    "An admin changes it with /balance language <code>; /balance language auto follows each person's app language again.",
  setTitle: "Language: {name}",
  setSummary: "Replies in this workspace are now in {name}.",
  autoTitle: "Language: automatic",
  autoSummary: "Replies follow each person's app language again (English when it is none of these).",
  forbidden: "only a workspace admin can change the language; nothing was changed",
  unknownCode: '"{code}" is not a language here; use one of {choices}',
} as const satisfies Messages;
