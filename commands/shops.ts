import { z } from "zod";
import { defineCommand } from "../src/core/define-command.ts";
import { reply } from "../src/core/reply.ts";

export default defineCommand({
  name: "shops",
  description: "The shops linked to this workspace, with region, currency and time zone",
  example: "/balance shops",
  options: z.object({}),
  async run(ctx) {
    const shops = ctx.scope.shops;
    return reply({
      kind: "info",
      title: `Linked shops (${shops.length})`,
      summary:
        shops.map((s) => `${s.name} (${s.region}, ${s.currency ?? "currency not known yet"})`).join(", ") ||
        "No shop linked yet",
      sections: [
        {
          table: {
            columns: [
              { label: "Shop" },
              { label: "Region" },
              { label: "Currency" },
              { label: "Days in" },
              { label: "Source" },
            ],
            rows: shops.map((s) => [
              s.name,
              s.region,
              s.currency ?? "—",
              s.timezone,
              s.provider === "sandbox" ? "sandbox data" : s.provider,
            ]),
          },
          notes:
            shops.length === 0
              ? ["No shop is linked yet; see README: connecting a shop."]
              : ["Pick one in any command with shop:<name>."],
        },
      ],
    });
  },
});
