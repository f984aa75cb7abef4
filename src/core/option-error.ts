import type { Words } from "../i18n/index.ts";
import { type AnyCommand, usageOf } from "./define-command.ts";
import { UserError } from "./errors.ts";

/**
 * A typed option's value refused by the command itself, worded as the dispatcher words the
 * schema's refusals ('time "25:00" is not a time; …', then the usage) but in the asker's language:
 * for checks a schema's English message could not say in another language.
 */
export function badOptionValue(
  { t }: Words,
  command: AnyCommand,
  option: string,
  value: string,
  problem: string,
): UserError {
  // As the dispatcher shows a typed value: control characters as "?", at most 40 characters.
  const clean = [...value].map((c) => ((c.codePointAt(0) ?? 0) < 32 || c === "\u007f" ? "?" : c)).join("");
  const shown = clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
  return new UserError(t("core.invalidOptionGiven", { option, value: shown, problem }), {
    usage: usageOf(command),
    example: command.example,
  });
}
