import { UserError } from "./errors.ts";

const MAX_INPUT = 2000;

/** Splits command text into tokens; "double" or 'single' quotes keep spaces; smart quotes count. */
export function tokenize(text: string): string[] {
  if (text.length > MAX_INPUT)
    throw new UserError(`that command is ${text.length} characters long; the limit is ${MAX_INPUT}`);
  const normalised = text.replace(/[\u201C\u201D\u2018\u2019]/g, (c) =>
    c === "\u2018" || c === "\u2019" ? "'" : '"',
  );
  const tokens: string[] = [];
  // shop:"US store" keeps its space; so do "quoted" and 'quoted' words.
  const pattern = /([A-Za-z_-]+:)"([^"]*)"|([A-Za-z_-]+:)'([^']*)'|"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let m = pattern.exec(normalised); m; m = pattern.exec(normalised)) {
    tokens.push(
      m[1] !== undefined
        ? `${m[1]}${m[2]}`
        : m[3] !== undefined
          ? `${m[3]}${m[4]}`
          : (m[5] ?? m[6] ?? m[7] ?? ""),
    );
  }
  return tokens;
}

/** Removes a leading "/balance" (the console and tests type it; Slack strips it already). */
export function stripCommandName(tokens: string[]): string[] {
  return tokens[0]?.toLowerCase() === "/balance" || tokens[0]?.toLowerCase() === "balance"
    ? tokens.slice(1)
    : tokens;
}
