import { DateTime } from "luxon";
import type { ChartRenderer, ChartSpec } from "../charts/port.ts";
import { buildShopChartSpec } from "../charts/shop-chart.ts";
import { asMoney, change, show } from "../core/format.ts";
import { goalProgress } from "../core/goals.ts";
import { showPayout } from "../core/payout-amount.ts";
import { formatAge, resolvePeriod } from "../core/periods.ts";
import { type Reply, type ReplyField, type ReplySection, reply } from "../core/reply.ts";
import { formatMoney } from "../money/index.ts";
import type { StatementField } from "../storage/categories.ts";
import type { Db } from "../storage/database.ts";
import { readLastSync, readUnsettled } from "../storage/repos/balance.ts";
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
  const sections: ReplySection[] = [];
  const goals = await listGoals(input.db, input.workspaceId);
  const charts: DigestChart[] = [];
  for (const shop of input.shops) {
    if (!shop.currency) {
      sections.push({ title: shop.name, notes: ["Not synced yet."] });
      continue;
    }
    const currency = shop.currency;
    const zone = shop.timezone;
    const yesterday = resolvePeriod("yesterday", zone, input.now);
    const since = input.since ?? new Date(input.now.getTime() - 86_400_000);
    const monthToDate = resolvePeriod("mtd", zone, input.now);
    const [now, before, payouts, unsettled, lastSync, month, why] = await Promise.all([
      readStatementTotals(input.db, shop.id, yesterday),
      readStatementTotals(input.db, shop.id, yesterday.prior),
      readPayoutsBetween(input.db, shop.id, new Date(since.getTime() - 60 * 86_400_000), input.now),
      readUnsettled(input.db, shop.id),
      readLastSync(input.db, shop.id),
      readStatementTotals(input.db, shop.id, monthToDate),
      whySettlementMoved(input.db, shop.id, currency, yesterday),
    ]);
    const pick = (rows: typeof now, c: StatementField) =>
      asMoney(rows.find((r) => r.field === c && r.currency === currency)?.total, currency);
    // US and UK statements carry no revenue: their net sales stand in, as in /balance earnings.
    const sales =
      !now.some((r) => r.field === "revenue") && [...now, ...before].some((r) => r.field === "net_sales")
        ? (["net_sales", "Net sales"] as const)
        : (["revenue", "Revenue"] as const);
    const lines: (readonly [StatementField, string])[] = [
      sales,
      ["fee", "Fees"],
      ["settlement", "Settlement"],
    ];
    const fields: ReplyField[] = lines.map(([c, label]) => ({
      label: `${label} · yesterday`,
      clock: "settled" as const,
      value: formatMoney(pick(now, c)),
      detail: change(pick(now, c), pick(before, c), c === "fee" ? "cost" : "income"),
    }));
    const monthly = goals.filter((g) => g.shopId === shop.id && g.cadence === "monthly");
    if (monthly.length === 0) {
      const days = month.find((r) => r.field === "settlement")?.count ?? 0;
      fields.push({
        label: "Month to date",
        clock: "settled",
        value: formatMoney(pick(month, "settlement")),
        detail: `${monthToDate.label} · ${days} statement${days === 1 ? "" : "s"}`,
      });
    }
    for (const goal of monthly) {
      const p = await goalProgress(input.db, shop.id, zone, goal, input.now);
      fields.push({
        label: `Month to date vs ${goal.metric} goal`,
        clock: "settled",
        value: `${formatMoney(p.achieved)} of ${formatMoney(p.target)} (${p.percent}%)`,
        detail: p.reached
          ? "goal reached ✓"
          : `needs ${formatMoney(p.neededPerDay!)}/day for ${p.daysLeft} days · projection ${formatMoney(p.projection)}`,
      });
    }
    const arrived = payouts.filter((p) => p.status !== "PROCESSING" && (p.paidTime ?? p.createdTime) > since);
    fields.push({
      label: "Pending",
      clock: "pending",
      value: unsettled ? `${show(unsettled.estSettlement, unsettled.currency)} est.` : "not synced yet",
      detail: unsettled ? `${unsettled.orderCount} unsettled orders · estimate` : "",
    });
    // Orders in another currency get their own line: currencies are never added together.
    for (const other of unsettled?.others ?? [])
      fields.push({
        label: `Pending · ${other.currency}`,
        clock: "pending",
        value: `${show(other.estSettlement, other.currency)} est.`,
        detail: `${other.orderCount} unsettled orders in ${other.currency} · estimate`,
      });
    const day = (d: Date) => DateTime.fromJSDate(d, { zone }).toFormat("LLL d");
    sections.push({
      title: `${shop.name} · ${yesterday.label} · ${zone}`,
      fields,
      ...(arrived.length > 0
        ? {
            table: {
              columns: [
                { label: "Payouts since last digest" },
                { label: "Amount", align: "right" as const },
                { label: "Account" },
              ],
              rows: arrived.map((p) => [
                `${day(p.paidTime ?? p.createdTime)} ${p.status === "FAILED" ? "⚠ FAILED" : "paid"}`,
                showPayout(p),
                p.bankAccount ?? "—",
              ]),
            },
          }
        : {}),
      notes: [
        // The "why" sits first, right under the settlement it explains.
        ...(why ? [`Why ${why} (vs the same weekday last week)`] : []),
        arrived.length === 0
          ? "No payouts since the last digest."
          : `${arrived.length} payout(s) since the last digest.`,
        lastSync ? `Data from sync ${formatAge(lastSync, input.now)}.` : "Not synced yet.",
      ],
    });
    {
      const range = {
        start: DateTime.fromISO(yesterday.end)
          .minus({ days: CHART_DAYS - 1 })
          .toISODate()!,
        end: yesterday.end,
      };
      const spec = await buildShopChartSpec(
        input.db,
        { ...shop, currency },
        { ...range, label: `last ${CHART_DAYS} days` },
        { includePending: true },
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
  const late = input.late
    ? ` · sent late: due ${DateTime.fromJSDate(input.late.dueAt, { zone: input.zone }).toFormat("LLL d HH:mm")}, the bot was down`
    : "";
  const digest = reply({
    kind: "digest",
    title: `Daily digest · ${localNow.toFormat("ccc LLL d")}`,
    summary: `Yesterday's settled earnings (compared with the same weekday last week), month to date, payouts and pending (est.)${input.late ? " — sent late" : ""}`,
    sections,
    footer: `made ${localNow.toFormat("HH:mm ZZZZ")} (${input.zone}) · days in each shop's zone${late}${input.sandbox ? " · sandbox data" : ""}`,
    timestamp: input.now,
  });
  return { reply: digest, charts };
}

function slugOf(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
