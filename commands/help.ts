import { z } from "zod";
import { type AnyCommand, defineCommand, describeOptions, usageOf } from "../src/core/define-command.ts";
import { parseCommandText } from "../src/core/dispatcher.ts";
import { NotFound } from "../src/core/errors.ts";
import type { Platform } from "../src/core/invocation.ts";
import { reply } from "../src/core/reply.ts";

/** Discord runs the bare /balance as a subcommand of this name (it can't run a command that has subcommands). */
const DISCORD_BARE = "show";

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
    const platform = ctx.invocation.platform;
    // One command a line, in the platform's own syntax: readable on a phone.
    const lines = list.map((c) => {
      const line = `${exampleOf(commands, c, platform)} — ${c.description}${c.admin ? " (admins)" : ""}`;
      return wanted ? `${line}\n   usage: ${usageFor(c, platform)}` : line;
    });
    return reply({
      kind: "info",
      title: wanted ? `/balance ${wanted}` : "balance-bot commands",
      summary:
        "Figures come from the last sync of your TikTok Shop; every amount says its clock: pending (est.), settled, paid out.",
      sections: [
        {
          notes: [
            ...lines,
            platform === "discord"
              ? "Options: pick them from the list Discord shows as you type; shop: picks one of several shops."
              : "With several shops, add shop:<name> (a word of the name or its code, e.g. shop:us).",
          ],
        },
      ],
      ephemeral: true,
    });
  },
});

/** The command's example as the user types it on this platform (`/balance earnings period:7d` on Discord). */
function exampleOf(commands: readonly AnyCommand[], command: AnyCommand, platform: Platform): string {
  if (platform !== "discord") return command.example;
  try {
    const { values } = parseCommandText(commands, command.example);
    const options = Object.entries(values).map(([name, value]) => `${kebab(name)}:${String(value)}`);
    return [`/balance ${command.name || DISCORD_BARE}`, ...options].join(" ");
  } catch {
    return `/balance ${command.name || DISCORD_BARE}`;
  }
}

function usageFor(command: AnyCommand, platform: Platform): string {
  if (platform !== "discord") return usageOf(command);
  const parts = [`/balance ${command.name || DISCORD_BARE}`];
  for (const option of describeOptions(command)) {
    const shown = option.choices ? option.choices.join("|") : (option.placeholder ?? option.name);
    const text = `${kebab(option.name)}:<${shown}>`;
    parts.push(option.required ? text : `[${text}]`);
  }
  return parts.join(" ");
}

function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}
