import { type Attachment, type ChatInputCommandInteraction, PermissionFlagsBits } from "discord.js";
import type { Invocation } from "../../core/invocation.ts";
import { discordAttachments } from "./attachments.ts";
import { discordChannelAccess } from "./channel-access.ts";
import type { DiscordRoute } from "./command-routes.ts";
import { DISCORD_SYNTAX } from "./syntax.ts";

/**
 * The neutral Invocation for a `/balance` interaction on its route: typed option values under
 * the core's option names, and isAdmin from the member's Manage Server permission as Discord
 * computed it for this channel at this moment.
 */
export function toInvocation(
  interaction: ChatInputCommandInteraction<"cached" | "raw">,
  route: DiscordRoute,
  correlationId: string,
): Invocation {
  const values: Record<string, string | number | boolean | undefined> = {};
  const attachments: Attachment[] = [];
  for (const { discordName, info } of route.options) {
    if (info.kind === "attachment") {
      const file = interaction.options.getAttachment(discordName);
      if (file) {
        attachments.push(file);
        values[info.name] = file.name;
      }
      continue;
    }
    const value =
      info.type === "integer"
        ? interaction.options.getInteger(discordName)
        : info.type === "number"
          ? interaction.options.getNumber(discordName)
          : info.type === "boolean"
            ? interaction.options.getBoolean(discordName)
            : interaction.options.getString(discordName);
    if (value !== null) values[info.name] = value;
  }
  const invocation: Invocation = {
    platform: "discord",
    workspaceId: interaction.guildId,
    channelId: interaction.channelId,
    userId: interaction.user.id,
    isAdmin: interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild),
    options: { path: route.path, values },
    syntax: DISCORD_SYNTAX,
    correlationId,
    channel: discordChannelAccess(interaction),
    // The member's client language ("id", "vi", "th", "en-US"), until the guild chooses one.
    locale: interaction.locale,
  };
  if (attachments.length > 0) invocation.attachments = discordAttachments(attachments);
  const guildName = interaction.guild?.name;
  if (guildName) invocation.workspaceName = guildName;
  return invocation;
}
