import { z } from "zod";
import { defineCommand } from "../src/core/define-command.ts";
import { NotFound, UserError } from "../src/core/errors.ts";
import { idOption } from "../src/core/options.ts";
import { reply } from "../src/core/reply.ts";
import { readAlertRule, recordRuleChange, unsnoozeRule } from "../src/storage/repos/actions.ts";

export default defineCommand({
  name: "alerts unsnooze",
  description: "End a rule's snooze",
  example: "/balance alerts unsnooze 2",
  admin: true,
  options: z.object({ id: idOption("Alert id (see alerts list)") }),
  async run(ctx, args) {
    const { workspaceId } = ctx.scope;
    if (!(await readAlertRule(ctx.db, workspaceId, args.id))) {
      throw new NotFound(`there is no alert #${args.id} in this workspace (see /balance alerts list)`);
    }
    const changed = await ctx.db.transaction(async (tx) => {
      if (!(await unsnoozeRule(tx, args.id, ctx.now))) return false;
      await recordRuleChange(tx, {
        ruleId: args.id,
        workspaceId,
        change: "unsnooze",
        userId: ctx.invocation.userId,
        via: "command",
        at: ctx.now,
      });
      return true;
    });
    if (!changed) throw new UserError(`alert #${args.id} is not snoozed; nothing was changed`);
    return reply({ kind: "success", title: `Alert #${args.id} snooze ended`, ephemeral: true });
  },
});
