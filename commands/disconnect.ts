import { z } from "zod";
import { defineCommand } from "../src/core/define-command.ts";
import { UserError } from "../src/core/errors.ts";
import { reply } from "../src/core/reply.ts";
import { pickShops } from "../src/core/shops.ts";
import { disconnectShop } from "../src/storage/repos/connections.ts";

export default defineCommand({
  name: "disconnect",
  description: "Remove a shop from this workspace (its credentials go when no workspace uses them)",
  example: '/balance disconnect "Acme US"',
  admin: true,
  options: z.object({
    shop: z.string().min(1).max(100).meta({ kind: "shop", description: "The shop's name or id" }),
  }),
  async run(ctx, args) {
    const { t, fmt } = ctx;
    const matches = pickShops(ctx, args.shop);
    if (matches.length !== 1) {
      throw new UserError(t("connect.whichShop", { shops: fmt.list(matches.map((s) => s.name)) }));
    }
    const shop = matches[0]!;
    const result = await disconnectShop(ctx.db, ctx.scope.workspaceId, shop.id);
    const notes = [
      result.credentialsDeleted ? t("connect.credentialsDeleted") : t("connect.credentialsKept"),
      t("connect.historyStays"),
    ];
    if (ctx.autoLinkProvider === shop.provider) notes.push(t("connect.sandboxAgain"));
    return reply({
      kind: "success",
      title: t("connect.disconnectedTitle", { shop: shop.name }),
      summary: t("connect.disconnectedSummary", { shop: shop.name }),
      sections: [{ notes }],
      ephemeral: true,
    });
  },
});
