import type { SlashCommand, webApi } from "@slack/bolt";
import type { ChannelAccess } from "../../core/channel-access.ts";
import { UserError } from "../../core/errors.ts";
import type { Attachments } from "../../core/importer.ts";
import type { Invocation } from "../../core/invocation.ts";
import type { Logger } from "../../log.ts";

/** Long enough to spare users.info on every command, short enough that a demoted admin loses rights soon. */
export const ADMIN_CACHE_TTL_MS = 5 * 60_000;
const MAX_CACHED_USERS = 5_000;

/** What users.info says about the asker: admin rights, and the language of their Slack client. */
export interface SlackAsker {
  isAdmin: boolean;
  /** The user's Slack locale ("id-ID", "vi-VN", "th-TH"); absent when users.info failed. */
  locale?: string;
}

/**
 * Decides whether a Slack user may change settings: a workspace admin or owner (users.info), or a
 * user id in SLACK_ADMIN_USERS; the same call (with include_locale) gives the user's language, as
 * the slash command's payload carries none. Answers are cached per team and user for a few
 * minutes; a failed lookup is not cached and counts as "not admin" (a refusal can be retried, a
 * wrong grant cannot).
 */
export class SlackAdminCheck {
  private readonly cache = new Map<string, SlackAsker & { expiresAt: number }>();

  constructor(
    private readonly allowList: readonly string[],
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  async isAdmin(client: webApi.WebClient, teamId: string, userId: string): Promise<boolean> {
    return (await this.asker(client, teamId, userId)).isAdmin;
  }

  async asker(client: webApi.WebClient, teamId: string, userId: string): Promise<SlackAsker> {
    const listed = this.allowList.includes(userId);
    const key = `${teamId}:${userId}`;
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt > this.now()) return cached;
    try {
      const info = await client.users.info({ user: userId, include_locale: true });
      const isAdmin = listed || info.user?.is_admin === true || info.user?.is_owner === true;
      const asker: SlackAsker = info.user?.locale ? { isAdmin, locale: info.user.locale } : { isAdmin };
      if (this.cache.size >= MAX_CACHED_USERS) this.cache.clear();
      this.cache.set(key, { ...asker, expiresAt: this.now() + ADMIN_CACHE_TTL_MS });
      return asker;
    } catch (error) {
      this.log.warn({ err: error, teamId, userId }, "users.info failed; treating the user as a non-admin");
      return { isAdmin: listed };
    }
  }
}

/** Slack slash commands carry text only. */
const NO_FILES: Attachments = {
  async open() {
    throw new UserError(
      "Slack slash commands can't carry a file: import it on the server with `balance-bot import <file>`, or from Discord's /balance import",
    );
  },
};

/** The neutral Invocation for one `/balance …` slash command. */
export function toInvocation(
  command: SlashCommand,
  asker: SlackAsker,
  correlationId: string,
  channel: ChannelAccess,
): Invocation {
  const { isAdmin, locale } = asker;
  return {
    platform: "slack",
    workspaceId: command.team_id,
    ...(command.team_domain ? { workspaceName: command.team_domain } : {}),
    channelId: command.channel_id,
    userId: command.user_id,
    isAdmin,
    text: command.text ?? "",
    attachments: NO_FILES,
    correlationId,
    channel,
    ...(locale ? { locale } : {}),
  };
}
