import { z } from "zod";
import { describeRule } from "../src/alerts/describe.ts";
import { parseAmountInput } from "../src/core/amount-input.ts";
import { requireCanPost } from "../src/core/channel-access.ts";
import { defineCommand } from "../src/core/define-command.ts";
import { UserError } from "../src/core/errors.ts";
import { shopOption } from "../src/core/options.ts";
import { pickOneShop } from "../src/core/pick-one-shop.ts";
import { reply } from "../src/core/reply.ts";
import { shopCurrency } from "../src/core/shops.ts";
import { toDecimal } from "../src/money/index.ts";
import { insertAlertRule } from "../src/storage/repos/settings.ts";

export default defineCommand({
  name: "alerts add",
  description: "Alert this channel: payouts, failed payouts, balance above/below an amount",
  example: "/balance alerts add below 0 recover 100",
  admin: true,
  options: z.object({
    kind: z
      .enum(["payout", "failed", "above", "below"])
      .meta({ description: "payout, failed, above or below" }),
    amount: z.string().max(30).optional().meta({ kind: "amount", description: "Threshold for above/below" }),
    recover: z
      .string()
      .max(30)
      .optional()
      .meta({ kind: "amount", named: true, description: "Re-arm once back past this" }),
    shop: shopOption(),
  }),
  async run(ctx, args) {
    const { t, fmt } = ctx;
    const threshold = args.kind === "above" || args.kind === "below";
    if (threshold && !args.amount) {
      throw new UserError(t("alertRules.needsAmount", { kind: args.kind }), {
        example: `/balance alerts add ${args.kind} ${args.kind === "below" ? "0" : "5000"}`,
      });
    }
    if (!threshold && (args.amount || args.recover)) {
      throw new UserError(t("alertRules.takesNoAmount", { kind: args.kind }), {
        example: `/balance alerts add ${args.kind}`,
      });
    }
    const shop = threshold
      ? pickOneShop(ctx, args.shop, `/balance alerts add ${args.kind} ${args.amount}`)
      : undefined;
    const currency = shop ? shopCurrency(shop) : null;
    const limit = shop && args.amount ? parseAmountInput(args.amount, currency!, ctx) : null;
    const recover = shop && args.recover ? parseAmountInput(args.recover, currency!, ctx, "recover") : limit;
    if (limit && recover) {
      const given = { recover: fmt.money(recover), limit: fmt.money(limit) };
      if (args.kind === "below" && recover.units < limit.units) {
        throw new UserError(t("alertRules.recoverBelow", given));
      }
      if (args.kind === "above" && recover.units > limit.units) {
        throw new UserError(t("alertRules.recoverAbove", given));
      }
    }
    const named = args.shop ? pickOneShop(ctx, args.shop, "/balance alerts add payout") : shop;
    const note = await requireCanPost(ctx, "alerts");
    const rule = await insertAlertRule(ctx.db, {
      workspaceId: ctx.scope.workspaceId,
      channelId: ctx.scope.channelId,
      shopId: named?.id ?? null,
      kind: args.kind,
      threshold: limit ? toDecimal(limit) : null,
      recover: recover ? toDecimal(recover) : null,
      currency,
      createdBy: ctx.invocation.userId,
    });
    return reply({
      kind: "success",
      title: t("alertRules.addedTitle", { id: String(rule.id) }),
      summary: [note, t("alertRules.addedSummary", { rule: describeRule(rule, ctx.scope.shops, ctx) })]
        .filter(Boolean)
        .join(" "),
      ephemeral: true,
    });
  },
});
