import { formatMoney, type Money, parseMoney } from "../money/index.ts";
import type { CommandContext } from "./define-command.ts";
import { formatAge, formatClock } from "./periods.ts";

/** A stored decimal (Postgres numeric as text) → formatted money; null/absent → zero. */
export function show(value: string | null | undefined, currency: string, options?: { signed?: boolean }): string {
  return formatMoney(asMoney(value, currency), options);
}

export function asMoney(value: string | null | undefined, currency: string): Money {
  return parseMoney(value ?? "0", currency);
}

/** The footer every report carries: when, how fresh, which zone, and whether it is sandbox data. */
export function footer(ctx: CommandContext, parts: { zone: string; lastSync: Date | null; period?: string }): string {
  const items = [
    `as of ${formatClock(ctx.now, parts.zone)}`,
    parts.lastSync ? `data from sync ${formatAge(parts.lastSync, ctx.now)}` : "not synced yet",
  ];
  if (parts.period) items.push(parts.period);
  items.push(`zone ${parts.zone}`);
  if (ctx.sandbox) items.push("sandbox data");
  return items.join(" · ");
}
