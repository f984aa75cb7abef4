import { z } from "zod";
import { defineCommand } from "../src/core/define-command.ts";
import { NotFound } from "../src/core/errors.ts";
import { idOption } from "../src/core/options.ts";
import { reply } from "../src/core/reply.ts";
import { deleteGoal } from "../src/storage/repos/settings.ts";

export default defineCommand({
  name: "goal remove",
  description: "Remove a goal by its id (see /balance goal list)",
  example: "/balance goal remove 3",
  admin: true,
  options: z.object({ id: idOption("Goal id from /balance goal list") }),
  async run(ctx, args) {
    if (!(await deleteGoal(ctx.db, ctx.scope.workspaceId, args.id))) {
      throw new NotFound(`there is no goal #${args.id} in this workspace (see /balance goal list)`);
    }
    return reply({ kind: "success", title: `Goal #${args.id} removed`, ephemeral: true });
  },
});
