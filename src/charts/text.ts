/** Pure text helpers for chart labels: short day names and title wrapping. */

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * "2026-11-03" → "Nov 3"; with `withYear`, "Nov 3 '26". The ISO day is already local to the shop,
 * so it is read as text rather than through `Date`, which would shift it by the host's time zone.
 */
export function formatShortDay(day: string, withYear = false): string {
  const match = ISO_DAY.exec(day);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) return day;
  const text = `${month} ${Number(match[3])}`;
  return withYear ? `${text} '${match[1]?.slice(2)}` : text;
}

/**
 * Unique x-axis labels for the days. Chart.js places payout markers by label, so two days must
 * never share one: ranges longer than a year carry the year.
 */
export function dayLabels(
  days: readonly string[],
  format: (day: string, withYear: boolean) => string = formatShortDay,
): string[] {
  const short = days.map((day) => format(day, false));
  if (new Set(short).size === short.length) return short;
  const long = days.map((day) => format(day, true));
  return new Set(long).size === long.length ? long : [...days];
}

/**
 * Splits a title into lines of at most `maxChars`, preferring the " · " separators of our titles,
 * then spaces. Never drops text: a title too long for two lines gets a third.
 */
export function wrapTitle(title: string, maxChars: number): string[] {
  const limit = Math.max(10, Math.floor(maxChars));
  if (title.length <= limit) return [title];
  const balanced = splitInTwo(title, limit);
  if (balanced) return balanced;
  const lines: string[] = [];
  let line = "";
  for (const segment of title.split(" · ")) {
    const candidate = line ? `${line} · ${segment}` : segment;
    if (candidate.length <= limit) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = "";
    for (const word of splitLong(segment, limit)) {
      const next = line ? `${line} ${word}` : word;
      if (next.length <= limit) line = next;
      else {
        if (line) lines.push(line);
        line = word;
      }
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The split at a separator that fits both halves in `limit` and keeps them most even. */
function splitInTwo(title: string, limit: number): [string, string] | undefined {
  let best: [string, string] | undefined;
  for (const separator of [" · ", " "]) {
    let at = title.indexOf(separator);
    while (at > 0) {
      const first = title.slice(0, at);
      const second = title.slice(at + separator.length);
      const worst = Math.max(first.length, second.length);
      if (worst <= limit && (!best || worst < Math.max(best[0].length, best[1].length)))
        best = [first, second];
      at = title.indexOf(separator, at + 1);
    }
    if (best) return best;
  }
  return undefined;
}

function splitLong(segment: string, limit: number): string[] {
  return segment.split(" ").flatMap((word) => {
    const parts: string[] = [];
    for (let i = 0; i < word.length; i += limit) parts.push(word.slice(i, i + limit));
    return parts;
  });
}
