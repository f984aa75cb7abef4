import { randomUUID } from "node:crypto";
import { AttachmentBuilder, type ButtonInteraction, MessageFlags, PermissionFlagsBits } from "discord.js";
import type { Core } from "../../core/dispatcher.ts";
import { errorReply } from "../../core/error-replies.ts";
import { matchLocale, translator } from "../../i18n/index.ts";
import type { Logger } from "../../log.ts";
import { logError } from "./log-error.ts";
import { CUSTOM_ID_PREFIX, type DiscordMessage, renderDiscord } from "./render.ts";
import { DISCORD_SYNTAX } from "./syntax.ts";

/** Whether a component interaction is one of balance-bot's buttons. */
export function isBalanceButton(interaction: ButtonInteraction): boolean {
  return interaction.customId.startsWith(CUSTOM_ID_PREFIX);
}

/**
 * A click on one of balance-bot's buttons. Discord wants an answer within 3 s: the click is
 * deferred at once (DEFERRED_UPDATE_MESSAGE, type 6), then the core decides and the answer goes
 * where it belongs: the message redrawn in place (acknowledged), a public follow-up (a view, a
 * rule change), or an ephemeral follow-up only the clicker sees (a refusal, something gone).
 * The click arrives over the gateway, which Discord authenticates: nobody else can forge one.
 */
export async function handleButton(interaction: ButtonInteraction, core: Core, log: Logger): Promise<void> {
  const correlationId = randomUUID();
  await interaction.deferUpdate();
  try {
    if (!interaction.inGuild()) {
      await interaction.followUp({
        content: translator(matchLocale(interaction.locale) ?? "en").t("chrome.discordButtonsInServer"),
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    const result = await core.act({
      platform: "discord",
      workspaceId: interaction.guildId,
      channelId: interaction.channelId,
      userId: interaction.user.id,
      userLabel: `@${interaction.user.username}`,
      isAdmin: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
      token: interaction.customId.slice(CUSTOM_ID_PREFIX.length),
      messageId: interaction.message.id,
      syntax: DISCORD_SYNTAX,
      correlationId,
      // A view answers in the channel as a follow-up; nothing here saves a setting.
      channel: { checkCanPost: async () => ({ ok: true }) },
    });
    const message = renderDiscord({ ...result.reply, ephemeral: result.type === "private" });
    if (result.type === "update") {
      await interaction.editReply({
        embeds: message.embeds,
        components: message.components ?? [],
        allowedMentions: { parse: [] },
      });
    } else {
      await interaction.followUp({
        embeds: message.embeds,
        files: files(message),
        allowedMentions: { parse: [] },
        ...(result.type === "private" ? { flags: MessageFlags.Ephemeral } : {}),
      });
    }
    log.info({ correlationId, guildId: interaction.guildId, result: result.type }, "discord button answered");
  } catch (error) {
    log.error({ correlationId, err: logError(error) }, "discord button failed");
    const failure = errorReply("internal", { correlationId });
    await interaction
      .followUp({ content: `${failure.title}: ${failure.summary}`, flags: MessageFlags.Ephemeral })
      .catch(() => undefined);
  }
}

function files(message: DiscordMessage): AttachmentBuilder[] {
  return message.files.map((f) => {
    const file = new AttachmentBuilder(Buffer.from(f.data), { name: f.name });
    if (f.description) file.setDescription(f.description);
    return file;
  });
}
