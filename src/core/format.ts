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

/** "+4.2% vs $1,020.00 (Fri Nov 20 (same weekday last week))"; exact integer arithmetic. */
export function change(current: Money, prior: Money, priorLabel: string): string {
  const base = `vs ${formatMoney(prior)} ${priorLabel}`;
  if (prior.units === 0n) return current.units === 0n ? `no change ${base}` : `new ${base}`;
  const magnitude = prior.units < 0n ? -prior.units : prior.units;
  const permille = ((current.units - prior.units) * 1000n) / magnitude;
  const sign = permille > 0n ? "+" : permille < 0n ? "-" : "±";
  const abs = permille < 0n ? -permille : permille;
  return `${sign}${abs / 10n}.${abs % 10n}% ${base}`;
}

/** Share of a part in a whole as "12.3%" (exact). */
export function share(part: Money, whole: Money): string {
  if (whole.units === 0n) return "—";
  const permille = (part.units * 1000n) / whole.units;
  const abs = permille < 0n ? -permille : permille;
  return `${permille < 0n ? "-" : ""}${abs / 10n}.${abs % 10n}%`;
}
