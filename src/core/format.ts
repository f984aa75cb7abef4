import { formatMoney, type Money, parseMoney } from "../money/index.ts";
import type { CommandContext } from "./define-command.ts";
import { formatAge, formatClock } from "./periods.ts";

/** A stored decimal (Postgres numeric as text) → formatted money; null/absent → zero. */
export function show(
  value: string | null | undefined,
  currency: string,
  options?: { signed?: boolean },
): string {
  return formatMoney(asMoney(value, currency), options);
}

export function asMoney(value: string | null | undefined, currency: string): Money {
  return parseMoney(value ?? "0", currency);
}

/** The footer every report carries: when, how fresh, which zone, and whether it is sandbox data. */
export function footer(
  ctx: CommandContext,
  parts: { zone: string; lastSync: Date | null; period?: string; shops?: readonly { provider: string }[] },
): string {
  const valid = parts.zone.includes("/") || parts.zone === "UTC";
  const items = [
    `as of ${formatClock(ctx.now, valid ? parts.zone : "UTC")}`,
    parts.lastSync ? `data from sync ${formatAge(parts.lastSync, ctx.now)}` : "not synced yet",
  ];
  if (parts.period) items.push(parts.period);
  items.push(`zone ${parts.zone}`);
  // Per shop, not per process: an imported or connected shop is real data even beside the sandbox.
  if ((parts.shops ?? ctx.scope.shops).some((s) => s.provider === "sandbox")) items.push("sandbox data");
  return items.join(" · ");
}

/**
 * How a figure moved against the prior period, read from the seller's side: "up 4.2% · better".
 * A cost (fees, shipping, refunds: negative amounts) is up or down by its size, and better when it
 * shrinks. Across a sign change or from zero a percentage means nothing: "was −$12.72" instead.
 * The prior period itself is named once, in the reply's header.
 */
export function change(current: Money, prior: Money, kind: "income" | "cost" = "income"): string {
  if (current.units === prior.units) return "no change";
  const crossed = prior.units === 0n || current.units === 0n || current.units < 0n !== prior.units < 0n;
  if (crossed) return `was ${formatMoney(prior)}`;
  const size = (m: Money) => (m.units < 0n ? -m.units : m.units);
  const grew = kind === "cost" ? size(current) > size(prior) : current.units > prior.units;
  const delta = current.units > prior.units ? current.units - prior.units : prior.units - current.units;
  const permille = (delta * 1000n) / size(prior);
  if (permille === 0n) return "about the same";
  const better = kind === "cost" ? !grew : grew;
  return `${grew ? "up" : "down"} ${permille / 10n}.${permille % 10n}% · ${better ? "better" : "worse"}`;
}

/** Share of a part in a whole as "12.3%" (exact). */
export function share(part: Money, whole: Money): string {
  if (whole.units === 0n) return "—";
  const permille = (part.units * 1000n) / whole.units;
  const abs = permille < 0n ? -permille : permille;
  return `${permille < 0n ? "-" : ""}${abs / 10n}.${abs % 10n}%`;
}
