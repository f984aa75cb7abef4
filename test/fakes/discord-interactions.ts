import type { FakeGuild } from "./discord-gateway.ts";
import { type FakeFile, type FakeMessage, type Json, snowflake } from "./discord-payloads.ts";

/** Discord's deadline for the initial interaction response. */
export const INITIAL_RESPONSE_DEADLINE_MS = 3_000;

/** What a test asks the fake to dispatch as INTERACTION_CREATE. */
export interface SendInteraction {
  guildId?: string;
  channelId?: string;
  userId?: string;
  /** The member's computed permissions in the channel (bit set); "32" is Manage Server. */
  permissions?: bigint | string;
  /** Subcommand path under /balance: ["show"], ["chart"], ["goal", "set"]. */
  path: string[];
  options?: Record<string, string | number | boolean>;
  /** Files for attachment options (type 11): uploaded to the fake's CDN, resolved in the payload. */
  attachments?: Record<string, { filename: string; bytes: Buffer; contentType?: string }>;
  /** Sends an APPLICATION_COMMAND_AUTOCOMPLETE for this option (its value is the partial text). */
  focused?: string;
  commandName?: string;
  /**
   * The member's client language, one of Discord's locale values (e.g. "en-US", "id", "vi", "th";
   * https://discord.com/developers/docs/reference#locales). Default "en-US".
   */
  locale?: string;
}

/** Discord's locale values (reference: Locales); an interaction carries one of these. */
export const DISCORD_LOCALES = [
  "id",
  "da",
  "de",
  "en-GB",
  "en-US",
  "es-ES",
  "es-419",
  "fr",
  "hr",
  "it",
  "lt",
  "hu",
  "nl",
  "no",
  "pl",
  "pt-BR",
  "ro",
  "fi",
  "sv-SE",
  "vi",
  "tr",
  "cs",
  "el",
  "bg",
  "ru",
  "uk",
  "hi",
  "th",
  "zh-CN",
  "ja",
  "zh-TW",
  "ko",
] as const;

/** One thing the bot did with an interaction, `at` ms after it was dispatched. */
export interface InteractionEvent {
  at: number;
  kind: "callback" | "edit" | "get" | "delete" | "followup";
  status: number;
  /** Callback type (4 reply, 5 defer, 8 autocomplete result) for callbacks. */
  type?: number;
  data?: Json;
  files: FakeFile[];
  error?: string;
}

/** Everything recorded for one dispatched interaction. */
export interface InteractionRecord {
  id: string;
  token: string;
  autocomplete: boolean;
  /** A MESSAGE_COMPONENT interaction (a button click): `original` is the clicked message. */
  component?: boolean;
  payload: Json;
  sentAt: number;
  events: InteractionEvent[];
  /** The original response message (after a type 4 reply, or a type 5 deferral and its edit). */
  original?: FakeMessage;
  followups: FakeMessage[];
  /** Autocomplete choices, for autocomplete interactions. */
  choices?: { name: string; value: string | number }[];
  /** True when nothing final arrived before the test's timeout. */
  timedOut?: boolean;
}

const TYPES = { subcommand: 1, group: 2, string: 3, integer: 4, boolean: 5, number: 10 } as const;

/** Builds data.options for a path and values, typed from the registered command when there is one. */
export function commandOptions(
  registered: Json | undefined,
  path: string[],
  values: Record<string, string | number | boolean>,
  focused: string | undefined,
): Json[] {
  let level = (registered?.options as Json[] | undefined) ?? undefined;
  const nest: Json[] = [];
  for (const name of path) {
    const def = level?.find((o) => o.name === name);
    if (registered && !def) throw new Error(`fake discord: /balance has no subcommand or group "${name}"`);
    nest.push({
      name,
      type: def ? Number(def.type) : path.indexOf(name) === path.length - 1 ? TYPES.subcommand : TYPES.group,
    });
    level = def?.options as Json[] | undefined;
  }
  const leaf = Object.entries(values).map(([name, value]) => {
    const def = level?.find((o) => o.name === name);
    if (registered && !def)
      throw new Error(`fake discord: option "${name}" is not registered under ${path.join(" ")}`);
    const type = def ? Number(def.type) : inferType(value);
    const option: Json = { name, type, value: focused === name ? String(value) : value };
    if (focused === name) option.focused = true;
    return option;
  });
  if (registered && !focused) {
    for (const def of level ?? []) {
      if (def.required === true && !(String(def.name) in values)) {
        throw new Error(
          `fake discord: required option "${String(def.name)}" missing (the client would not send this)`,
        );
      }
    }
  }
  let options: Json[] = leaf;
  for (let i = nest.length - 1; i >= 0; i--) options = [{ ...nest[i], options }];
  return options;
}

function inferType(value: string | number | boolean): number {
  if (typeof value === "boolean") return TYPES.boolean;
  if (typeof value === "number") return Number.isInteger(value) ? TYPES.integer : TYPES.number;
  return TYPES.string;
}

/** A full INTERACTION_CREATE payload (reference §11), including the fields discord.js needs. */
export function interactionPayload(input: {
  id: string;
  token: string;
  applicationId: string;
  guild: FakeGuild;
  channelId: string;
  userId: string;
  permissions: string;
  /** The bot's permissions in the channel, as Discord computes them. */
  appPermissions: string;
  commandId: string;
  commandName: string;
  autocomplete: boolean;
  options: Json[];
  resolved?: Json;
  locale?: string;
}): Json {
  const locale = input.locale ?? "en-US";
  if (!(DISCORD_LOCALES as readonly string[]).includes(locale))
    throw new Error(`fake discord: "${locale}" is not a Discord locale`);
  const channel = input.guild.channels.find((c) => c.id === input.channelId);
  return {
    id: input.id,
    application_id: input.applicationId,
    type: input.autocomplete ? 4 : 2,
    token: input.token,
    version: 1,
    guild_id: input.guild.id,
    guild: { id: input.guild.id, locale: "en-US", features: [] },
    channel: {
      id: input.channelId,
      type: 0,
      guild_id: input.guild.id,
      name: channel?.name ?? "general",
      permissions: input.permissions,
      flags: 0,
      last_message_id: null,
      position: 0,
      parent_id: null,
      nsfw: false,
      topic: null,
      rate_limit_per_user: 0,
    },
    channel_id: input.channelId,
    locale,
    guild_locale: "en-US",
    app_permissions: input.appPermissions,
    member: {
      user: {
        id: input.userId,
        username: `user${input.userId.slice(-4)}`,
        discriminator: "0",
        global_name: "Test User",
        avatar: null,
      },
      roles: [],
      joined_at: "2026-01-01T00:00:00.000Z",
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      premium_since: null,
      nick: null,
      avatar: null,
      permissions: input.permissions,
    },
    entitlements: [],
    authorizing_integration_owners: { "0": input.guild.id },
    context: 0,
    attachment_size_limit: 10_485_760,
    data: {
      id: input.commandId,
      name: input.commandName,
      type: 1,
      guild_id: input.guild.id,
      options: input.options,
      ...(input.resolved ? { resolved: input.resolved } : {}),
    },
  };
}

/** A fresh interaction id and token. */
export function interactionIdentity(): { id: string; token: string } {
  const id = snowflake();
  return { id, token: `aW50ZXJhY3Rpb246${id}:${Math.random().toString(36).slice(2)}` };
}

/**
 * A MESSAGE_COMPONENT interaction (type 3) for a click on a button (interactions/receiving-and-
 * responding.mdx): the same envelope as a command, with data { custom_id, component_type: 2 } and
 * the message the button is on.
 */
export function componentPayload(base: Json, customId: string, message: Json): Json {
  return { ...base, type: 3, data: { custom_id: customId, component_type: 2 }, message };
}
