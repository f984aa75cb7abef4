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
      throw new NotFound(ctx.t("goals.notFound", { id: String(args.id) }));
    }
    return reply({
      kind: "success",
      title: ctx.t("goals.removed", { id: String(args.id) }),
      ephemeral: true,
    });
  },
});
