import { z } from "zod";
import { defineCommand } from "../src/core/define-command.ts";
import { shopOption } from "../src/core/options.ts";
import { payoutStatus, showPayout } from "../src/core/payout-amount.ts";
import { reportPerShop } from "../src/core/per-shop.ts";
import { type ReplySection, reply } from "../src/core/reply.ts";
import { readLastPayouts } from "../src/storage/repos/balance.ts";
import { readStatementsOfPayments } from "../src/storage/repos/rollups.ts";

export default defineCommand({
  name: "payouts",
  description: "The last payouts: amount, status, bank account, dates and statements covered",
  example: "/balance payouts 5",
  options: z.object({
    count: z
      .number({ message: "must be a whole number from 1 to 25" })
      .int({ message: "must be a whole number from 1 to 25" })
      .min(1, { message: "must be at least 1" })
      .max(25, { message: "must be at most 25" })
      .default(5)
      .meta({ kind: "count", description: "How many payouts (1–25, default 5)" }),
    shop: shopOption(),
  }),
  async run(ctx, args) {
    const { t, fmt } = ctx;
    const report = await reportPerShop(ctx, args, async (shop, _period, several) => {
      const rows = await readLastPayouts(ctx.db, shop.id, args.count);
      // One query for every payout's statements, not one per row.
      const covering = await readStatementsOfPayments(
        ctx.db,
        shop.id,
        rows.filter((p) => p.source === "payment").map((p) => p.id),
      );
      const day = (d: Date | null) => (d ? fmt.date(d, shop.timezone) : "—");
      const table = rows.map((p) => {
        const covered = p.source === "payment" ? (covering.get(p.id) ?? []) : [];
        return [
          showPayout(p, ctx),
          p.status === "FAILED" ? t("payouts.failed") : payoutStatus(p.status, ctx),
          p.bankAccount ?? "—",
          day(p.createdTime),
          day(p.paidTime),
          covered.length === 0
            ? "—"
            : covered.length === 1
              ? covered[0]!.day
              : `${fmt.number(covered.length)} (${covered[0]!.day} → ${covered.at(-1)!.day})`,
        ];
      });
      const failed = rows.filter((p) => p.status === "FAILED").length;
      const section: ReplySection = {
        table: {
          columns: [
            { label: t("payouts.columnAmount"), align: "right" },
            { label: t("payouts.columnStatus") },
            { label: t("payouts.columnAccount") },
            { label: t("payouts.columnInitiated") },
            { label: t("payouts.columnPaid") },
            { label: t("payouts.columnStatements") },
          ],
          rows: table,
        },
        notes: [
          rows.length === 0
            ? t("payouts.none")
            : t(rows[0]?.source === "withdrawal" ? "payouts.clockWithdrawals" : "payouts.clock", {
                zone: shop.timezone,
              }),
          ...(failed > 0 ? [t("payouts.failedNote", { count: failed })] : []),
        ],
      };
      if (several) section.title = shop.name;
      return section;
    });
    const { shops } = report;
    return reply({
      title:
        shops.length === 1
          ? t("payouts.titleShop", { count: args.count, shop: shops[0]!.name })
          : t("payouts.title", { count: args.count }),
      summary: t("payouts.title", { count: args.count }),
      sections: report.sections,
      footer: report.footer(),
      timestamp: ctx.now,
    });
  },
});
