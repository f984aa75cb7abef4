import { type CommandSyntax, describeOptions } from "../../core/define-command.ts";
import { parseCommandText } from "../../core/dispatcher.ts";
import { BARE_SUBCOMMAND } from "./command-routes.ts";

const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();

/** Discord's typed options: `/balance earnings period:7d`, picked from the list Discord shows. */
export const DISCORD_SYNTAX: CommandSyntax = {
  example(command, commands) {
    try {
      const { values } = parseCommandText(commands, command.example);
      const options = Object.entries(values).map(([name, value]) => `${kebab(name)}:${String(value)}`);
      return [`/balance ${command.name || BARE_SUBCOMMAND}`, ...options].join(" ");
    } catch {
      return `/balance ${command.name || BARE_SUBCOMMAND}`;
    }
  },
  usage(command) {
    const parts = [`/balance ${command.name || BARE_SUBCOMMAND}`];
    for (const option of describeOptions(command)) {
      const shown = option.choices ? option.choices.join("|") : (option.placeholder ?? option.name);
      const text = `${kebab(option.name)}:<${shown}>`;
      parts.push(option.required ? text : `[${text}]`);
    }
    return parts.join(" ");
  },
  adminRule: "Manage Server permission",
  optionsHint:
    "Options: pick them from the list Discord shows as you type; shop: picks one of several shops.",
};
