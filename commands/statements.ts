import { z } from "zod";
import { defineCommand } from "../src/core/define-command.ts";
import { periodOption, shopOption } from "../src/core/options.ts";
import { payoutStatus } from "../src/core/payout-amount.ts";
import { reportPerShop } from "../src/core/per-shop.ts";
import { type ReplySection, reply } from "../src/core/reply.ts";
import { readStatementsInRange } from "../src/storage/repos/rollups.ts";

const LIMIT = 31;

export default defineCommand({
  name: "statements",
  description: "Daily statements in a period with settlement and payment status",
  example: "/balance statements 7d",
  options: z.object({ period: periodOption("7d"), shop: shopOption() }),
  async run(ctx, args) {
    const { t, fmt } = ctx;
    const report = await reportPerShop(ctx, args, async (shop, resolved, several) => {
      const period = resolved!;
      const rows = await readStatementsInRange(ctx.db, shop.id, period, LIMIT + 1);
      const shown = rows.slice(0, LIMIT);
      const section: ReplySection = {
        table: {
          columns: [
            { label: t("statements.columnDay") },
            { label: t("statements.columnStatement") },
            { label: t("statements.columnSettlement"), align: "right" },
            { label: t("statements.columnRevenue"), align: "right" },
            { label: t("statements.columnFees"), align: "right" },
            { label: t("statements.columnPayment") },
          ],
          rows: shown.map((s) => [
            s.day,
            s.id,
            fmt.amount(s.settlement, s.currency),
            s.revenue === null ? "—" : fmt.amount(s.revenue, s.currency),
            s.fee === null ? "—" : fmt.amount(s.fee, s.currency),
            s.paymentStatus === "FAILED"
              ? t("statements.failed")
              : s.paymentStatus === "PAID" || s.paymentStatus === "PROCESSING"
                ? payoutStatus(s.paymentStatus, ctx)
                : s.paymentStatus.toLowerCase(),
          ]),
        },
        notes: [
          rows.length === 0
            ? t("statements.none", { period: period.label })
            : t("statements.stamped", { period: period.label, zone: shop.timezone }),
          ...(rows.length > LIMIT ? [t("statements.newest", { count: LIMIT })] : []),
          t("statements.details"),
        ],
      };
      if (several) section.title = shop.name;
      return section;
    });
    const { label, sections } = report;
    return reply({
      title: t("statements.title", { period: label }),
      summary: t("statements.summary", { period: label }),
      sections,
      footer: report.footer(label),
      timestamp: ctx.now,
    });
  },
});
