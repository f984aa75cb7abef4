import type { OptionInfo } from "./define-command.ts";
import type { Invocation } from "./invocation.ts";
import { stripCommandName, tokenize } from "./parse.ts";

/** The word that asks for an answer only the asker sees: `/balance earnings 7d private`. */
export const PRIVATE_WORD = "private";

/**
 * The report commands (every command that answers with figures), which also take `private` as a
 * typed option (Discord's boolean). The word works after any command in text; settings and
 * lists (alerts list, shops, status) don't get the option, because Discord caps /balance at 4000
 * characters of names and descriptions and every report needs it more.
 */
export const PRIVATE_REPORTS: ReadonlySet<string> = new Set([
  "",
  "earnings",
  "breakdown",
  "reconcile",
  "payouts",
  "chart",
  "statements",
  "statement",
  "products",
  "order",
  "creators",
  "goal list",
]);

/** The typed option, as adapters that take typed options offer it. */
export const PRIVATE_OPTION: OptionInfo = {
  name: PRIVATE_WORD,
  description: "Only you see it",
  describedBy: { key: "commands.option private" },
  required: false,
  type: "boolean",
  positional: false,
};

/**
 * Takes the `private` flag out of an invocation: the word among the text's tokens (a quoted
 * "private" shop name is one token with its quotes' content, so it is not the flag), or a typed
 * `private: true`. The rest goes to the command as if the flag had never been there.
 */
export function takePrivateFlag(invocation: Invocation): { invocation: Invocation; private: boolean } {
  if (invocation.options) {
    const { [PRIVATE_WORD]: flag, ...values } = invocation.options.values;
    if (flag === undefined) return { invocation, private: false };
    return {
      invocation: { ...invocation, options: { ...invocation.options, values } },
      private: flag === true,
    };
  }
  const tokens = stripCommandName(tokenize(invocation.text ?? ""));
  const at = tokens.findIndex((t) => t.toLowerCase() === PRIVATE_WORD);
  if (at === -1) return { invocation, private: false };
  const rest = tokens.filter((_, i) => i !== at).map(requote);
  return { invocation: { ...invocation, text: rest.join(" ") }, private: true };
}

/** A token back as typed: `shop:Acme US` → `shop:"Acme US"`, `Acme US` → `"Acme US"`. */
function requote(token: string): string {
  if (!/\s/.test(token)) return token;
  const named = /^([A-Za-z_-]+:)(.*)$/s.exec(token);
  return named ? `${named[1]}"${named[2]}"` : `"${token}"`;
}
