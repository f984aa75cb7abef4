import { REST, Routes } from "discord.js";
import type { AnyCommand } from "../../core/define-command.ts";
import { buildDiscordCommands, type DiscordCommandJson, validateDiscordCommands } from "./commands-json.ts";

/** What `balance-bot register-commands` needs. */
export interface RegisterCommandsOptions {
  token: string;
  applicationId: string;
  /** REST base, e.g. "https://discord.com/api". */
  apiUrl: string;
  /** Register for one guild (applies instantly; for testing) instead of globally. */
  guildId?: string;
  commands: readonly AnyCommand[];
}

/** One registered command as Discord echoes it back. */
export interface RegisteredCommand {
  id: string;
  name: string;
}

/**
 * Bulk-overwrites the application's `/balance` command (global, or one guild) with the JSON
 * generated from the definitions. Run on demand, never at boot: Discord rate-limits command
 * writes and a global overwrite takes a while to reach every client.
 */
export async function registerCommands(options: RegisterCommandsOptions): Promise<RegisteredCommand[]> {
  const json = buildDiscordCommands(options.commands);
  const problems = validateDiscordCommands(json);
  if (problems.length > 0)
    throw new Error(`The generated Discord commands are invalid:\n- ${problems.join("\n- ")}`);
  const rest = new REST({ api: options.apiUrl }).setToken(options.token);
  try {
    const route = options.guildId
      ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
      : Routes.applicationCommands(options.applicationId);
    const body = options.guildId ? json.map(withoutGlobalOnlyFields) : json;
    const result = (await rest.put(route, { body })) as { id: string; name: string }[];
    return result.map(({ id, name }) => ({ id, name }));
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

/** `contexts` and `integration_types` apply to global commands only. */
function withoutGlobalOnlyFields(command: DiscordCommandJson): DiscordCommandJson {
  const { contexts: _contexts, integration_types: _types, ...rest } = command;
  return rest;
}
