import { z } from "zod";
import { defineCommand } from "../src/core/define-command.ts";
import { NotFound } from "../src/core/errors.ts";
import { footer, show } from "../src/core/format.ts";
import { reply } from "../src/core/reply.ts";
import { readLastSync } from "../src/storage/repos/balance.ts";
import { readStatement, readStatementTypeTotals } from "../src/storage/repos/rollups.ts";

export default defineCommand({
  name: "statement",
  description: "One statement's transactions summarised by type",
  example: "/balance statement 7238804564097517339",
  options: z.object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, {
        message: "is not a statement id (digits, as shown by /balance statements)",
      })
      .meta({ kind: "id", description: "Statement id from /balance statements" }),
  }),
  async run(ctx, args) {
    // Only this workspace's shops are searched: another workspace's id is simply "not found".
    for (const shop of ctx.scope.shops) {
      const statement = await readStatement(ctx.db, shop.id, args.id);
      if (!statement) continue;
      const [types, lastSync] = await Promise.all([
        readStatementTypeTotals(ctx.db, shop.id, args.id),
        readLastSync(ctx.db, shop.id),
      ]);
      const c = statement.currency;
      const opt = (v: string | null) => (v === null ? "—" : show(v, c));
      return reply({
        title: `Statement ${statement.id} · ${statement.day} · ${shop.name}`,
        summary: `Settlement ${show(statement.settlement, c)}, payment ${statement.paymentStatus}`,
        sections: [
          {
            fields: [
              {
                label: "Settlement",
                clock: "settled",
                value: show(statement.settlement, c),
                detail: `payment ${statement.paymentStatus.toLowerCase()}${statement.paymentId ? ` · payout ${statement.paymentId}` : ""}`,
              },
              { label: "Revenue", value: opt(statement.revenue) },
              { label: "Fees", value: opt(statement.fee) },
              { label: "Shipping", value: opt(statement.shipping) },
              { label: "Adjustments", value: opt(statement.adjustment) },
            ],
            table: {
              columns: [
                { label: "Type" },
                { label: "Count", align: "right" },
                { label: "Settlement", align: "right" },
                { label: "Revenue", align: "right" },
                { label: "Fees & tax", align: "right" },
                { label: "Shipping", align: "right" },
              ],
              rows: types
                .sort((a, b) => b.count - a.count)
                .map((t) => [
                  t.type,
                  String(t.count),
                  show(t.settlement, t.currency),
                  show(t.revenue, t.currency),
                  show(t.feeTax, t.currency),
                  show(t.shipping, t.currency),
                ]),
            },
            notes: [
              types.length === 0
                ? "Its transactions have not been synced yet."
                : `Stamped ${statement.statementTime.toISOString().slice(0, 16).replace("T", " ")} UTC, shown on ${statement.day} in ${shop.timezone}`,
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
    throw new NotFound(
      `no statement ${args.id} in this workspace's shops; list them with /balance statements`,
    );
  },
});
