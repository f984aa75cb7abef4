import { translator, type Words } from "../i18n/index.ts";
import { formatMoney, type Money, parseMoney } from "../money/index.ts";
import type { CommandContext } from "./define-command.ts";
import { formatClock } from "./periods.ts";

export type { Words };

const ENGLISH: Words = translator("en");

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

/** "3 min ago", "2 h ago", "4 days ago" ("3 phút trước" in Vietnamese). */
export function age(from: Date, now: Date, words: Words = ENGLISH): string {
  const { t } = words;
  const seconds = Math.max(0, Math.round((now.getTime() - from.getTime()) / 1000));
  if (seconds < 60) return t("core.justNow");
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return t("core.minutesAgo", { minutes });
  const hours = Math.round(minutes / 60);
  if (hours < 36) return t("core.hoursAgo", { hours });
  return t("core.daysAgo", { days: Math.round(hours / 24) });
}

/** The footer every report carries: when, how fresh, which zone, and whether it is sandbox data. */
export function footer(
  ctx: CommandContext,
  parts: { zone: string; lastSync: Date | null; period?: string; shops?: readonly { provider: string }[] },
): string {
  const { t } = ctx;
  const valid = parts.zone.includes("/") || parts.zone === "UTC";
  const zone = valid ? parts.zone : "UTC";
  // English keeps its "10:42 UTC"; the others write the time their way and the zone after it.
  const time =
    ctx.locale === "en"
      ? formatClock(ctx.now, zone)
      : `${ctx.fmt.time(ctx.now, zone)} ${formatClock(ctx.now, zone).split(" ").at(-1)}`;
  const items = [
    t("core.asOf", { time }),
    parts.lastSync ? t("core.syncedAgo", { age: age(parts.lastSync, ctx.now, ctx) }) : t("core.notSynced"),
  ];
  if (parts.period) items.push(parts.period);
  items.push(t("core.zone", { zone: parts.zone }));
  // Per shop, not per process: an imported or connected shop is real data even beside the sandbox.
  if ((parts.shops ?? ctx.scope.shops).some((s) => s.provider === "sandbox"))
    items.push(t("core.sandboxData"));
  return items.join(" · ");
}

/**
 * How a figure moved against the prior period, read from the seller's side: "up 4.2% · better".
 * A cost (fees, shipping, refunds: negative amounts) is up or down by its size, and better when it
 * shrinks. Across a sign change or from zero a percentage means nothing: "was −$12.72" instead.
 * The prior period itself is named once, in the reply's header.
 */
export function change(
  current: Money,
  prior: Money,
  kind: "income" | "cost" = "income",
  words: Words = ENGLISH,
): string {
  const { t, fmt } = words;
  if (current.units === prior.units) return t("core.noChange");
  const crossed = prior.units === 0n || current.units === 0n || current.units < 0n !== prior.units < 0n;
  if (crossed) return t("core.was", { amount: fmt.money(prior) });
  const size = (m: Money) => (m.units < 0n ? -m.units : m.units);
  const grew = kind === "cost" ? size(current) > size(prior) : current.units > prior.units;
  const delta = current.units > prior.units ? current.units - prior.units : prior.units - current.units;
  const permille = (delta * 1000n) / size(prior);
  if (permille === 0n) return t("core.aboutSame");
  const better = kind === "cost" ? !grew : grew;
  return t("core.change", {
    direction: grew ? "up" : "down",
    percent: fmt.percent(permille),
    verdict: better ? "better" : "worse",
  });
}

/** Share of a part in a whole as "12.3%" (exact; "12,3%" in Indonesian and Vietnamese). */
export function share(part: Money, whole: Money, words: Words = ENGLISH): string {
  if (whole.units === 0n) return "—";
  return words.fmt.percent((part.units * 1000n) / whole.units);
}
