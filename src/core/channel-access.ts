import type { MessageKey, MessageValues } from "../i18n/index.ts";
import type { CommandContext } from "./define-command.ts";
import { UserError } from "./errors.ts";

/** A message of the channelAccess area with its values, worded in the asker's language. */
export interface Phrase {
  key: MessageKey;
  values?: MessageValues;
}

/** Whether the bot can post in a channel, as the adapter that owns the channel found out. */
export type PostCheck =
  | {
      ok: true /** Something the adapter did to make it possible, e.g. "I joined #finance". */;
      note?: Phrase;
    }
  | {
      ok: false /** Why not, in the user's words. */;
      reason: Phrase /** What to do about it. */;
      fix: Phrase;
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
export async function requireCanPost(
  ctx: CommandContext,
  what: "alerts" | "digest",
): Promise<string | undefined> {
  const { t } = ctx;
  const say = (phrase: Phrase) => t(phrase.key, phrase.values);
  const check = await ctx.invocation.channel.checkCanPost();
  if (check.ok) return check.note && say(check.note);
  throw new UserError(
    t("channelAccess.refused", {
      what: t(what === "alerts" ? "channelAccess.whatAlerts" : "channelAccess.whatDigest"),
      reason: say(check.reason),
      fix: say(check.fix),
    }),
  );
}
