import { DateTime } from "luxon";
import { showPayoutIn } from "../alerts/views.ts";
import type { ChartRenderer, ChartSpec } from "../charts/port.ts";
import { buildShopChartSpec } from "../charts/shop-chart.ts";
import { creatorDigestSection } from "../core/creator-views.ts";
import { age, asMoney, change } from "../core/format.ts";
import { goalProgress } from "../core/goals.ts";
import { resolvePeriod, spanIn } from "../core/periods.ts";
import { localizeClocks, type Reply, type ReplyField, type ReplySection, reply } from "../core/reply.ts";
import { type Locale, type MessageKey, translator } from "../i18n/index.ts";
import type { StatementField } from "../storage/categories.ts";
import type { Db } from "../storage/database.ts";
import { readLastSync, readUnsettled } from "../storage/repos/balance.ts";
import { CREATOR_KIND } from "../storage/repos/creator-orders.ts";
import { readPayoutsBetween, readStatementTotals } from "../storage/repos/rollups.ts";
import { listGoals } from "../storage/repos/settings.ts";
import type { ShopRow } from "../storage/repos/workspaces.ts";
import { whySettlementMoved } from "./why.ts";

/** A chart kept as its spec (the outbox renders it at send time), with the section it illustrates. */
export interface DigestChart {
  spec: ChartSpec;
  filename: string;
  alt: string;
  section: number;
}

export interface DigestInput {
  db: Db;
  charts: ChartRenderer;
  now: Date;
  sandbox: boolean;
  workspaceId: number;
  shops: ShopRow[];
  /** The channel's zone: the digest says when it was made in it. */
  zone: string;
  /** Payouts since the previous digest (or the last 24 h). */
  since: Date | null;
  /** A digest sent after downtime says so. */
  late?: { dueAt: Date };
  /** The workspace's language (a digest has no asker); English when absent. */
  locale?: Locale;
}

const CHART_DAYS = 14;

/**
 * The one digest view every platform renders (and `/balance digest preview` shows): per shop,
 * yesterday in the shop's zone vs the same weekday last week, month to date vs the goal, payouts
 * since the last digest, pending (est.), and a 14-day chart of the first shop.
 */
export async function buildDigest(input: DigestInput): Promise<Reply> {
  const view = await buildDigestView(input);
  const charts = [];
  for (const { spec, ...rest } of view.charts) charts.push({ ...rest, png: await input.charts.render(spec) });
  return charts.length > 0 ? { ...view.reply, charts } : view.reply;
}

/** The digest without its picture: the outbox stores this and renders the chart at send time. */
export async function buildDigestView(
  input: Omit<DigestInput, "charts">,
): Promise<{ reply: Reply; charts: DigestChart[] }> {
  const locale = input.locale ?? "en";
  const words = translator(locale);
  const { t, fmt } = words;
  const sections: ReplySection[] = [];
  const goals = await listGoals(input.db, input.workspaceId);
  const charts: DigestChart[] = [];
  for (const shop of input.shops) {
    if (shop.kind === CREATOR_KIND) {
      const since = input.since ?? new Date(input.now.getTime() - 86_400_000);
      sections.push(await creatorDigestSection(input.db, shop, input.now, since, words));
      continue;
    }
    if (!shop.currency) {
      sections.push({ title: shop.name, notes: [t("digest.notSynced")] });
      continue;
    }
    const currency = shop.currency;
    const zone = shop.timezone;
    const yesterday = resolvePeriod("yesterday", zone, input.now, words);
    const since = input.since ?? new Date(input.now.getTime() - 86_400_000);
    const monthToDate = resolvePeriod("mtd", zone, input.now, words);
    const [now, before, payouts, unsettled, lastSync, month, why] = await Promise.all([
      readStatementTotals(input.db, shop.id, yesterday),
      readStatementTotals(input.db, shop.id, yesterday.prior),
      readPayoutsBetween(input.db, shop.id, new Date(since.getTime() - 60 * 86_400_000), input.now),
      readUnsettled(input.db, shop.id),
      readLastSync(input.db, shop.id),
      readStatementTotals(input.db, shop.id, monthToDate),
      whySettlementMoved(input.db, shop.id, currency, yesterday, words),
    ]);
    const pick = (rows: typeof now, c: StatementField) =>
      asMoney(rows.find((r) => r.field === c && r.currency === currency)?.total, currency);
    // US and UK statements carry no revenue: their net sales stand in, as in /balance earnings.
    const sales =
      !now.some((r) => r.field === "revenue") && [...now, ...before].some((r) => r.field === "net_sales")
        ? (["net_sales", "digest.netSalesYesterday"] as const)
        : (["revenue", "digest.revenueYesterday"] as const);
    const lines: (readonly [StatementField, MessageKey])[] = [
      sales,
      ["fee", "digest.feesYesterday"],
      ["settlement", "digest.settlementYesterday"],
    ];
    const fields: ReplyField[] = lines.map(([c, label]) => ({
      label: t(label),
      clock: "settled" as const,
      value: fmt.money(pick(now, c)),
      detail: change(pick(now, c), pick(before, c), c === "fee" ? "cost" : "income", words),
    }));
    const monthly = goals.filter((g) => g.shopId === shop.id && g.cadence === "monthly");
    if (monthly.length === 0) {
      const days = month.find((r) => r.field === "settlement")?.count ?? 0;
      fields.push({
        label: t("digest.monthToDate"),
        clock: "settled",
        value: fmt.money(pick(month, "settlement")),
        detail: t("digest.monthToDateDetail", { period: monthToDate.label, count: days }),
      });
    }
    for (const goal of monthly) {
      const p = await goalProgress(input.db, shop.id, zone, goal, input.now);
      fields.push({
        label: t("digest.monthVsGoal", { metric: goal.metric }),
        clock: "settled",
        value: t("digest.goalValue", {
          achieved: fmt.money(p.achieved),
          target: fmt.money(p.target),
          percent: fmt.number(p.percent),
        }),
        detail: p.reached
          ? t("digest.goalReached")
          : t("digest.goalNeeds", {
              amount: fmt.money(p.neededPerDay!),
              days: String(p.daysLeft),
              projection: fmt.money(p.projection),
            }),
      });
    }
    const arrived = payouts.filter((p) => p.status !== "PROCESSING" && (p.paidTime ?? p.createdTime) > since);
    fields.push({
      label: t("digest.pending"),
      clock: "pending",
      value: unsettled
        ? t("digest.pendingValue", { amount: fmt.amount(unsettled.estSettlement, unsettled.currency) })
        : t("digest.pendingNotSynced"),
      detail: unsettled ? t("digest.pendingDetail", { count: String(unsettled.orderCount) }) : "",
    });
    // Orders in another currency get their own line: currencies are never added together.
    for (const other of unsettled?.others ?? [])
      fields.push({
        label: t("digest.pendingIn", { currency: other.currency }),
        clock: "pending",
        value: t("digest.pendingValue", { amount: fmt.amount(other.estSettlement, other.currency) }),
        detail: t("digest.pendingDetailIn", { count: String(other.orderCount), currency: other.currency }),
      });
    const day = (d: Date) => fmt.date(d, zone, "day");
    sections.push({
      title: `${shop.name} · ${yesterday.label} · ${zone}`,
      fields,
      ...(arrived.length > 0
        ? {
            table: {
              columns: [
                { label: t("digest.payoutsColumn") },
                { label: t("digest.amountColumn"), align: "right" as const },
                { label: t("digest.accountColumn") },
              ],
              rows: arrived.map((p) => [
                t(p.status === "FAILED" ? "digest.payoutFailed" : "digest.payoutPaid", {
                  day: day(p.paidTime ?? p.createdTime),
                }),
                showPayoutIn(words, p),
                p.bankAccount ?? "—",
              ]),
            },
          }
        : {}),
      notes: [
        // The "why" sits first, right under the settlement it explains.
        ...(why ? [t("digest.why", { why })] : []),
        arrived.length === 0 ? t("digest.noPayouts") : t("digest.payouts", { count: String(arrived.length) }),
        lastSync ? t("digest.dataFromSync", { age: age(lastSync, input.now, words) }) : t("digest.notSynced"),
      ],
    });
    {
      const range = {
        start: DateTime.fromISO(yesterday.end)
          .minus({ days: CHART_DAYS - 1 })
          .toISODate()!,
        end: yesterday.end,
      };
      // English keeps its "last 14 days"; the others name the days too, as a period label does.
      const label =
        locale === "en"
          ? `last ${CHART_DAYS} days`
          : t("core.periodLastDays", {
              days: CHART_DAYS,
              span: spanIn(words, DateTime.fromISO(range.start), DateTime.fromISO(range.end)),
            });
      const spec = await buildShopChartSpec(
        input.db,
        { ...shop, currency },
        { ...range, label },
        { includePending: true },
        words,
      );
      charts.push({
        filename: `digest-${slugOf(shop.name)}-${range.end}.png`,
        spec,
        alt: spec.title,
        section: sections.length - 1,
      });
    }
  }
  const localNow = DateTime.fromJSDate(input.now, { zone: input.zone });
  // English keeps its "Nov 28 07:00" and "07:00 GMT+7"; the others write day and time their way.
  const clock = (at: Date) =>
    locale === "en"
      ? DateTime.fromJSDate(at, { zone: input.zone }).toFormat("HH:mm")
      : fmt.time(at, input.zone);
  const due = input.late
    ? `${locale === "en" ? DateTime.fromJSDate(input.late.dueAt, { zone: input.zone }).toFormat("LLL d") : fmt.date(input.late.dueAt, input.zone, "day")} ${clock(input.late.dueAt)}`
    : undefined;
  const digest = reply({
    kind: "digest",
    title: t("digest.title", { day: fmt.date(input.now, input.zone, "weekday") }),
    summary: t(input.late ? "digest.summaryLate" : "digest.summary"),
    sections,
    footer: [
      t("digest.made", { time: `${clock(input.now)} ${localNow.toFormat("ZZZZ")}`, zone: input.zone }),
      ...(due ? [t("digest.sentLate", { due })] : []),
      ...(input.sandbox ? [t("core.sandboxData")] : []),
    ].join(" · "),
    timestamp: input.now,
  });
  return { reply: localizeClocks(digest, locale), charts };
}

function slugOf(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
