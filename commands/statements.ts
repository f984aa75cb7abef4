import { z } from "zod";
import { defineCommand } from "../src/core/define-command.ts";
import { footer, show } from "../src/core/format.ts";
import { periodOption, shopOption } from "../src/core/options.ts";
import { resolvePeriod } from "../src/core/periods.ts";
import { type ReplySection, reply } from "../src/core/reply.ts";
import { pickShops } from "../src/core/shops.ts";
import { readLastSync } from "../src/storage/repos/balance.ts";
import { readStatementsInRange } from "../src/storage/repos/rollups.ts";

const LIMIT = 31;

export default defineCommand({
  name: "statements",
  description: "Daily statements in a period with settlement and payment status",
  example: "/balance statements 7d",
  options: z.object({ period: periodOption("7d"), shop: shopOption() }),
  async run(ctx, args) {
    const shops = pickShops(ctx, args.shop);
    const sections: ReplySection[] = [];
    let label = "";
    let lastSync: Date | null = null;
    for (const shop of shops) {
      const period = resolvePeriod(args.period, shop.timezone, ctx.now);
      label = period.label;
      const [rows, synced] = await Promise.all([
        readStatementsInRange(ctx.db, shop.id, period, LIMIT + 1),
        readLastSync(ctx.db, shop.id),
      ]);
      if (synced && (!lastSync || synced < lastSync)) lastSync = synced;
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
      if (shops.length > 1) section.title = shop.name;
      sections.push(section);
    }
    return reply({
      title: `Statements · ${label}`,
      summary: `Statements for ${label}`,
      sections,
      footer: footer(ctx, {
        shops,
        zone: shops.length === 1 ? shops[0]!.timezone : "each shop's zone",
        lastSync,
        period: label,
      }),
      timestamp: ctx.now,
    });
  },
});
