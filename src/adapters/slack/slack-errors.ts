import { DeliveryError } from "../../delivery/port.ts";

/** The `error` string of an `ok:false` Web API answer, if that is what this is. */
export function slackErrorCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; data?: { error?: unknown } } | null;
  if (e?.code === "slack_webapi_platform_error" && typeof e.data?.error === "string") return e.data.error;
  return undefined;
}

const INVITE_HINT = "invite the bot with /invite @balance-bot";

const AUTH_ERRORS = new Set([
  "invalid_auth",
  "not_authed",
  "token_revoked",
  "token_expired",
  "account_inactive",
  "not_allowed_token_type",
  "team_access_not_granted",
]);

const TRANSIENT_ERRORS = new Set([
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
  "ratelimited",
]);

/**
 * Maps a @slack/web-api failure to a DeliveryError the outbox can act on. The message names the
 * Slack error code only: Web API errors never carry the token, and nothing else is echoed.
 */
export function toDeliveryError(error: unknown, action: string): DeliveryError {
  const e = error as { code?: unknown; retryAfter?: unknown; statusCode?: unknown } | null;
  if (e?.code === "slack_webapi_rate_limited_error") {
    const seconds = typeof e.retryAfter === "number" && e.retryAfter > 0 ? e.retryAfter : 1;
    return new DeliveryError("rate_limited", `Slack rate-limited ${action}; retry after ${seconds}s`, {
      retryAfterMs: seconds * 1000,
    });
  }
  if (e?.code === "slack_webapi_http_error") {
    const status = typeof e.statusCode === "number" ? e.statusCode : 0;
    return status >= 500
      ? new DeliveryError("transient", `Slack answered HTTP ${status} to ${action}`)
      : new DeliveryError("rejected", `Slack answered HTTP ${status} to ${action}`);
  }
  if (e?.code === "slack_webapi_request_error") {
    return new DeliveryError("transient", `could not reach Slack for ${action}`);
  }
  const code = slackErrorCode(error);
  if (code === undefined) {
    return new DeliveryError(
      "transient",
      `${action} failed: ${error instanceof Error ? error.name : "unknown error"}`,
    );
  }
  const message = `Slack refused ${action}: ${code}`;
  if (code === "ratelimited") return new DeliveryError("rate_limited", message, { retryAfterMs: 1000 });
  if (code === "not_in_channel")
    return new DeliveryError("not_in_channel", message, { adminHint: INVITE_HINT });
  if (code === "channel_not_found" || code === "is_archived") {
    return new DeliveryError("channel_not_found", message, {
      adminHint: "the channel is gone or archived; subscribe another channel",
    });
  }
  if (AUTH_ERRORS.has(code)) {
    return new DeliveryError("invalid_auth", message, {
      adminHint: "the Slack bot token is invalid or revoked; reinstall the app and update SLACK_BOT_TOKEN",
    });
  }
  if (code === "missing_scope") {
    return new DeliveryError("missing_permissions", message, {
      adminHint: "the Slack app lacks a scope; reinstall it from the manifest (balance-bot slack-manifest)",
    });
  }
  if (code === "restricted_action" || code === "access_denied") {
    return new DeliveryError("missing_access", message, {
      adminHint: "a workspace setting stops the bot posting in this channel",
    });
  }
  if (TRANSIENT_ERRORS.has(code)) return new DeliveryError("transient", message);
  return new DeliveryError("rejected", message);
}
