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
    const matches = pickShops(ctx, args.shop);
    if (matches.length !== 1) {
      throw new UserError(`say which shop to disconnect: ${matches.map((s) => s.name).join(", ")}`);
    }
    const shop = matches[0]!;
    const result = await disconnectShop(ctx.db, ctx.scope.workspaceId, shop.id);
    const notes = [
      result.credentialsDeleted
        ? "No other workspace uses its TikTok authorization, so the stored credentials were deleted."
        : "Another workspace still uses this shop's TikTok authorization, so its credentials stay.",
      "Its synced history stays in the database; /balance connect links it again.",
    ];
    if (ctx.autoLinkProvider === shop.provider)
      notes.push("Sandbox: a workspace with no shop sees the sandbox shops again on its next command.");
    return reply({
      kind: "success",
      title: `Disconnected ${shop.name}`,
      summary: `${shop.name} is no longer linked to this workspace.`,
      sections: [{ notes }],
      ephemeral: true,
    });
  },
});
