import { z } from "zod";
import { defineCommand } from "../src/core/define-command.ts";
import { show } from "../src/core/format.ts";
import { periodOption, shopOption } from "../src/core/options.ts";
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
    const report = await reportPerShop(ctx, args, async (shop, resolved, several) => {
      const period = resolved!;
      const rows = await readStatementsInRange(ctx.db, shop.id, period, LIMIT + 1);
      const shown = rows.slice(0, LIMIT);
      const section: ReplySection = {
        table: {
          columns: [
            { label: "Day" },
            { label: "Statement" },
            { label: "Settlement", align: "right" },
            { label: "Revenue", align: "right" },
            { label: "Fees", align: "right" },
            { label: "Payment" },
          ],
          rows: shown.map((s) => [
            s.day,
            s.id,
            show(s.settlement, s.currency),
            s.revenue === null ? "—" : show(s.revenue, s.currency),
            s.fee === null ? "—" : show(s.fee, s.currency),
            s.paymentStatus === "FAILED" ? "⚠ FAILED" : s.paymentStatus.toLowerCase(),
          ]),
        },
        notes: [
          rows.length === 0
            ? `No statements in ${period.label}.`
            : `${period.label} · statements are stamped 00:00 UTC and listed on that local date in ${shop.timezone}`,
          ...(rows.length > LIMIT ? [`…showing the newest ${LIMIT}; narrow the period for older ones`] : []),
          "Details of one: /balance statement <id>",
        ],
      };
      if (several) section.title = shop.name;
      return section;
    });
    const { label, sections } = report;
    return reply({
      title: `Statements · ${label}`,
      summary: `Statements for ${label}`,
      sections,
      footer: report.footer(label),
      timestamp: ctx.now,
    });
  },
});
