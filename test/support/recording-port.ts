import type { Platform } from "../../src/core/invocation.ts";
import type { Reply } from "../../src/core/reply.ts";
import { DeliveryError, type DeliveryPort } from "../../src/delivery/port.ts";

/**
 * A delivery port that records what would reach a channel, with scripted failures. It stands in
 * for a platform in outbox tests; the real Slack and Discord ports are tested against their fakes.
 */
export function recordingPort(platform: Platform = "console") {
  const sent: { channel: string; reply: Reply; dedupeKey: string; id: string }[] = [];
  const failures: DeliveryError[] = [];
  const port: DeliveryPort = {
    platform,
    async post(channel, reply, { dedupeKey }) {
      const failure = failures.shift();
      if (failure) throw failure;
      const id = `m${sent.length + 1}`;
      sent.push({ channel, reply, dedupeKey, id });
      return { messageId: id };
    },
    async findPosted(_channel, dedupeKey) {
      return sent.find((s) => s.dedupeKey === dedupeKey)?.id;
    },
  };
  return {
    port,
    sent,
    failNext(...errors: DeliveryError[]) {
      failures.push(...errors);
    },
  };
}

export const rateLimited = (ms: number) =>
  new DeliveryError("rate_limited", "slow down", { retryAfterMs: ms });
export const serverError = () => new DeliveryError("transient", "HTTP 503");
export const notInChannel = () =>
  new DeliveryError("not_in_channel", "the bot is not in this channel", {
    adminHint: "invite the bot with /invite @balance-bot",
  });
