import type { Messages } from "../../catalog.ts";

/**
 * Why the bot can't post digests and alerts in a channel, and the fix, as each adapter finds out
 * (src/core/channel-access.ts). `{permissions}` are Discord's own permission names; `{channel}` and
 * `{bot}` are names from the platform.
 */
export default {
  refused: "I can't post {what} in this channel: {reason}. {fix}; nothing was saved",
  whatAlerts: "alerts",
  whatDigest: "the daily digest",
  joined: "I joined #{channel} so I can post here.",
  discordLacks: "I lack {permissions} here",
  discordFix: "A server admin opens #{channel} → Edit Channel → Permissions and allows my role {permissions}",
  discordFixHere:
    "A server admin opens this channel → Edit Channel → Permissions and allows my role {permissions}",
  slackDirect: "this is a direct message, and digests and alerts are posted to a channel",
  slackDirectFix: "Run the command in the channel that should get them",
  slackNotMember: "I'm not a member of it",
  slackInvite: "Invite me with `/invite @{bot}` in this channel, then run the command again",
  slackScope: "the Slack app may not read channel membership (channels:read, groups:read)",
  slackReinstall:
    "An admin reinstalls the Slack app from the manifest (`balance-bot slack-manifest`) to grant it",
  slackUndescribed: "Slack did not describe this channel",
  slackArchived: "it is archived",
  slackArchivedFix: "Run the command in an active channel",
  telegramUnknown: "Telegram would not tell me my rights in this group",
  telegramUnknownFix: "Try again in a minute",
  telegramNotMember: "I am not a member of this group",
  telegramNotMemberFix: "Add the bot to the group again",
  telegramRestricted: "I am restricted from sending messages or photos here",
  telegramRestrictedFix:
    "A group admin lifts the bot's restrictions (Group settings → Permissions → Exceptions)",
  lineQuotaUsed: "this LINE Official Account has used its push messages for the month",
  lineQuotaFix: "Upgrade its plan in LINE Official Account Manager, or set this up again after the 1st",
} as const satisfies Messages;
