import { z } from "zod";
import { defineCommand, TEXT_SYNTAX } from "../src/core/define-command.ts";
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
    if (list.length === 0) throw new NotFound(`there is no command "${args.command}"`);
    // One command a line, in the platform's own syntax (the adapter's): readable on a phone.
    const syntax = ctx.invocation.syntax ?? TEXT_SYNTAX;
    const lines = list.map((c) => {
      const line = `${syntax.example(c, commands)} — ${c.description}${c.admin ? " (admins)" : ""}`;
      return wanted ? `${line}\n   usage: ${syntax.usage(c)}` : line;
    });
    return reply({
      kind: "info",
      title: wanted ? `/balance ${wanted}` : "balance-bot commands",
      summary:
        "Figures come from the last sync of your TikTok Shop; every amount says its clock: pending (est.), settled, paid out.",
      sections: [
        {
          notes: [...lines, syntax.optionsHint],
        },
      ],
      ephemeral: true,
    });
  },
});
