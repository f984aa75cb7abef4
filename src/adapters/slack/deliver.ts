import { webApi } from "@slack/bolt";
import type { Reply } from "../../core/reply.ts";
import type { DeliveryPort } from "../../delivery/port.ts";
import type { Logger } from "../../log.ts";
import { toSlackLogger } from "./bolt-logger.ts";
import { chartComments } from "./chart-comments.ts";
import { slackFiles } from "./files.ts";
import { renderSlack } from "./render.ts";
import { toDeliveryError } from "./slack-errors.ts";

/** The message metadata event type that tags every outbox delivery with its dedupe key. */
export const DELIVERY_EVENT_TYPE = "balance_bot_delivery";
/** How far back findPosted looks; a crash-then-retry happens within minutes, a few messages at most. */
export const FIND_POSTED_LIMIT = 50;

/**
 * The outbox's way into Slack. Its WebClient never retries and rejects 429s at once, so one
 * `post` call is at most one chat.postMessage: the outbox owns retries and honours Retry-After.
 */
export function createSlackDelivery(options: {
  botToken: string;
  apiUrl: string;
  log: Logger;
}): DeliveryPort {
  const client = new webApi.WebClient(options.botToken, {
    slackApiUrl: options.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logger: toSlackLogger(options.log, "slack-delivery"),
  });
  const log = options.log.child({ component: "slack-delivery" });

  return {
    platform: "slack",

    async post(channelId: string, reply: Reply, { dedupeKey }: { dedupeKey: string }) {
      const { text, blocks } = renderSlack(reply);
      let ts: string;
      try {
        const result = await client.chat.postMessage({
          channel: channelId,
          text,
          blocks,
          unfurl_links: false,
          unfurl_media: false,
          metadata: { event_type: DELIVERY_EVENT_TYPE, event_payload: { dedupe_key: dedupeKey } },
        });
        if (!result.ts)
          throw toDeliveryError(new Error("no ts in chat.postMessage answer"), "chat.postMessage");
        ts = result.ts;
      } catch (error) {
        throw toDeliveryError(error, "chat.postMessage");
      }
      if (reply.charts && reply.charts.length > 0) {
        // The message is out: a failed chart must not make the outbox post the message again.
        // In its thread, each shop's chart goes up with that shop's title and figures, in order.
        try {
          for (const { chart, comment } of chartComments(reply)) {
            await client.files.uploadV2({
              channel_id: channelId,
              thread_ts: ts,
              file_uploads: slackFiles([chart]),
              initial_comment: comment,
            });
          }
        } catch (error) {
          log.warn(
            { err: toDeliveryError(error, "files.uploadV2"), channelId, dedupeKey },
            "chart upload failed",
          );
        }
      }
      return { messageId: ts };
    },

    async findPosted(channelId: string, dedupeKey: string) {
      try {
        const history = await client.conversations.history({
          channel: channelId,
          limit: FIND_POSTED_LIMIT,
          include_all_metadata: true,
        });
        const found = history.messages?.find(
          (m) =>
            m.metadata?.event_type === DELIVERY_EVENT_TYPE &&
            (m.metadata.event_payload as Record<string, unknown> | undefined)?.dedupe_key === dedupeKey,
        );
        return found?.ts;
      } catch (error) {
        throw toDeliveryError(error, "conversations.history");
      }
    },
  };
}
