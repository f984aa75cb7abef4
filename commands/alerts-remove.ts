import { z } from "zod";
import { defineCommand } from "../src/core/define-command.ts";
import { NotFound } from "../src/core/errors.ts";
import { idOption } from "../src/core/options.ts";
import { reply } from "../src/core/reply.ts";
import { deleteAlertRule } from "../src/storage/repos/settings.ts";

export default defineCommand({
  name: "alerts remove",
  description: "Remove an alert rule",
  example: "/balance alerts remove 2",
  admin: true,
  options: z.object({ id: idOption("Alert id (see alerts list)") }),
  async run(ctx, args) {
    if (!(await deleteAlertRule(ctx.db, ctx.scope.workspaceId, args.id))) {
      throw new NotFound(ctx.t("alertRules.notFound", { id: String(args.id) }));
    }
    return reply({
      kind: "success",
      title: ctx.t("alertRules.removed", { id: String(args.id) }),
      ephemeral: true,
    });
  },
});
