/**
 * Discord's permission computation for the fake, written from developers/topics/permissions.mdx
 * ("Permission Overwrites" pseudo-code and "Implicit Permissions"): the bot's permissions in a
 * channel decide what POST /channels/:id/messages accepts and what `app_permissions` says.
 */

/** Bits used by the fake (permissions.mdx "Bitwise Permission Flags"). */
export const PERMISSION = {
  ADMINISTRATOR: 1n << 3n,
  VIEW_CHANNEL: 1n << 10n,
  SEND_MESSAGES: 1n << 11n,
  SEND_TTS_MESSAGES: 1n << 12n,
  EMBED_LINKS: 1n << 14n,
  ATTACH_FILES: 1n << 15n,
  READ_MESSAGE_HISTORY: 1n << 16n,
  MENTION_EVERYONE: 1n << 17n,
  USE_APPLICATION_COMMANDS: 1n << 31n,
} as const;

const ALL = (1n << 53n) - 1n;

/** What the bot's invite granted its managed role unless a test says otherwise. */
export const DEFAULT_BOT_PERMISSIONS =
  PERMISSION.VIEW_CHANNEL |
  PERMISSION.SEND_MESSAGES |
  PERMISSION.EMBED_LINKS |
  PERMISSION.ATTACH_FILES |
  PERMISSION.READ_MESSAGE_HISTORY |
  PERMISSION.USE_APPLICATION_COMMANDS;

/** A channel overwrite as a test writes it: on @everyone, on the bot's role, or on the bot itself. */
export interface FakeOverwrite {
  target: "everyone" | "bot-role" | "bot";
  allow?: bigint;
  deny?: bigint;
}

/** The ids the overwrite targets resolve to. */
export interface PermissionIds {
  guildId: string;
  botRoleId: string;
  botId: string;
}

/** The wire form of an overwrite (channel.mdx "Overwrite Object": type 0 role, 1 member). */
export function overwriteObject(o: FakeOverwrite, ids: PermissionIds): Record<string, unknown> {
  const id = o.target === "everyone" ? ids.guildId : o.target === "bot-role" ? ids.botRoleId : ids.botId;
  return { id, type: o.target === "bot" ? 1 : 0, allow: String(o.allow ?? 0n), deny: String(o.deny ?? 0n) };
}

/**
 * permissions.mdx: base = @everyone | the member's roles (ADMINISTRATOR = everything); then the
 * @everyone overwrite, the member's role overwrites together, the member's own overwrite — each
 * deny before allow. Implicit: no VIEW_CHANNEL means no channel permission at all; no
 * SEND_MESSAGES also removes MENTION_EVERYONE, SEND_TTS_MESSAGES, ATTACH_FILES and EMBED_LINKS.
 */
export function botPermissionsIn(input: {
  everyone: bigint;
  botRole: bigint;
  overwrites: readonly FakeOverwrite[];
}): bigint {
  const base = input.everyone | input.botRole;
  if ((base & PERMISSION.ADMINISTRATOR) !== 0n) return ALL;
  let perms = base;
  for (const target of ["everyone", "bot-role", "bot"] as const) {
    const matching = input.overwrites.filter((o) => o.target === target);
    const deny = matching.reduce((acc, o) => acc | (o.deny ?? 0n), 0n);
    const allow = matching.reduce((acc, o) => acc | (o.allow ?? 0n), 0n);
    perms = (perms & ~deny) | allow;
  }
  if ((perms & PERMISSION.VIEW_CHANNEL) === 0n) return 0n;
  if ((perms & PERMISSION.SEND_MESSAGES) === 0n) {
    perms &= ~(
      PERMISSION.MENTION_EVERYONE |
      PERMISSION.SEND_TTS_MESSAGES |
      PERMISSION.ATTACH_FILES |
      PERMISSION.EMBED_LINKS
    );
  }
  return perms;
}
