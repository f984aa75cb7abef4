import type { AnyCommand, OptionInfo } from "../../core/define-command.ts";
import { describeOptions } from "../../core/define-command.ts";
import { PRIVATE_OPTION, PRIVATE_REPORTS } from "../../core/private.ts";

/** The single top-level Discord command; every definition is a subcommand (or group member) of it. */
export const TOP_LEVEL_COMMAND = "balance";

/**
 * Discord cannot invoke a command that has subcommands bare, so the bare `/balance` (and a bare
 * command that shares its first word with a group, e.g. "goal" beside "goal set") is exposed as
 * the subcommand `show`. The route maps it back, so the core still sees path [].
 */
export const BARE_SUBCOMMAND = "show";

/** Discord's pattern for command and option names (lowercase enforced separately). */
export const DISCORD_NAME_PATTERN = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** One typed option as Discord sees it, with the core's name to hand values back under. */
export interface DiscordOptionRoute {
  discordName: string;
  info: OptionInfo;
}

/** Where one command definition lives in the Discord command tree. */
export interface DiscordRoute {
  group?: string;
  subcommand: string;
  /** The Invocation path: the definition's words ("goal set" → ["goal","set"], "" → []). */
  path: string[];
  command: AnyCommand;
  /** Required options first, as Discord requires and as they are registered. */
  options: DiscordOptionRoute[];
}

/** A zod key ("shopName", "from date") as a valid lowercase Discord name ("shop-name", "from-date"). */
export function toDiscordName(name: string): string {
  const kebab = name
    .trim()
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1-$2")
    .replace(/[^-_\p{L}\p{N}]+/gu, "-")
    .toLowerCase();
  return kebab.slice(0, 32) || "value";
}

/** Lays the definitions out as Discord subcommands and groups, in definition order. */
export function buildRoutes(commands: readonly AnyCommand[]): DiscordRoute[] {
  const groups = new Set(
    commands.map((c) => words(c.name)).flatMap((w) => (w.length >= 2 && w[0] ? [toDiscordName(w[0])] : [])),
  );
  return commands.map((command) => {
    const path = words(command.name);
    const options = describeOptions(command)
      .map((info) => ({ discordName: toDiscordName(info.name), info }))
      // Stable sort: Discord rejects a required option after an optional one.
      .sort((a, b) => Number(b.info.required) - Number(a.info.required));
    // Reports also take `private` (an ephemeral answer; charts come as ephemeral attachments).
    if (PRIVATE_REPORTS.has(command.name))
      options.push({ discordName: PRIVATE_OPTION.name, info: PRIVATE_OPTION });
    const [first, second] = path.map(toDiscordName);
    if (path.length > 2) {
      throw new Error(
        `"${command.name}" is nested too deeply for Discord (at most a group and a subcommand)`,
      );
    }
    if (first === undefined) return { subcommand: BARE_SUBCOMMAND, path, command, options };
    if (second !== undefined) return { group: first, subcommand: second, path, command, options };
    if (groups.has(first)) return { group: first, subcommand: BARE_SUBCOMMAND, path, command, options };
    return { subcommand: first, path, command, options };
  });
}

/** The route for what Discord reports as the invoked group and subcommand. */
export function findRoute(
  routes: readonly DiscordRoute[],
  group: string | null,
  subcommand: string | null,
): DiscordRoute | undefined {
  return routes.find((r) => (r.group ?? null) === group && r.subcommand === subcommand);
}

function words(name: string): string[] {
  return name.split(/\s+/).filter(Boolean);
}
