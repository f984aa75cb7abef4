import { DISCORD_NAME_PATTERN } from "./command-routes.ts";

/** Discord's documented limits for application commands (application-commands.mdx). */
export const COMMAND_LIMITS = {
  chatInputCommands: 100,
  options: 25,
  choices: 25,
  description: 100,
  choiceName: 100,
  choiceStringValue: 100,
  /**
   * Name + description + choice names/values of a command and everything nested in it: "a maximum
   * of 8000 characters" (application-commands, Slash Commands; it was 4000), and "when localization
   * fields are present, only the longest localization for each field (including the default value)
   * is counted towards the size limit".
   */
  totalChars: 8000,
} as const;

const SUBCOMMAND = 1;
const GROUP = 2;
const VALUE_TYPES = new Set([3, 4, 5, 6, 7, 8, 9, 10, 11]);
const AUTOCOMPLETE_TYPES = new Set([3, 4, 10]);
const NUMERIC_TYPES = new Set([4, 10]);

type Json = Record<string, unknown>;

/**
 * Checks a bulk-overwrite body against Discord's rules for CHAT_INPUT commands and returns every
 * problem found (an empty list means Discord would accept it).
 */
export function validateDiscordCommands(json: unknown): string[] {
  const problems: string[] = [];
  if (!Array.isArray(json)) return ["the body must be an array of commands"];
  if (json.length > COMMAND_LIMITS.chatInputCommands) problems.push("more than 100 chat-input commands");
  checkUniqueNames(json, "top level", problems);
  json.forEach((command, i) => {
    if (!isObject(command)) {
      problems.push(`command ${i} is not an object`);
      return;
    }
    const where = `/${String(command.name)}`;
    if (command.type !== undefined && command.type !== 1)
      problems.push(`${where}: type must be 1 (CHAT_INPUT)`);
    checkNameAndDescription(command, where, problems);
    const dmp = command.default_member_permissions;
    if (dmp !== undefined && dmp !== null && !(typeof dmp === "string" && /^\d+$/.test(dmp))) {
      problems.push(`${where}: default_member_permissions must be a numeric string or null`);
    }
    const options = command.options ?? [];
    if (!Array.isArray(options)) problems.push(`${where}: options must be an array`);
    else checkOptions(options, where, 0, problems);
    const total = countChars(command);
    if (total > COMMAND_LIMITS.totalChars)
      problems.push(`${where}: ${total} characters in total (max ${COMMAND_LIMITS.totalChars})`);
  });
  return problems;
}

function checkOptions(options: unknown[], where: string, depth: number, problems: string[]): void {
  if (options.length > COMMAND_LIMITS.options) problems.push(`${where}: ${options.length} options (max 25)`);
  checkUniqueNames(options, where, problems);
  const kinds = options.map((o) => (isObject(o) ? o.type : undefined));
  const nesting = kinds.filter((t) => t === SUBCOMMAND || t === GROUP).length;
  if (nesting > 0 && nesting < options.length) {
    problems.push(`${where}: subcommands and groups cannot be mixed with value options`);
  }
  let seenOptional = false;
  for (const option of options) {
    if (!isObject(option)) {
      problems.push(`${where}: an option is not an object`);
      continue;
    }
    const at = `${where} ${String(option.name)}`;
    checkNameAndDescription(option, at, problems);
    const type = option.type;
    if (type === GROUP) {
      if (depth !== 0) problems.push(`${at}: a subcommand group may only sit at the top level`);
      const subs = Array.isArray(option.options) ? option.options : [];
      if (subs.length === 0) problems.push(`${at}: a group needs at least one subcommand`);
      if (subs.some((s) => !isObject(s) || s.type !== SUBCOMMAND))
        problems.push(`${at}: a group holds subcommands only`);
      checkOptions(subs, at, depth + 1, problems);
    } else if (type === SUBCOMMAND) {
      if (depth > 1) problems.push(`${at}: subcommands nest at most one group deep`);
      if ("required" in option) problems.push(`${at}: a subcommand cannot be required`);
      const values = Array.isArray(option.options) ? option.options : [];
      if (values.some((v) => isObject(v) && (v.type === SUBCOMMAND || v.type === GROUP))) {
        problems.push(`${at}: a subcommand holds value options only`);
      }
      checkOptions(values, at, 2, problems);
    } else if (typeof type === "number" && VALUE_TYPES.has(type)) {
      if (option.required === true && seenOptional)
        problems.push(`${at}: required options must come before optional ones`);
      if (option.required !== true) seenOptional = true;
      checkValueOption(option, type, at, problems);
    } else {
      problems.push(`${at}: unknown option type ${String(type)}`);
    }
  }
}

function checkValueOption(option: Json, type: number, at: string, problems: string[]): void {
  const choices = option.choices;
  if (choices !== undefined) {
    if (!Array.isArray(choices)) problems.push(`${at}: choices must be an array`);
    else {
      if (choices.length > COMMAND_LIMITS.choices) problems.push(`${at}: ${choices.length} choices (max 25)`);
      if (!AUTOCOMPLETE_TYPES.has(type))
        problems.push(`${at}: choices need a string, integer or number option`);
      for (const choice of choices) {
        const name = isObject(choice) ? choice.name : undefined;
        const value = isObject(choice) ? choice.value : undefined;
        if (typeof name !== "string" || name.length < 1 || name.length > COMMAND_LIMITS.choiceName) {
          problems.push(`${at}: choice name must be 1–100 characters`);
        }
        const stringOk =
          type === 3 && typeof value === "string" && value.length <= COMMAND_LIMITS.choiceStringValue;
        const numberOk = NUMERIC_TYPES.has(type) && typeof value === "number" && Number.isFinite(value);
        const integerOk = type !== 4 || Number.isInteger(value);
        if (!(stringOk || numberOk) || !integerOk)
          problems.push(`${at}: choice value ${String(value)} does not fit the option type`);
      }
    }
  }
  if (option.autocomplete === true) {
    if (!AUTOCOMPLETE_TYPES.has(type))
      problems.push(`${at}: autocomplete needs a string, integer or number option`);
    if (Array.isArray(choices) && choices.length > 0)
      problems.push(`${at}: autocomplete cannot be combined with choices`);
  }
  for (const key of ["min_value", "max_value"]) {
    if (key in option && (!NUMERIC_TYPES.has(type) || typeof option[key] !== "number")) {
      problems.push(`${at}: ${key} is only for integer and number options`);
    }
  }
}

function checkNameAndDescription(item: Json, where: string, problems: string[]): void {
  const { name, description } = item;
  if (typeof name !== "string" || !DISCORD_NAME_PATTERN.test(name)) {
    problems.push(`${where}: name must match ^[-_\\p{L}\\p{N}]{1,32}$`);
  } else if (name !== name.toLowerCase()) {
    problems.push(`${where}: name must be lowercase`);
  }
  if (
    typeof description !== "string" ||
    description.length < 1 ||
    description.length > COMMAND_LIMITS.description
  ) {
    problems.push(`${where}: description must be 1–100 characters`);
  }
}

function checkUniqueNames(items: unknown[], where: string, problems: string[]): void {
  const names = items.map((i) => (isObject(i) ? i.name : undefined));
  const dupes = names.filter((n, i) => names.indexOf(n) !== i);
  for (const name of new Set(dupes)) problems.push(`${where}: duplicate name "${String(name)}"`);
}

function countChars(item: Json): number {
  let total = 0;
  for (const key of ["name", "description"]) {
    const v = item[key];
    const localized = item[`${key}_localizations`];
    const variants = isObject(localized) ? Object.values(localized).filter((l) => typeof l === "string") : [];
    if (typeof v === "string") total += Math.max(v.length, ...variants.map((l) => (l as string).length));
  }
  for (const choice of Array.isArray(item.choices) ? item.choices : []) {
    if (isObject(choice)) total += String(choice.name ?? "").length + String(choice.value ?? "").length;
  }
  for (const option of Array.isArray(item.options) ? item.options : []) {
    if (isObject(option)) total += countChars(option);
  }
  return total;
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
