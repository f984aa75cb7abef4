import { z } from "zod";
import { parseAmountInput } from "../src/core/amount-input.ts";
import { defineCommand } from "../src/core/define-command.ts";
import { UserError } from "../src/core/errors.ts";
import { goalPeriodLabel, goalProgress } from "../src/core/goals.ts";
import { shopOption } from "../src/core/options.ts";
import { pickOneShop } from "../src/core/pick-one-shop.ts";
import { reply } from "../src/core/reply.ts";
import { shopCurrency } from "../src/core/shops.ts";
import { toDecimal } from "../src/money/index.ts";
import { insertGoal } from "../src/storage/repos/settings.ts";

export default defineCommand({
  name: "goal set",
  description: "Set a daily, weekly or monthly goal for settled money or revenue",
  example: "/balance goal set 5000 monthly settled",
  admin: true,
  options: z.object({
    amount: z
      .string()
      .max(30)
      .meta({ kind: "amount", description: "Target, e.g. 5000, in the shop's currency" }),
    cadence: z
      .enum(["daily", "weekly", "monthly"])
      .default("monthly")
      .meta({ description: "Goal period (default monthly)" }),
    metric: z
      .enum(["settled", "revenue"])
      .default("settled")
      .meta({ description: "What counts: settled money or revenue" }),
    shop: shopOption(),
  }),
  async run(ctx, args) {
    const { t, fmt } = ctx;
    const shop = pickOneShop(ctx, args.shop, "/balance goal set 5000");
    const currency = shopCurrency(shop);
    const target = parseAmountInput(args.amount, currency, ctx);
    if (target.units <= 0n) throw new UserError(t("goals.notPositive"));
    const goal = await insertGoal(ctx.db, {
      workspaceId: ctx.scope.workspaceId,
      shopId: shop.id,
      amount: toDecimal(target),
      currency,
      cadence: args.cadence,
      metric: args.metric,
      createdBy: ctx.invocation.userId,
    });
    const progress = await goalProgress(ctx.db, shop.id, shop.timezone, goal, ctx.now);
    return reply({
      kind: "success",
      title: t("goals.setTitle", { id: String(goal.id) }),
      summary: t("goals.setSummary", {
        cadence: args.cadence,
        metric: args.metric,
        amount: fmt.money(target),
        shop: shop.name,
        percent: progress.percent,
        period: goalPeriodLabel(args.cadence, progress.periodStart, ctx),
        zone: shop.timezone,
      }),
      sections: [],
      ephemeral: true,
    });
  },
});
