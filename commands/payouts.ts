import { DateTime } from "luxon";
import { z } from "zod";
import { defineCommand } from "../src/core/define-command.ts";
import { shopOption } from "../src/core/options.ts";
import { showPayout } from "../src/core/payout-amount.ts";
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
    const report = await reportPerShop(ctx, args, async (shop, _period, several) => {
      const rows = await readLastPayouts(ctx.db, shop.id, args.count);
      // One query for every payout's statements, not one per row.
      const covering = await readStatementsOfPayments(
        ctx.db,
        shop.id,
        rows.filter((p) => p.source === "payment").map((p) => p.id),
      );
      const day = (d: Date | null) =>
        d ? DateTime.fromJSDate(d, { zone: shop.timezone }).toFormat("LLL d") : "—";
      const table = rows.map((p) => {
        const covered = p.source === "payment" ? (covering.get(p.id) ?? []) : [];
        return [
          showPayout(p),
          p.status === "FAILED" ? "⚠ FAILED" : p.status === "PAID" ? "paid" : "processing",
          p.bankAccount ?? "—",
          day(p.createdTime),
          day(p.paidTime),
          covered.length === 0
            ? "—"
            : covered.length === 1
              ? covered[0]!.day
              : `${covered.length} (${covered[0]!.day} → ${covered.at(-1)!.day})`,
        ];
      });
      const failed = rows.filter((p) => p.status === "FAILED").length;
      const section: ReplySection = {
        table: {
          columns: [
            { label: "Amount", align: "right" },
            { label: "Status" },
            { label: "Account" },
            { label: "Initiated" },
            { label: "Paid" },
            { label: "Statements" },
          ],
          rows: table,
        },
        notes: [
          rows.length === 0
            ? "No payouts synced yet."
            : `Paid-out clock · dates in ${shop.timezone}${rows[0]?.source === "withdrawal" ? " · withdrawals (this market has no automatic payments)" : ""}`,
          ...(failed > 0
            ? [`${failed} failed payout${failed === 1 ? "" : "s"}: check the bank account in Seller Center.`]
            : []),
        ],
      };
      if (several) section.title = shop.name;
      return section;
    });
    const { shops } = report;
    return reply({
      title: `Last ${args.count} payouts${shops.length === 1 ? ` · ${shops[0]!.name}` : ""}`,
      summary: `Last ${args.count} payouts`,
      sections: report.sections,
      footer: report.footer(),
      timestamp: ctx.now,
    });
  },
});
