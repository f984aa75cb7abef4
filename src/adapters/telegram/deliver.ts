import { type Api, GrammyError, HttpError, InputFile } from "grammy";
import type { Reply } from "../../core/reply.ts";
import { DeliveryError, type DeliveryPort } from "../../delivery/port.ts";
import { renderTelegram, TELEGRAM_PARTS_MAX } from "./render.ts";

/**
 * Sends one rendered reply to a chat: its text parts in order (HTML parse mode, no link previews),
 * then each chart as a photo. Returns the first message's id. `replyTo` threads it under a command.
 */
export async function sendReply(
  api: Api,
  chatId: string,
  reply: Reply,
  options: { replyTo?: number; maxParts?: number } = {},
): Promise<number> {
  const message = renderTelegram(reply, options.maxParts ? { maxParts: options.maxParts } : {});
  let first: number | undefined;
  for (const part of message.parts) {
    const sent = await api.sendMessage(chatId, part, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      ...(options.replyTo && first === undefined
        ? { reply_parameters: { message_id: options.replyTo, allow_sending_without_reply: true } }
        : {}),
    });
    first ??= sent.message_id;
  }
  for (const photo of message.photos) {
    const sent = await api.sendPhoto(chatId, new InputFile(photo.data, photo.filename), {
      caption: photo.caption,
    });
    first ??= sent.message_id;
  }
  return first!;
}

/**
 * The Telegram DeliveryPort. `api` carries the shared throttler (about 1 message a second per
 * chat, 20 a minute per group, 30 a second overall) and no auto-retry: the outbox owns retries
 * and waits out `retry_after` itself.
 *
 * No `findPosted`: the Bot API gives a bot no way to read a chat's history, so a message the bot
 * sent cannot be found again after a crash between Telegram's answer and the outbox's record of
 * it (a window of one HTTP response). Telegram delivery is therefore at-least-once in that window;
 * Slack and Discord find the message and stay exactly-once. See README, Telegram.
 */
export function createTelegramDelivery(api: Api): DeliveryPort {
  return {
    platform: "telegram",
    async post(channelId, reply) {
      try {
        const messageId = await sendReply(
          api,
          channelId,
          { ...reply, ephemeral: false },
          {
            maxParts: TELEGRAM_PARTS_MAX,
          },
        );
        return { messageId: `${channelId}:${messageId}` };
      } catch (error) {
        throw toDeliveryError(error, channelId);
      }
    },
  };
}

/** Maps a grammY failure to a DeliveryError with a hint an admin can act on (bots/api#making-requests). */
export function toDeliveryError(error: unknown, chatId: string): DeliveryError {
  const where = `chat ${chatId}`;
  if (error instanceof GrammyError) {
    const text = error.description;
    if (error.error_code === 429) {
      const seconds = error.parameters.retry_after ?? 1;
      return new DeliveryError("rate_limited", `Telegram rate limit on ${where} (retry after ${seconds} s)`, {
        retryAfterMs: seconds * 1000,
      });
    }
    if (error.error_code === 401) {
      return new DeliveryError("invalid_auth", "Telegram rejected the bot token (401)", {
        adminHint: "Ask @BotFather for the bot's token (/token) and set TELEGRAM_BOT_TOKEN.",
      });
    }
    if (error.parameters.migrate_to_chat_id !== undefined) {
      return new DeliveryError(
        "channel_not_found",
        `${where} became supergroup ${error.parameters.migrate_to_chat_id}`,
        {
          adminHint:
            "The group was upgraded to a supergroup: send /balance digest again in it to move the setting.",
        },
      );
    }
    if (error.error_code === 403) {
      return new DeliveryError("not_in_channel", `Telegram refused to post in ${where}: ${text}`, {
        adminHint:
          "Add the bot to the group again (or unblock it in the private chat), then re-create the setting.",
      });
    }
    if (/chat not found/i.test(text)) {
      return new DeliveryError("channel_not_found", `Telegram does not know ${where}`, {
        adminHint: "The chat was deleted or the bot never joined it: subscribe another chat.",
      });
    }
    if (/not enough rights/i.test(text)) {
      return new DeliveryError("missing_permissions", `No right to post in ${where}: ${text}`, {
        adminHint: "A group admin allows the bot to send messages and photos (Group settings → Permissions).",
      });
    }
    if (error.error_code >= 500)
      return new DeliveryError("transient", `Telegram error ${error.error_code} on ${where}`);
    return new DeliveryError("rejected", `Telegram refused the message for ${where}: ${text}`);
  }
  if (error instanceof HttpError)
    return new DeliveryError("transient", `Could not reach Telegram for ${where}`);
  const reason = error instanceof Error ? error.name : "unknown error";
  return new DeliveryError("transient", `Could not reach Telegram for ${where} (${reason})`);
}
