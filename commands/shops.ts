import { z } from "zod";
import { defineCommand } from "../src/core/define-command.ts";
import { reply } from "../src/core/reply.ts";

export default defineCommand({
  name: "shops",
  description: "The shops linked to this workspace, with region, currency and time zone",
  example: "/balance shops",
  options: z.object({}),
  async run(ctx) {
    const { t, fmt } = ctx;
    const sourceOf = (s: (typeof shops)[number]) => {
      const source = s.provider === "sandbox" ? t("shops.sourceSandbox") : s.provider;
      return s.kind === "creator" ? t("shops.sourceCreator", { source }) : source;
    };
    const shops = ctx.scope.shops;
    return reply({
      kind: "info",
      title: t("shops.title", { count: shops.length }),
      summary:
        fmt.list(
          shops.map((s) =>
            s.currency
              ? t("shops.shop", { name: s.name, region: s.region, currency: s.currency })
              : t("shops.shopNoCurrency", { name: s.name, region: s.region }),
          ),
        ) || t("shops.none"),
      sections: [
        {
          table: {
            columns: [
              { label: t("shops.columnShop") },
              { label: t("shops.columnRegion") },
              { label: t("shops.columnCurrency") },
              { label: t("shops.columnZone") },
              { label: t("shops.columnSource") },
            ],
            rows: shops.map((s) => [s.name, s.region, s.currency ?? "—", s.timezone, sourceOf(s)]),
          },
          notes: [shops.length === 0 ? t("shops.noneNote") : t("shops.pickNote")],
        },
      ],
    });
  },
});
