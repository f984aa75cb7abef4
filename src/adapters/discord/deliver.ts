import { createHash } from "node:crypto";
// @discordjs/rest, re-exported by discord.js (the declared dependency).
import { DiscordAPIError, HTTPError, RateLimitError, REST, Routes } from "discord.js";
import type { Reply } from "../../core/reply.ts";
import { DeliveryError, type DeliveryPort } from "../../delivery/port.ts";
import { renderDiscord } from "./render.ts";

/** Discord's message nonce is at most 25 characters (integer or string). */
export const NONCE_MAX = 25;

/** Discord JSON error codes the outbox can act on (opcodes-and-status-codes.mdx). */
const UNKNOWN_CHANNEL = 10003;
const MISSING_ACCESS = 50001;
const MISSING_PERMISSIONS = 50013;

/** Options for the Discord delivery port. */
export interface DiscordDeliveryOptions {
  token: string;
  /** REST base, e.g. "https://discord.com/api" (the version is appended). */
  apiUrl: string;
  /** Per-request timeout; a timed-out post is retried by the outbox and deduplicated by its nonce. */
  timeoutMs?: number;
}

/**
 * The message nonce for an outbox dedupe key: 25 hex characters of its SHA-256. Sent with
 * `enforce_nonce`, so a retry of the same row within Discord's nonce window returns the message
 * already created instead of posting a second one.
 */
export function nonceFor(dedupeKey: string): string {
  return createHash("sha256").update(dedupeKey).digest("hex").slice(0, NONCE_MAX);
}

/**
 * The Discord DeliveryPort: one POST /channels/:id/messages per call (chart uploaded as a file).
 * Its REST client never waits out or retries a 429 or a 5xx itself; the outbox owns retries.
 */
export function createDiscordDelivery(options: DiscordDeliveryOptions): DeliveryPort & { destroy(): void } {
  const rest = new REST({
    api: options.apiUrl,
    retries: 0,
    timeout: options.timeoutMs ?? 15_000,
    rejectOnRateLimit: () => true,
  }).setToken(options.token);

  return {
    platform: "discord",
    async post(channelId: string, reply: Reply, { dedupeKey }: { dedupeKey: string }) {
      const message = renderDiscord({ ...reply, ephemeral: false });
      const body = {
        embeds: message.embeds,
        ...(message.components ? { components: message.components } : {}),
        nonce: nonceFor(dedupeKey),
        enforce_nonce: true,
        allowed_mentions: { parse: [] },
        attachments: message.files.map((f, id) => ({ id, filename: f.name, description: f.description })),
      };
      try {
        const created = (await rest.post(Routes.channelMessages(channelId), {
          body,
          files: message.files.map((f) => ({ name: f.name, data: f.data, contentType: "image/png" })),
        })) as { id: string };
        return { messageId: created.id };
      } catch (error) {
        throw toDeliveryError(error, channelId);
      }
    },
    destroy() {
      rest.clearHashSweeper();
      rest.clearHandlerSweeper();
    },
  };
}

/** Maps a @discordjs/rest failure to a DeliveryError with a hint an admin can act on. */
export function toDeliveryError(error: unknown, channelId: string): DeliveryError {
  const where = `channel ${channelId}`;
  if (error instanceof RateLimitError) {
    return new DeliveryError("rate_limited", `Discord rate limit on ${where} (${error.scope})`, {
      retryAfterMs: Math.max(0, Math.ceil(error.retryAfter)),
    });
  }
  if (error instanceof DiscordAPIError) {
    if (error.status === 401) {
      return new DeliveryError("invalid_auth", "Discord rejected the bot token (401)", {
        adminHint:
          "Reset the bot token in the Discord Developer Portal (Bot → Reset Token) and set DISCORD_TOKEN.",
      });
    }
    switch (error.code) {
      case MISSING_ACCESS:
        return new DeliveryError("missing_access", `Missing Access to ${where} (50001)`, {
          adminHint: `Give the bot View Channel and Send Messages in <#${channelId}> (or re-invite it to the server).`,
        });
      case MISSING_PERMISSIONS:
        return new DeliveryError("missing_permissions", `Missing Permissions in ${where} (50013)`, {
          adminHint: `Give the bot Send Messages, Embed Links and Attach Files in <#${channelId}>.`,
        });
      case UNKNOWN_CHANNEL:
        return new DeliveryError("channel_not_found", `Unknown Channel ${channelId} (10003)`, {
          adminHint: "The channel was deleted or the bot left the server: subscribe another channel.",
        });
    }
    if (error.status >= 500)
      return new DeliveryError("transient", `Discord error ${error.status} on ${where}`);
    return new DeliveryError(
      "rejected",
      `Discord refused the message for ${where}: ${error.code} ${error.message}`,
    );
  }
  if (error instanceof HTTPError) {
    return new DeliveryError(
      error.status >= 500 ? "transient" : "rejected",
      `Discord HTTP ${error.status} on ${where}`,
    );
  }
  // The REST client clears a token Discord answered 401 to; later calls fail before any request.
  if (error instanceof Error && /token/i.test(error.message) && /expected|set/i.test(error.message)) {
    return new DeliveryError("invalid_auth", "The Discord bot token was rejected earlier", {
      adminHint: "Reset the bot token in the Discord Developer Portal and set DISCORD_TOKEN.",
    });
  }
  const reason = error instanceof Error ? error.name : "unknown error";
  return new DeliveryError("transient", `Could not reach Discord for ${where} (${reason})`);
}
