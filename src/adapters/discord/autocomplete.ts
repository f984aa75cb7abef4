import type { OptionInfo } from "../../core/define-command.ts";
import { PERIOD_SUGGESTIONS } from "./commands-json.ts";

/** Discord shows at most 25 autocomplete results. */
export const AUTOCOMPLETE_MAX = 25;
const MONTHS_SUGGESTED = 12;
const CHOICE_MAX = 100;

let zones: readonly string[] | undefined;

/** IANA zones the runtime knows, plus "UTC" (which some runtimes list only as an alias). */
function timeZones(): readonly string[] {
  zones ??= [...new Set(["UTC", ...Intl.supportedValuesOf("timeZone")])];
  return zones;
}

/**
 * Suggestions for the focused option: zones from the IANA list, periods from the presets and
 * recent months (free text such as a date range still goes through), and long enums filtered.
 */
export function suggest(info: OptionInfo, typed: string, now: Date): { name: string; value: string }[] {
  const query = typed.trim().toLowerCase();
  let candidates: readonly string[];
  if (info.kind === "zone") candidates = rank(timeZones(), query.replace(/\s+/g, "_"));
  else if (info.kind === "period") {
    const ranked = rank([...PERIOD_SUGGESTIONS, ...recentMonths(now)], query);
    // Echo what was typed so a custom period (a date, a range) can be picked as typed.
    candidates = query && !ranked.includes(query) ? [typed.trim(), ...ranked] : ranked;
  } else candidates = rank(info.choices ?? [], query);
  return candidates
    .slice(0, AUTOCOMPLETE_MAX)
    .map((c) => ({ name: c.slice(0, CHOICE_MAX), value: c.slice(0, CHOICE_MAX) }));
}

/** The workspace's shop names that match what was typed (prefix of the name or of a word first). */
export function suggestShops(names: readonly string[], typed: string): { name: string; value: string }[] {
  const query = typed.trim().toLowerCase();
  const byWord = (name: string) =>
    name
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .some((w) => w.startsWith(query));
  const ranked = query
    ? [
        ...names.filter((n) => byWord(n)),
        ...names.filter((n) => !byWord(n) && n.toLowerCase().includes(query)),
      ]
    : [...names];
  return ranked
    .slice(0, AUTOCOMPLETE_MAX)
    .map((n) => ({ name: n.slice(0, CHOICE_MAX), value: n.slice(0, CHOICE_MAX) }));
}

/** Prefix matches (on the whole value or any "/"-separated part) first, then substring matches. */
function rank(values: readonly string[], query: string): string[] {
  if (!query) return [...values];
  const prefix: string[] = [];
  const inner: string[] = [];
  for (const value of values) {
    const lower = value.toLowerCase();
    if (lower.startsWith(query) || lower.split("/").some((part) => part.startsWith(query)))
      prefix.push(value);
    else if (lower.includes(query)) inner.push(value);
  }
  return [...prefix, ...inner];
}

function recentMonths(now: Date): string[] {
  const months: string[] = [];
  for (let i = 1; i <= MONTHS_SUGGESTED; i++) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    months.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`);
  }
  return months;
}
