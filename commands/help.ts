import { z } from "zod";
import { defineCommand, describeIn, TEXT_SYNTAX } from "../src/core/define-command.ts";
import { NotFound } from "../src/core/errors.ts";
import { reply } from "../src/core/reply.ts";

export default defineCommand({
  name: "help",
  description: "What every /balance command does, with an example",
  example: "/balance help earnings",
  options: z.object({
    command: z.string().max(40).optional().meta({ description: "A command to explain, e.g. earnings" }),
  }),
  async run(ctx, args) {
    // Imported lazily: the registry imports this module too.
    const { commands } = await import("./index.ts");
    const wanted = args.command?.toLowerCase();
    const list = wanted
      ? commands.filter((c) => c.name === wanted || c.name.startsWith(`${wanted} `))
      : commands;
    const { t } = ctx;
    if (list.length === 0) throw new NotFound(t("commands.helpNoCommand", { command: args.command ?? "" }));
    // One command a line, in the platform's own syntax (the adapter's): readable on a phone.
    const syntax = ctx.invocation.syntax ?? TEXT_SYNTAX;
    const lines = list.map((c) => {
      const parts = { example: syntax.example(c, commands), description: describeIn(ctx, c) };
      const line = c.admin ? t("commands.helpLineAdmin", parts) : t("commands.helpLine", parts);
      return wanted ? `${line}\n   ${t("commands.helpUsage", { usage: syntax.usage(c) })}` : line;
    });
    return reply({
      kind: "info",
      title: wanted ? `/balance ${wanted}` : t("commands.helpTitle"),
      summary: t("commands.helpSummary"),
      sections: [
        {
          // The text syntax's hint is the core's (translated); a platform's own comes from its adapter.
          notes: [...lines, syntax === TEXT_SYNTAX ? t("commands.helpTextOptions") : syntax.optionsHint],
        },
      ],
      ephemeral: true,
    });
  },
});
