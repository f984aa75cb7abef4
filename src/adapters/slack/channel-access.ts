import type { webApi } from "@slack/bolt";
import type { ChannelAccess, Phrase, PostCheck } from "../../core/channel-access.ts";
import type { Logger } from "../../log.ts";
import { slackErrorCode } from "./slack-errors.ts";

const REINSTALL: Phrase = { key: "channelAccess.slackReinstall" };
const NOT_MEMBER: Phrase = { key: "channelAccess.slackNotMember" };

/**
 * Can the bot post in this Slack conversation later (digests, alerts)? conversations.info says
 * whether it is a member; a public channel it is not in is joined (channels:join), any other
 * gets the `/invite` line. DMs are refused: a digest or alert belongs in a channel the team shares.
 */
export function slackChannelAccess(
  client: webApi.WebClient,
  channelId: string,
  botName: string,
  log: Logger,
): ChannelAccess {
  const invite: Phrase = { key: "channelAccess.slackInvite", values: { bot: botName } };
  const dm: PostCheck = {
    ok: false,
    reason: { key: "channelAccess.slackDirect" },
    fix: { key: "channelAccess.slackDirectFix" },
  };
  return {
    async checkCanPost() {
      // D… ids are direct messages; conversations.info on one needs im:read, which the bot does not ask for.
      if (channelId.startsWith("D")) return dm;
      let channel:
        | {
            is_member?: boolean;
            is_private?: boolean;
            is_im?: boolean;
            is_mpim?: boolean;
            is_archived?: boolean;
            name?: string;
          }
        | undefined;
      try {
        channel = (await client.conversations.info({ channel: channelId })).channel;
      } catch (error) {
        const code = slackErrorCode(error);
        // A private channel the bot is not in is invisible to it: Slack says channel_not_found.
        if (code === "channel_not_found") return { ok: false, reason: NOT_MEMBER, fix: invite };
        if (code === "missing_scope") {
          return {
            ok: false,
            reason: { key: "channelAccess.slackScope" },
            fix: REINSTALL,
          };
        }
        throw error;
      }
      if (!channel) return { ok: false, reason: { key: "channelAccess.slackUndescribed" }, fix: invite };
      if (channel.is_im || channel.is_mpim) return dm;
      if (channel.is_archived)
        return {
          ok: false,
          reason: { key: "channelAccess.slackArchived" },
          fix: { key: "channelAccess.slackArchivedFix" },
        };
      if (channel.is_member) return { ok: true };
      if (channel.is_private) return { ok: false, reason: NOT_MEMBER, fix: invite };
      try {
        await client.conversations.join({ channel: channelId });
        return {
          ok: true,
          note: { key: "channelAccess.joined", values: { channel: channel.name ?? channelId } },
        };
      } catch (error) {
        const code = slackErrorCode(error);
        log.info({ code, channelId }, "could not join the channel; asking for an invite");
        if (code === undefined) throw error;
        return { ok: false, reason: NOT_MEMBER, fix: invite };
      }
    },
  };
}
