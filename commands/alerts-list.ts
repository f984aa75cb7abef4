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
    return reply({
      kind: "info",
      title: `Alerts (${rules.length})`,
      summary: rules.length === 0 ? "No alerts yet" : `${rules.length} alert rule(s)`,
      sections: [
        rules.length === 0
          ? { notes: ["No alerts yet. An admin adds one with /balance alerts add payout"] }
          : {
              table: {
                columns: [{ label: "Id" }, { label: "Tells" }, { label: "Channel" }, { label: "State" }],
                rows: rules.map((r) => [
                  `#${r.id}`,
                  describeRule(r, ctx.scope.shops),
                  r.channelId === ctx.scope.channelId ? "this channel" : (names.get(r.channelId) ?? "?"),
                  r.parkedReason
                    ? `set aside: ${r.parkedReason} (remove it with /balance alerts remove ${r.id})`
                    : r.mutedAt
                      ? `muted (turn it back on with /balance alerts unmute ${r.id})`
                      : r.snoozedUntil && r.snoozedUntil > ctx.now
                        ? `snoozed until ${r.snoozedUntil.toISOString().slice(0, 16).replace("T", " ")} UTC (end it with /balance alerts unsnooze ${r.id})`
                        : r.kind === "above" || r.kind === "below"
                          ? r.armed
                            ? "armed"
                            : "fired, waiting to recover"
                          : "on",
                ]),
              },
            },
      ],
    });
  },
});
