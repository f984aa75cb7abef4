import { z } from "zod";
import { defineCommand } from "../src/core/define-command.ts";
import { NotFound } from "../src/core/errors.ts";
import { footer } from "../src/core/format.ts";
import { reply } from "../src/core/reply.ts";
import { lastSyncIn } from "../src/core/workspace.ts";
import { readStatement, readStatementTypeTotals } from "../src/storage/repos/rollups.ts";

export default defineCommand({
  name: "statement",
  description: "One statement's transactions summarised by type",
  example: "/balance statement 7238804564097517339",
  options: z.object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, {
        // A message key: the dispatcher words it in the asker's language.
        message: "statement.badId",
      })
      .meta({ kind: "id", description: "Statement id from /balance statements" }),
  }),
  async run(ctx, args) {
    const { t, fmt } = ctx;
    // Only this workspace's shops are searched: another workspace's id is simply "not found".
    for (const shop of ctx.scope.shops) {
      const statement = await readStatement(ctx.db, shop.id, args.id);
      if (!statement) continue;
      const types = await readStatementTypeTotals(ctx.db, shop.id, args.id);
      const lastSync = lastSyncIn(ctx.scope, shop.id);
      const c = statement.currency;
      const opt = (v: string | null) => (v === null ? "—" : fmt.amount(v, c));
      const status = { status: statement.paymentStatus, raw: statement.paymentStatus };
      const lower = { status: statement.paymentStatus, raw: statement.paymentStatus.toLowerCase() };
      return reply({
        title: t("statement.title", { id: statement.id, day: statement.day, shop: shop.name }),
        summary: t("statement.summary", { amount: fmt.amount(statement.settlement, c), ...status }),
        sections: [
          {
            fields: [
              {
                label: t("earnings.settlement"),
                clock: "settled",
                value: fmt.amount(statement.settlement, c),
                detail: statement.paymentId
                  ? t("statement.paymentPayout", { ...lower, payout: statement.paymentId })
                  : t("statement.payment", lower),
              },
              { label: t("earnings.revenue"), value: opt(statement.revenue) },
              { label: t("earnings.fees"), value: opt(statement.fee) },
              { label: t("earnings.shipping"), value: opt(statement.shipping) },
              { label: t("earnings.adjustments"), value: opt(statement.adjustment) },
            ],
            table: {
              columns: [
                { label: t("statement.columnType") },
                { label: t("statement.columnCount"), align: "right" },
                { label: t("earnings.settlement"), align: "right" },
                { label: t("earnings.revenue"), align: "right" },
                { label: t("statement.columnFeesTax"), align: "right" },
                { label: t("earnings.shipping"), align: "right" },
              ],
              rows: types
                .sort((a, b) => b.count - a.count)
                .map((row) => [
                  row.type,
                  fmt.number(row.count),
                  fmt.amount(row.settlement, row.currency),
                  fmt.amount(row.revenue, row.currency),
                  fmt.amount(row.feeTax, row.currency),
                  fmt.amount(row.shipping, row.currency),
                ]),
            },
            notes: [
              types.length === 0
                ? t("statement.notSynced")
                : t("statement.stamped", {
                    at: statement.statementTime.toISOString().slice(0, 16).replace("T", " "),
                    day: statement.day,
                    zone: shop.timezone,
                  }),
            ],
          },
        ],
        footer: footer(ctx, {
          shops: [shop],
          zone: shop.timezone,
          lastSync,
        }),
        timestamp: ctx.now,
      });
    }
    throw new NotFound(t("statement.notFound", { id: args.id }));
  },
});
