import { DateTime } from "luxon";
import { z } from "zod";
import { defineCommand } from "../src/core/define-command.ts";
import { asMoney, share } from "../src/core/format.ts";
import { periodOption, shopOption } from "../src/core/options.ts";
import { showPayout } from "../src/core/payout-amount.ts";
import { reportPerShop } from "../src/core/per-shop.ts";
import { type ReplyChart, type ReplySection, reply } from "../src/core/reply.ts";
import { shopCurrency } from "../src/core/shops.ts";
import { buildWaterfall, checkWaterfall } from "../src/core/waterfall.ts";
import { formatMoney, type Money, negate, subtract, sum, toDecimal, zero } from "../src/money/index.ts";
import { readPaymentsById, readPeriodStatements, readReserveMoves } from "../src/storage/repos/reconcile.ts";
import { readBreakdownTotals } from "../src/storage/repos/rollups.ts";

/** Combined payouts named one by one; the rest are counted. */
const MAX_EXPLAINED = 3;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export default defineCommand({
  name: "reconcile",
  description: "Waterfall from gross sales to payouts, exact",
  example: "/balance reconcile 30d",
  options: z.object({ period: periodOption("30d"), shop: shopOption() }),
  async run(ctx, args) {
    const charts = new Map<number, ReplyChart>();
    const payments = new Map<number, ReplySection>();
    const report = await reportPerShop(ctx, args, async (shop, resolved, several) => {
      const currency = shopCurrency(shop);
      const period = resolved!;
      const day = (iso: string) => DateTime.fromISO(iso).toFormat("LLL d");
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
      });
      const broken = checkWaterfall(waterfall);
      if (broken) throw new Error(`reconcile: ${broken.label} is off by ${toDecimal(broken.off)}`);
      const { gross } = waterfall;
      let running = zero(currency);
      const rows = waterfall.steps.map((step) => {
        running = step.kind === "step" ? sum(currency, [running, step.amount]) : step.amount;
        return [
          step.kind === "step" ? `  ${step.amount.units < 0n ? "−" : "+"} ${step.label}` : `= ${step.label}`,
          formatMoney(step.amount, { signed: step.kind === "step" }),
          share(step.amount, gross),
          formatMoney(running),
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
        `${period.label} · the ${plural(own.length, "statement")} of the period (orders settled in it) · days in ${shop.timezone} · share of gross sales`,
      ];
      const gap = subtract(stated, waterfall.settlement);
      if (gap.units !== 0n) {
        const missing = own.filter((s) => s.transactions === 0);
        notes.push(
          `Does not close: the statements settle ${formatMoney(stated)}, their stored transactions ${formatMoney(
            waterfall.settlement,
          )} (off by ${formatMoney(gap, { signed: true })})${
            missing.length > 0
              ? `: ${plural(missing.length, "statement")} (${formatMoney(
                  sum(
                    currency,
                    missing.map((s) => asMoney(s.settlement, currency)),
                  ),
                )}) ha${missing.length === 1 ? "s" : "ve"} no transactions synced yet`
              : ": TikTok's transactions do not add up to its statements"
          }.`,
        );
      } else
        notes.push(
          `Gross sales ${formatMoney(gross)} + every step = settlement ${formatMoney(stated)}, exactly.`,
        );
      if (held.units !== 0n) {
        const since = mine(reserves).find((r) => r.status === "COLLECTED")?.since;
        notes.push(
          `Reserve ${formatMoney(negate(held))} held${since ? ` since ${day(since)}` : ""}${
            released.units !== 0n ? `, ${formatMoney(released)} released` : ""
          }: outside the settlement, TikTok pays settlement + reserve.`,
        );
      } else if (released.units !== 0n)
        notes.push(`Reserve ${formatMoney(released)} released: TikTok pays settlement + reserve.`);

      const section: ReplySection = {
        table: {
          columns: [
            { label: "Step" },
            { label: "Amount", align: "right" },
            { label: "Of gross", align: "right" },
            { label: "Running", align: "right" },
          ],
          rows,
        },
        notes,
      };
      if (several) section.title = `${shop.name} (${currency})`;
      if (own.length === 0) {
        delete section.table;
        section.notes = [`No statements in ${period.label}.`];
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
        ["Settlement (statements)", formatMoney(stated), plural(own.length, "statement")],
      ];
      const explain: string[] = [];
      const status = (name: string, label: string, detail: (list: typeof own, m: Money) => string) => {
        const list = byStatus.get(name);
        if (!list) return;
        byStatus.delete(name);
        payRows.push([label, formatMoney(total(list)), detail(list, total(list))]);
      };
      status("PAID", ledger ? "Paid into the TikTok balance" : "Paid out", (list) =>
        ledger
          ? `${plural(list.length, "statement")}, settled into the balance (withdrawn separately)`
          : `${plural(list.length, "statement")} in ${plural(payouts.length, "payout")}`,
      );
      status("PROCESSING", "Still processing", (list, m) => {
        explain.push(
          `${plural(list.length, "statement")} (${formatMoney(m)}) still processing${list.length === 1 ? `, from ${day(list[0]!.day)}` : `, the oldest from ${day(list[0]!.day)}`}.`,
        );
        return plural(list.length, "statement");
      });
      status("FAILED", "Payment failed", (list, m) => {
        explain.push(
          `${plural(list.length, "statement")} (${formatMoney(m)}) with a failed payment: check the bank account in Seller Center.`,
        );
        return plural(list.length, "statement");
      });
      for (const [name, list] of byStatus) {
        payRows.push([`Status ${name}`, formatMoney(total(list)), plural(list.length, "statement")]);
        explain.push(
          `${plural(list.length, "statement")} (${formatMoney(total(list))}) with payment status ${name}, which this version does not know: counted on no clock.`,
        );
      }
      if (!ledger) {
        const when = (p: (typeof payouts)[number]) =>
          DateTime.fromJSDate(p.paidTime ?? p.createdTime, { zone: shop.timezone }).toFormat("LLL d");
        const combined = payouts.filter((p) => p.statements > 1);
        for (const p of combined.slice(0, MAX_EXPLAINED))
          explain.push(`The ${when(p)} payout of ${showPayout(p)} covered ${p.statements} statements.`);
        if (combined.length > MAX_EXPLAINED)
          explain.push(`…and ${plural(combined.length - MAX_EXPLAINED, "more combined payout")}.`);
        const inOther = payouts.filter((p) => p.currency !== currency);
        if (inOther.length > 0) {
          const last = inOther.at(-1)!;
          explain.push(
            `${plural(inOther.length, "payout")} arrived in ${[...new Set(inOther.map((p) => p.currency))].join(", ")} at the rate TikTok stated on each (the ${when(last)} one: ${showPayout(last)}); amounts here stay in ${currency}, before the exchange.`,
          );
        }
      }
      payments.set(shop.id, {
        title: several ? `${shop.name}: settlement to payments` : "Settlement to payments",
        table: {
          columns: [{ label: "Where the settlement is" }, { label: "Amount", align: "right" }, { label: "" }],
          rows: payRows,
        },
        notes: [
          ...explain,
          `Paid + processing + failed = settlement ${formatMoney(stated)}, exactly (a payout also carries its statements' reserve).`,
        ],
      });
      charts.set(shop.id, {
        filename: `reconcile-${shop.externalId}-${period.start}-${period.end}.png`.replace(
          /[^A-Za-z0-9.-]+/g,
          "-",
        ),
        png: await ctx.charts.renderWaterfall({
          title: `${shop.name} · gross sales to ${waterfall.steps.at(-1)!.label.toLowerCase()} · ${currency}`,
          subtitle: `${period.label} · ${plural(own.length, "statement")} · settled clock · days in ${shop.timezone}`,
          currency,
          steps: waterfall.steps.map((s) => ({ label: s.label, kind: s.kind, amount: toDecimal(s.amount) })),
        }),
        alt: `Waterfall from gross sales ${formatMoney(gross)} to settlement ${formatMoney(waterfall.settlement)} · ${shop.name} · ${period.label} · ${shop.timezone} · ${currency}`,
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
      title: `Reconcile · ${label}${shops.length === 1 ? ` · ${shops[0]!.name}` : ""}`,
      summary: `From gross sales to settlement to payments, ${label}`,
      sections,
      charts: [...charts.values()],
      footer: report.footer(`settled clock, ${label}`),
      timestamp: ctx.now,
    });
  },
});
