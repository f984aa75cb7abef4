import { z } from "zod";
import { defineCommand } from "../src/core/define-command.ts";
import { goalProgress } from "../src/core/goals.ts";
import { reply } from "../src/core/reply.ts";
import { formatMoney } from "../src/money/index.ts";
import { listGoals } from "../src/storage/repos/settings.ts";

export default defineCommand({
  name: "goal list",
  description: "Goals with progress, the pace still needed and the projection",
  example: "/balance goal list",
  options: z.object({}),
  async run(ctx) {
    const goals = await listGoals(ctx.db, ctx.scope.workspaceId);
    const rows = [];
    for (const goal of goals) {
      const shop = ctx.scope.shops.find((s) => s.id === goal.shopId);
      if (!shop) continue;
      const p = await goalProgress(ctx.db, shop.id, shop.timezone, goal, ctx.now);
      rows.push([
        `#${goal.id}`,
        `${shop.name}: ${goal.cadence} ${goal.metric}`,
        `${formatMoney(p.achieved)} of ${formatMoney(p.target)} (${p.percent}%)`,
        p.reached
          ? "reached ✓"
          : `needs ${formatMoney(p.neededPerDay!)}/day for ${p.daysLeft} day${p.daysLeft === 1 ? "" : "s"}`,
        formatMoney(p.projection),
        p.periodLabel,
      ]);
    }
    return reply({
      kind: "info",
      title: `Goals (${rows.length})`,
      summary: rows.length === 0 ? "No goals yet" : `${rows.length} goal(s)`,
      sections: [
        rows.length === 0
          ? { notes: ["No goals yet. An admin sets one with /balance goal set 5000 monthly"] }
          : {
              table: {
                columns: [
                  { label: "Id" },
                  { label: "Goal" },
                  { label: "Progress", align: "right" },
                  { label: "Pace" },
                  { label: "Projection", align: "right" },
                  { label: "Period" },
                ],
                rows,
              },
              notes: [
                "Settled clock; days in each shop's zone. Projection = the period's total at the current daily pace.",
              ],
            },
      ],
    });
  },
});
