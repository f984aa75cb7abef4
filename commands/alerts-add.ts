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
import { formatMoney, toDecimal } from "../src/money/index.ts";
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
    const threshold = args.kind === "above" || args.kind === "below";
    if (threshold && !args.amount) {
      throw new UserError(`"alerts add ${args.kind}" needs an amount`, {
        example: `/balance alerts add ${args.kind} ${args.kind === "below" ? "0" : "5000"}`,
      });
    }
    if (!threshold && (args.amount || args.recover)) {
      throw new UserError(`"alerts add ${args.kind}" takes no amount`, {
        example: `/balance alerts add ${args.kind}`,
      });
    }
    const shop = threshold
      ? pickOneShop(ctx, args.shop, `/balance alerts add ${args.kind} ${args.amount}`)
      : undefined;
    const currency = shop ? shopCurrency(shop) : null;
    const limit = shop && args.amount ? parseAmountInput(args.amount, currency!) : null;
    const recover = shop && args.recover ? parseAmountInput(args.recover, currency!, "recover") : limit;
    if (limit && recover) {
      if (args.kind === "below" && recover.units < limit.units) {
        throw new UserError(
          `recover ${formatMoney(recover)} must be at or above the threshold ${formatMoney(limit)} for a "below" alert`,
        );
      }
      if (args.kind === "above" && recover.units > limit.units) {
        throw new UserError(
          `recover ${formatMoney(recover)} must be at or below the threshold ${formatMoney(limit)} for an "above" alert`,
        );
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
      title: `Alert #${rule.id} added`,
      summary: [note, `This channel will be told ${describeRule(rule, ctx.scope.shops)}.`]
        .filter(Boolean)
        .join(" "),
      ephemeral: true,
    });
  },
});
