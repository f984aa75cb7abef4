import { inArray } from "drizzle-orm";
import { z } from "zod";
import { describeRule } from "../src/alerts/describe.ts";
import { defineCommand } from "../src/core/define-command.ts";
import { reply } from "../src/core/reply.ts";
import { listAlertRules } from "../src/storage/repos/settings.ts";
import { channels } from "../src/storage/schema/index.ts";

export default defineCommand({
  name: "alerts list",
  description: "This workspace's alert rules and their state",
  example: "/balance alerts list",
  options: z.object({}),
  async run(ctx) {
    const { t } = ctx;
    const rules = await listAlertRules(ctx.db, ctx.scope.workspaceId);
    const ids = [...new Set(rules.map((r) => r.channelId))];
    const names = ids.length
      ? new Map(
          (
            await ctx.db
              .select({ id: channels.id, ext: channels.externalId })
              .from(channels)
              .where(inArray(channels.id, ids))
          ).map((c) => [c.id, c.ext]),
        )
      : new Map<number, string>();
    const stateOf = (r: (typeof rules)[number]) => {
      const id = String(r.id);
      if (r.parkedReason) return t("alertRules.stateParked", { reason: r.parkedReason, id });
      if (r.mutedAt) return t("alertRules.stateMuted", { id });
      if (r.snoozedUntil && r.snoozedUntil > ctx.now) {
        const until = r.snoozedUntil.toISOString().slice(0, 16).replace("T", " ");
        return t("alertRules.stateSnoozed", { until, id });
      }
      if (r.kind !== "above" && r.kind !== "below") return t("alertRules.stateOn");
      return r.armed ? t("alertRules.stateArmed") : t("alertRules.stateFired");
    };
    return reply({
      kind: "info",
      title: t("alertRules.listTitle", { count: rules.length }),
      summary:
        rules.length === 0 ? t("alertRules.listNone") : t("alertRules.listSummary", { count: rules.length }),
      sections: [
        rules.length === 0
          ? { notes: [t("alertRules.listNoneNote")] }
          : {
              table: {
                columns: [
                  { label: t("alertRules.columnId") },
                  { label: t("alertRules.columnTells") },
                  { label: t("alertRules.columnChannel") },
                  { label: t("alertRules.columnState") },
                ],
                rows: rules.map((r) => [
                  `#${r.id}`,
                  describeRule(r, ctx.scope.shops, ctx),
                  r.channelId === ctx.scope.channelId
                    ? t("alertRules.thisChannel")
                    : (names.get(r.channelId) ?? "?"),
                  stateOf(r),
                ]),
              },
            },
      ],
    });
  },
});
