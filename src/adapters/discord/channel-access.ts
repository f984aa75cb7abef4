import { type ChatInputCommandInteraction, PermissionFlagsBits, type PermissionsBitField } from "discord.js";
import type { ChannelAccess } from "../../core/channel-access.ts";

/** What a digest or alert needs: see the channel, post, show embeds, attach the chart. */
const NEEDED = [
  ["View Channel", PermissionFlagsBits.ViewChannel],
  ["Send Messages", PermissionFlagsBits.SendMessages],
  ["Embed Links", PermissionFlagsBits.EmbedLinks],
  ["Attach Files", PermissionFlagsBits.AttachFiles],
] as const;

/**
 * Can the bot post digests and alerts in the interaction's channel? Computed by discord.js from
 * the cached guild: the bot's roles, then the channel's overwrites (@everyone, roles, the bot).
 * Without a cached guild it falls back to `app_permissions`, which Discord computes the same way.
 */
export function discordChannelAccess(
  interaction: ChatInputCommandInteraction<"cached" | "raw">,
): ChannelAccess {
  return {
    async checkCanPost() {
      const permissions = permissionsOf(interaction);
      const inThread = interaction.channel?.isThread() === true;
      const missing = NEEDED.filter(([name, flag]) => {
        // In a thread, posting takes Send Messages in Threads instead of Send Messages.
        if (inThread && name === "Send Messages")
          return !permissions.has(PermissionFlagsBits.SendMessagesInThreads);
        return !permissions.has(flag);
      }).map(([name]) => (inThread && name === "Send Messages" ? "Send Messages in Threads" : name));
      if (missing.length === 0) return { ok: true };
      const needed = NEEDED.map(([n]) => n).join(", ");
      return {
        ok: false,
        reason: { key: "channelAccess.discordLacks", values: { permissions: missing.join(", ") } },
        fix:
          interaction.channel && "name" in interaction.channel
            ? {
                key: "channelAccess.discordFix",
                values: { channel: interaction.channel.name, permissions: needed },
              }
            : { key: "channelAccess.discordFixHere", values: { permissions: needed } },
      };
    },
  };
}

function permissionsOf(
  interaction: ChatInputCommandInteraction<"cached" | "raw">,
): Readonly<PermissionsBitField> {
  const me = interaction.guild?.members.me;
  const channel = interaction.channel;
  if (me && channel && !channel.isDMBased()) {
    const computed = channel.permissionsFor(me);
    if (computed) return computed;
  }
  return interaction.appPermissions;
}
