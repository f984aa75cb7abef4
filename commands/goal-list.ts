import { z } from "zod";
import { defineCommand } from "../src/core/define-command.ts";
import { goalPeriodLabel, goalProgress } from "../src/core/goals.ts";
import { reply } from "../src/core/reply.ts";
import { listGoals } from "../src/storage/repos/settings.ts";

export default defineCommand({
  name: "goal list",
  description: "Goals with progress, the pace still needed and the projection",
  example: "/balance goal list",
  options: z.object({}),
  async run(ctx) {
    const { t, fmt } = ctx;
    const goals = await listGoals(ctx.db, ctx.scope.workspaceId);
    const rows = [];
    for (const goal of goals) {
      const shop = ctx.scope.shops.find((s) => s.id === goal.shopId);
      if (!shop) continue;
      const p = await goalProgress(ctx.db, shop.id, shop.timezone, goal, ctx.now);
      rows.push([
        `#${goal.id}`,
        t("goals.rowGoal", { shop: shop.name, cadence: goal.cadence, metric: goal.metric }),
        t("goals.rowProgress", {
          achieved: fmt.money(p.achieved),
          target: fmt.money(p.target),
          percent: p.percent,
        }),
        p.reached
          ? t("goals.rowReached")
          : t("goals.rowPace", { amount: fmt.money(p.neededPerDay!), days: p.daysLeft }),
        fmt.money(p.projection),
        goalPeriodLabel(goal.cadence, p.periodStart, ctx),
      ]);
    }
    return reply({
      kind: "info",
      title: t("goals.listTitle", { count: rows.length }),
      summary: rows.length === 0 ? t("goals.listNone") : t("goals.listSummary", { count: rows.length }),
      sections: [
        rows.length === 0
          ? { notes: [t("goals.listNoneNote")] }
          : {
              table: {
                columns: [
                  { label: t("goals.columnId") },
                  { label: t("goals.columnGoal") },
                  { label: t("goals.columnProgress"), align: "right" },
                  { label: t("goals.columnPace") },
                  { label: t("goals.columnProjection"), align: "right" },
                  { label: t("goals.columnPeriod") },
                ],
                rows,
              },
              notes: [t("goals.listNote")],
            },
      ],
    });
  },
});
