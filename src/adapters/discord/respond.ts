import {
  AttachmentBuilder,
  type ChatInputCommandInteraction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  MessageFlags,
} from "discord.js";
import { errorReply } from "../../core/error-replies.ts";
import type { Reply } from "../../core/reply.ts";
import type { Logger } from "../../log.ts";
import { logError } from "./log-error.ts";
import { type DiscordMessage, renderDiscord } from "./render.ts";

/**
 * Discord drops an interaction that is not answered within 3 s. A reply ready before this
 * answers directly; a slower one is deferred first, keeping ~1 s for the network.
 */
export const DEFER_AFTER_MS = 2_000;

type Interaction = ChatInputCommandInteraction<"cached" | "raw">;

/** How the answer went out, for the log. */
export type AnswerMode = "replied" | "deferred-edit" | "deferred-followup";

/**
 * Answers an interaction with the reply `pending` resolves to, within Discord's 3-s deadline.
 * Fast: one reply (ephemeral when the Reply is). Slow: defer, then edit the original. The
 * deferral cannot know the Reply's visibility, so it guesses from the command: admin (settings)
 * commands defer ephemerally, reports publicly. When the guess was "public" but the Reply is
 * ephemeral (a refusal, a user error), the answer goes out as an ephemeral follow-up and the
 * public "thinking…" original is deleted, so nothing private is ever shown to the channel.
 */
export async function answer(
  interaction: Interaction,
  pending: Promise<Reply>,
  options: { deferEphemeral: boolean; deferAfterMs?: number },
): Promise<AnswerMode> {
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<"slow">((resolve) => {
    timer = setTimeout(() => resolve("slow"), options.deferAfterMs ?? DEFER_AFTER_MS);
  });
  const first = await Promise.race([pending, slow]).finally(() => clearTimeout(timer));
  if (first !== "slow") {
    await interaction.reply(replyOptions(renderDiscord(first)));
    return "replied";
  }
  await interaction.deferReply(options.deferEphemeral ? { flags: MessageFlags.Ephemeral } : {});
  const reply = await pending;
  const message = renderDiscord(reply);
  if (reply.ephemeral && !options.deferEphemeral) {
    await interaction.followUp(replyOptions(message));
    await interaction.deleteReply();
    return "deferred-followup";
  }
  await interaction.editReply(editOptions(message));
  return "deferred-edit";
}

/**
 * The last resort when answering itself failed: a short ephemeral message with the correlation
 * id, through whichever route is still open for this interaction.
 */
export async function answerFailure(
  interaction: Interaction,
  correlationId: string,
  log: Logger,
): Promise<void> {
  const failure = errorReply("internal", { correlationId });
  const content = `${failure.title}: ${failure.summary}`;
  try {
    if (!interaction.deferred && !interaction.replied) {
      await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
    } else if (interaction.deferred && !interaction.replied && interaction.ephemeral) {
      await interaction.editReply({ content, embeds: [], files: [] });
    } else {
      await interaction.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
      if (interaction.deferred && !interaction.ephemeral)
        await interaction.deleteReply().catch(() => undefined);
    }
  } catch (error) {
    log.warn({ correlationId, err: logError(error) }, "could not tell the Discord user about a failure");
  }
}

function files(message: DiscordMessage): AttachmentBuilder[] {
  return message.files.map((f) => {
    const file = new AttachmentBuilder(Buffer.from(f.data), { name: f.name });
    if (f.description) file.setDescription(f.description);
    return file;
  });
}

function replyOptions(message: DiscordMessage): InteractionReplyOptions {
  const options: InteractionReplyOptions = {
    embeds: message.embeds,
    files: files(message),
    allowedMentions: { parse: [] },
  };
  if (message.flags) options.flags = MessageFlags.Ephemeral;
  return options;
}

function editOptions(message: DiscordMessage): InteractionEditReplyOptions {
  return { embeds: message.embeds, files: files(message), allowedMentions: { parse: [] } };
}
