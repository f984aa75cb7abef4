import type { Words } from "../i18n/index.ts";
import type { ChannelAccess } from "./channel-access.ts";
import type { CommandSyntax } from "./define-command.ts";
import type { Attachments } from "./importer.ts";
import type { ReplySection } from "./reply.ts";

/** The platforms the core knows. A new one will not compile until every Record<Platform, …> has it. */
export type Platform = "console" | "slack" | "discord" | "telegram" | "line";

/**
 * One command typed by one person, as every adapter hands it to the core. Either free `text`
 * (Slack, console: everything after `/balance`) or typed `options` (Discord).
 */
export interface Invocation {
  platform: Platform;
  /** Slack team id, Discord guild id, Telegram chat id (each chat is its own workspace), or "console". */
  workspaceId: string;
  workspaceName?: string;
  channelId: string;
  userId: string;
  /** Decided by the adapter (Slack admins/owners or allow-list, Discord Manage Server, console: everyone). */
  isAdmin: boolean;
  text?: string;
  options?: { path: string[]; values: Record<string, string | number | boolean | undefined> };
  /** How commands are typed here, for help; absent: free text (TEXT_SYNTAX). */
  syntax?: CommandSyntax;
  /** The files given with the command, as the platform hands them over (absent: none can be). */
  attachments?: Attachments;
  correlationId: string;
  /**
   * The asker's language as the platform tags it (Discord "id", Slack "id-ID", Telegram
   * language_code, LINE "th"); used until the workspace chooses one. Absent: not known.
   */
  locale?: string;
  /** Whether the bot can post in `channelId` later (digests, alerts), asked only by settings that need it. */
  channel: ChannelAccess;
  /**
   * What the platform itself says about this chat, for `/balance status` (LINE: the month's push
   * quota left). Absent: nothing to add.
   */
  platformStatus?: (words: Words) => Promise<ReplySection | undefined>;
}
