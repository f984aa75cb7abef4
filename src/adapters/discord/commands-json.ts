import { type AnyCommand, describeIn, type OptionInfo } from "../../core/define-command.ts";
import { PERIOD_PRESETS } from "../../core/periods.ts";
import { LOCALES, translator } from "../../i18n/index.ts";
import {
  buildRoutes,
  type DiscordOptionRoute,
  type DiscordRoute,
  TOP_LEVEL_COMMAND,
} from "./command-routes.ts";

export { validateDiscordCommands } from "./validate-commands.ts";

/** Discord application command option types (reference §13). */
export const OptionType = {
  Subcommand: 1,
  SubcommandGroup: 2,
  String: 3,
  Integer: 4,
  Boolean: 5,
  Number: 10,
  Attachment: 11,
} as const;

export const DESCRIPTION_MAX = 100;
export const CHOICES_MAX = 25;
const CHOICE_TEXT_MAX = 100;
const TOP_LEVEL_DESCRIPTION = "Your TikTok Shop money: balance, earnings, payouts, goals and alerts";
const PERIOD_HINT = "; YYYY-MM works too";

/** One command choice as Discord expects it. */
export interface DiscordChoiceJson {
  name: string;
  value: string | number;
}

/** An application command option (a subcommand, a group or a typed value). */
export interface DiscordOptionJson {
  type: number;
  name: string;
  description: string;
  /** The description in Discord's locales ("id", "vi", "th"); names stay English everywhere. */
  description_localizations?: Record<string, string>;
  required?: boolean;
  choices?: DiscordChoiceJson[];
  autocomplete?: boolean;
  min_value?: number;
  max_value?: number;
  options?: DiscordOptionJson[];
}

/** A CHAT_INPUT application command, as PUT to /applications/:id(/guilds/:id)/commands. */
export interface DiscordCommandJson {
  type: 1;
  name: string;
  description: string;
  options: DiscordOptionJson[];
  /** null: every member sees /balance; admin-only subcommands are checked at run time (Manage Server). */
  default_member_permissions: string | null;
  /** Guild only (0): the workspace is the guild. Dropped for guild-scoped registration. */
  contexts?: number[];
  integration_types?: number[];
}

/**
 * The application command JSON for the one top-level `/balance`, generated from the command
 * definitions: "goal set" becomes group `goal` → subcommand `set`, the bare command becomes
 * `show`. Periods use autocomplete rather than choices, because choices reject free text and a
 * period may also be YYYY-MM, a date or a range; zones use autocomplete over the IANA list.
 */
export function buildDiscordCommands(commands: readonly AnyCommand[]): DiscordCommandJson[] {
  const top: DiscordOptionJson[] = [];
  const groups = new Map<string, DiscordOptionJson>();
  for (const route of buildRoutes(commands)) {
    const sub = subcommandJson(route);
    if (route.group === undefined) {
      top.push(sub);
      continue;
    }
    let group = groups.get(route.group);
    if (!group) {
      group = {
        type: OptionType.SubcommandGroup,
        name: route.group,
        description: clamp(groupDescription(route.group, commands)),
        options: [],
      };
      groups.set(route.group, group);
      top.push(group);
    }
    group.options?.push(sub);
  }
  return [
    {
      type: 1,
      name: TOP_LEVEL_COMMAND,
      description: TOP_LEVEL_DESCRIPTION,
      options: top,
      default_member_permissions: null,
      contexts: [0],
      integration_types: [0],
    },
  ];
}

/** An admin-only subcommand's hint, in the permission's name Discord's client shows in that language. */
function adminHint(locale: (typeof LOCALES)[number]): string {
  return ` (${translator(locale).t("commands.discordAdminPermission")})`;
}

function subcommandJson(route: DiscordRoute): DiscordOptionJson {
  const base = route.command.description.trim() || route.command.example || route.subcommand;
  const json: DiscordOptionJson = {
    type: OptionType.Subcommand,
    name: route.subcommand,
    description: withSuffix(base, route.command.admin ? adminHint("en") : ""),
    // Discord's locale values for our languages are the bare codes (reference: Locales).
    description_localizations: Object.fromEntries(
      LOCALES.filter((l) => l !== "en").map((l) => [
        l,
        withSuffix(describeIn(translator(l), route.command), route.command.admin ? adminHint(l) : ""),
      ]),
    ),
  };
  if (route.options.length > 0) json.options = route.options.map(optionJson);
  return json;
}

function optionJson({ discordName, info }: DiscordOptionRoute): DiscordOptionJson {
  const json: DiscordOptionJson = {
    type: valueType(info),
    name: discordName,
    // The hint only where the description shows no month yet ("YYYY-MM", or an example like
    // 2026-10): Discord caps /balance at 8000 characters (longest localization counted), which every report's `private` needs.
    description: withSuffix(
      info.description.trim() || info.name,
      info.kind === "period" && !/YYYY-MM|\b\d{4}-\d{2}\b/.test(info.description) ? PERIOD_HINT : "",
    ),
    required: info.required,
  };
  // Localized where the option names the message that describes it (shop, period, private).
  if (info.describedBy) {
    const { key, values } = info.describedBy;
    json.description_localizations = Object.fromEntries(
      LOCALES.filter((l) => l !== "en").map((l) => [
        l,
        translator(l).t(key, values).slice(0, DESCRIPTION_MAX),
      ]),
    );
  }
  if (info.kind === "period" || info.kind === "zone" || info.kind === "shop") json.autocomplete = true;
  else if (info.choices && info.choices.length > CHOICES_MAX) json.autocomplete = true;
  else if (info.choices) {
    json.choices = info.choices.map((c) => ({
      name: c.slice(0, CHOICE_TEXT_MAX),
      value: info.type === "string" ? c.slice(0, CHOICE_TEXT_MAX) : Number(c),
    }));
  }
  if (info.type === "integer" || info.type === "number") {
    if (info.min !== undefined) json.min_value = info.min;
    if (info.max !== undefined) json.max_value = info.max;
  }
  return json;
}

function valueType(info: OptionInfo): number {
  // A file the member attaches to the command (e.g. a Seller Center export for /balance import).
  if (info.kind === "attachment") return OptionType.Attachment;
  switch (info.type) {
    case "integer":
      return OptionType.Integer;
    case "number":
      return OptionType.Number;
    case "boolean":
      return OptionType.Boolean;
    default:
      return OptionType.String;
  }
}

/** The period presets offered by autocomplete (the user may still type YYYY-MM and the like). */
export const PERIOD_SUGGESTIONS: readonly string[] = PERIOD_PRESETS;

function groupDescription(group: string, commands: readonly AnyCommand[]): string {
  const members = commands.filter((c) => c.name.trim().split(/\s+/)[0] === group);
  const verbs = members.map((c) => c.name.trim().split(/\s+/)[1] ?? "show");
  return `${group[0]?.toUpperCase() ?? ""}${group.slice(1)}: ${verbs.join(", ")}`;
}

/** Appends a hint only when it still fits, so the definition's own words are never cut for it. */
function withSuffix(text: string, suffix: string): string {
  return text.length + suffix.length <= DESCRIPTION_MAX ? text + suffix : clamp(text);
}

function clamp(text: string): string {
  return text.length <= DESCRIPTION_MAX ? text : `${text.slice(0, DESCRIPTION_MAX - 1)}…`;
}
