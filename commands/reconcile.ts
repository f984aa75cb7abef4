import { z } from "zod";
import { defineCommand } from "../src/core/define-command.ts";
import { asMoney, share } from "../src/core/format.ts";
import { periodOption, shopOption } from "../src/core/options.ts";
import { showPayout } from "../src/core/payout-amount.ts";
import { reportPerShop } from "../src/core/per-shop.ts";
import { type ReplyChart, type ReplySection, reply } from "../src/core/reply.ts";
import { shopCurrency } from "../src/core/shops.ts";
import { buildWaterfall, checkWaterfall } from "../src/core/waterfall.ts";
import { type Money, negate, subtract, sum, toDecimal, zero } from "../src/money/index.ts";
import { readPaymentsById, readPeriodStatements, readReserveMoves } from "../src/storage/repos/reconcile.ts";
import { readBreakdownTotals } from "../src/storage/repos/rollups.ts";

/** Combined payouts named one by one; the rest are counted. */
const MAX_EXPLAINED = 3;

export default defineCommand({
  name: "reconcile",
  description: "Waterfall from gross sales to payouts, exact",
  example: "/balance reconcile 30d",
  options: z.object({ period: periodOption("30d"), shop: shopOption() }),
  async run(ctx, args) {
    const { t, fmt } = ctx;
    const statementCount = (count: number) => t("reconcile.statements", { count });
    const charts = new Map<number, ReplyChart>();
    const payments = new Map<number, ReplySection>();
    const report = await reportPerShop(ctx, args, async (shop, resolved, several) => {
      const currency = shopCurrency(shop);
      const period = resolved!;
      const day = (at: string | Date) => fmt.date(at, shop.timezone, "day");
      const [totals, reserves, statements] = await Promise.all([
        readBreakdownTotals(ctx.db, shop.id, period),
        readReserveMoves(ctx.db, shop.id, period),
        readPeriodStatements(ctx.db, shop.id, period),
      ]);
      const mine = <T extends { currency: string }>(rows: T[]) => rows.filter((r) => r.currency === currency);
      const reserveOf = (status: string) =>
        sum(
          currency,
          mine(reserves)
            .filter((r) => r.status === status)
            .map((r) => asMoney(r.total, currency)),
        );
      const held = reserveOf("COLLECTED");
      const released = reserveOf("RELEASED");
      const waterfall = buildWaterfall({
        currency,
        totals: mine(totals).map((t) => ({ category: t.category, amount: asMoney(t.total, currency) })),
        reserveHeld: held,
        reserveReleased: released,
        words: ctx,
      });
      const broken = checkWaterfall(waterfall);
      if (broken) throw new Error(`reconcile: ${broken.label} is off by ${toDecimal(broken.off)}`);
      const { gross } = waterfall;
      let running = zero(currency);
      const rows = waterfall.steps.map((step) => {
        running = step.kind === "step" ? sum(currency, [running, step.amount]) : step.amount;
        return [
          step.kind === "step" ? `  ${step.amount.units < 0n ? "−" : "+"} ${step.label}` : `= ${step.label}`,
          fmt.money(step.amount, { signed: step.kind === "step" }),
          share(step.amount, gross, ctx),
          fmt.money(running),
        ];
      });
      rows[0]![0] = waterfall.steps[0]!.label;

      // The statements' own settlement: the waterfall must land on it, or say why not.
      const own = mine(statements);
      const stated = sum(
        currency,
        own.map((s) => asMoney(s.settlement, currency)),
      );
      const notes = [
        t("reconcile.periodNote", { period: period.label, count: own.length, zone: shop.timezone }),
      ];
      const gap = subtract(stated, waterfall.settlement);
      if (gap.units !== 0n) {
        const missing = own.filter((s) => s.transactions === 0);
        const open = {
          stated: fmt.money(stated),
          stored: fmt.money(waterfall.settlement),
          gap: fmt.money(gap, { signed: true }),
        };
        notes.push(
          missing.length > 0
            ? t("reconcile.openMissing", {
                ...open,
                count: missing.length,
                missing: fmt.money(
                  sum(
                    currency,
                    missing.map((s) => asMoney(s.settlement, currency)),
                  ),
                ),
              })
            : t("reconcile.openUnexplained", open),
        );
      } else notes.push(t("reconcile.closes", { gross: fmt.money(gross), stated: fmt.money(stated) }));
      if (held.units !== 0n) {
        const since = mine(reserves).find((r) => r.status === "COLLECTED")?.since;
        notes.push(
          t("reconcile.reserveHeld", {
            held: fmt.money(negate(held)),
            since: since ? "yes" : "no",
            day: since ? day(since) : "",
            released: released.units !== 0n ? fmt.money(released) : "none",
          }),
        );
      } else if (released.units !== 0n)
        notes.push(t("reconcile.reserveReleased", { released: fmt.money(released) }));

      const section: ReplySection = {
        table: {
          columns: [
            { label: t("reconcile.columnStep") },
            { label: t("reconcile.columnAmount"), align: "right" },
            { label: t("reconcile.columnOfGross"), align: "right" },
            { label: t("reconcile.columnRunning"), align: "right" },
          ],
          rows,
        },
        notes,
      };
      if (several) section.title = `${shop.name} (${currency})`;
      if (own.length === 0) {
        delete section.table;
        section.notes = [t("reconcile.noStatements", { period: period.label })];
        return section;
      }

      // Settlement to payments: every statement of the period is paid, processing, failed or
      // in a state this version does not know; the four add up to the statements' settlement.
      const byStatus = new Map<string, typeof own>();
      for (const s of own) byStatus.set(s.paymentStatus, [...(byStatus.get(s.paymentStatus) ?? []), s]);
      const total = (list: typeof own) =>
        sum(
          currency,
          list.map((s) => asMoney(s.settlement, currency)),
        );
      const paid = byStatus.get("PAID") ?? [];
      const paymentIds = [...new Set(paid.map((s) => s.paymentId).filter((id): id is string => !!id))];
      const payouts = await readPaymentsById(ctx.db, shop.id, paymentIds);
      const ledger = payouts.some((p) => p.source === "withdrawal");
      const payRows: string[][] = [
        [t("reconcile.rowStatements"), fmt.money(stated), statementCount(own.length)],
      ];
      const explain: string[] = [];
      const status = (name: string, label: string, detail: (list: typeof own, m: Money) => string) => {
        const list = byStatus.get(name);
        if (!list) return;
        byStatus.delete(name);
        payRows.push([label, fmt.money(total(list)), detail(list, total(list))]);
      };
      status("PAID", ledger ? t("reconcile.rowPaidLedger") : t("reconcile.rowPaid"), (list) =>
        ledger
          ? t("reconcile.paidLedgerDetail", { count: list.length })
          : t("reconcile.paidDetail", { count: list.length, payouts: payouts.length }),
      );
      status("PROCESSING", t("reconcile.rowProcessing"), (list, m) => {
        explain.push(
          t("reconcile.explainProcessing", {
            count: list.length,
            amount: fmt.money(m),
            day: day(list[0]!.day),
          }),
        );
        return statementCount(list.length);
      });
      status("FAILED", t("reconcile.rowFailed"), (list, m) => {
        explain.push(t("reconcile.explainFailed", { count: list.length, amount: fmt.money(m) }));
        return statementCount(list.length);
      });
      for (const [name, list] of byStatus) {
        const amount = fmt.money(total(list));
        payRows.push([t("reconcile.rowStatus", { status: name }), amount, statementCount(list.length)]);
        explain.push(t("reconcile.explainUnknown", { count: list.length, amount, status: name }));
      }
      if (!ledger) {
        const when = (p: (typeof payouts)[number]) => day(p.paidTime ?? p.createdTime);
        const combined = payouts.filter((p) => p.statements > 1);
        for (const p of combined.slice(0, MAX_EXPLAINED))
          explain.push(
            t("reconcile.explainCombined", { day: when(p), amount: showPayout(p, ctx), count: p.statements }),
          );
        if (combined.length > MAX_EXPLAINED)
          explain.push(t("reconcile.explainMoreCombined", { count: combined.length - MAX_EXPLAINED }));
        const inOther = payouts.filter((p) => p.currency !== currency);
        if (inOther.length > 0) {
          const last = inOther.at(-1)!;
          explain.push(
            t("reconcile.explainOtherCurrency", {
              count: inOther.length,
              currencies: [...new Set(inOther.map((p) => p.currency))].join(", "),
              day: when(last),
              amount: showPayout(last, ctx),
              currency,
            }),
          );
        }
      }
      payments.set(shop.id, {
        title: several ? t("reconcile.paymentsTitleShop", { shop: shop.name }) : t("reconcile.paymentsTitle"),
        table: {
          columns: [
            { label: t("reconcile.columnWhere") },
            { label: t("reconcile.columnAmount"), align: "right" },
            { label: "" },
          ],
          rows: payRows,
        },
        notes: [...explain, t("reconcile.paymentsNote", { amount: fmt.money(stated) })],
      });
      charts.set(shop.id, {
        filename: `reconcile-${shop.externalId}-${period.start}-${period.end}.png`.replace(
          /[^A-Za-z0-9.-]+/g,
          "-",
        ),
        png: await ctx.charts.renderWaterfall({
          title: t("reconcile.chartTitle", {
            shop: shop.name,
            to: held.units !== 0n || released.units !== 0n ? "payable" : "settlement",
            currency,
          }),
          subtitle: t("reconcile.chartSubtitle", {
            period: period.label,
            count: own.length,
            zone: shop.timezone,
          }),
          currency,
          locale: ctx.locale,
          steps: waterfall.steps.map((s) => ({ label: s.label, kind: s.kind, amount: toDecimal(s.amount) })),
        }),
        alt: t("reconcile.chartAlt", {
          gross: fmt.money(gross),
          settlement: fmt.money(waterfall.settlement),
          shop: shop.name,
          period: period.label,
          zone: shop.timezone,
          currency,
        }),
      });
      return section;
    });
    // Each shop's waterfall, then where its settlement went; its chart sits with the waterfall.
    const sections: ReplySection[] = [];
    report.shops.forEach((shop, i) => {
      const chart = charts.get(shop.id);
      if (chart) chart.section = sections.length;
      sections.push(report.sections[i]!);
      const more = payments.get(shop.id);
      if (more) sections.push(more);
    });
    const { label, shops } = report;
    return reply({
      title:
        shops.length === 1
          ? t("reconcile.titleShop", { period: label, shop: shops[0]!.name })
          : t("reconcile.title", { period: label }),
      summary: t("reconcile.summary", { period: label }),
      sections,
      charts: [...charts.values()],
      footer: report.footer(t("reconcile.footerClock", { period: label })),
      timestamp: ctx.now,
    });
  },
});
