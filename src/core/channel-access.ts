import type { CommandContext } from "./define-command.ts";
import { UserError } from "./errors.ts";

/** Whether the bot can post in a channel, as the adapter that owns the channel found out. */
export type PostCheck =
  | {
      ok: true /** Something the adapter did to make it possible, e.g. "I joined #finance". */;
      note?: string;
    }
  | {
      ok: false /** Why not, in the user's words. */;
      reason: string /** What to do about it. */;
      fix: string;
    };

/** Adapter-provided: the core asks before saving a setting that will post here later. */
export interface ChannelAccess {
  checkCanPost(): Promise<PostCheck>;
}

/** The console prints every reply itself: it can always post. */
export const ALWAYS_CAN_POST: ChannelAccess = { checkCanPost: async () => ({ ok: true }) };

/**
 * Refuses a setting (digest, alert) the bot could never deliver in this channel, with the fix.
 * Returns the adapter's note (e.g. that it joined the channel) for the confirmation.
 */
export async function requireCanPost(ctx: CommandContext, what: string): Promise<string | undefined> {
  const check = await ctx.invocation.channel.checkCanPost();
  if (check.ok) return check.note;
  throw new UserError(
    `I can't post ${what} in this channel: ${check.reason}. ${check.fix}; nothing was saved`,
  );
}
