import { z } from "zod";
import { defineCommand } from "../src/core/define-command.ts";
import { NotFound, UserError } from "../src/core/errors.ts";
import { idOption } from "../src/core/options.ts";
import { reply } from "../src/core/reply.ts";
import type { Tx } from "../src/storage/database.ts";
import { readAlertRule, recordRuleChange, unmuteRule, unsnoozeRule } from "../src/storage/repos/actions.ts";

/**
 * `alerts unsnooze <id>` and `alerts unmute <id>`: one shape, two state changes. Each clears the
 * rule's state and records who undid it, in one transaction; a rule not in that state is refused
 * with nothing changed.
 */
function undoCommand(spec: {
  change: "unsnooze" | "unmute";
  description: string;
  clear: (tx: Tx, ruleId: number, now: Date) => Promise<boolean>;
}) {
  return defineCommand({
    name: `alerts ${spec.change}`,
    description: spec.description,
    example: `/balance alerts ${spec.change} 2`,
    admin: true,
    options: z.object({ id: idOption("Alert id (see alerts list)") }),
    async run(ctx, args) {
      const { workspaceId } = ctx.scope;
      const said = { id: String(args.id), change: spec.change };
      if (!(await readAlertRule(ctx.db, workspaceId, args.id))) {
        throw new NotFound(ctx.t("alertRules.notFound", said));
      }
      const changed = await ctx.db.transaction(async (tx) => {
        if (!(await spec.clear(tx, args.id, ctx.now))) return false;
        await recordRuleChange(tx, {
          ruleId: args.id,
          workspaceId,
          change: spec.change,
          userId: ctx.invocation.userId,
          via: "command",
          at: ctx.now,
        });
        return true;
      });
      if (!changed) throw new UserError(ctx.t("alertRules.notInState", said));
      return reply({ kind: "success", title: ctx.t("alertRules.undone", said), ephemeral: true });
    },
  });
}

export const alertsUnsnooze = undoCommand({
  change: "unsnooze",
  description: "End a rule's snooze",
  clear: (tx, id, now) => unsnoozeRule(tx, id, now),
});

export const alertsUnmute = undoCommand({
  change: "unmute",
  description: "Turn a muted rule back on",
  clear: (tx, id) => unmuteRule(tx, id),
});
