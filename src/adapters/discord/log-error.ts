import { DiscordAPIError, HTTPError, RateLimitError } from "discord.js";

/**
 * A loggable view of a discord.js / REST error. The raw errors carry the request URL, which for
 * interaction callbacks and webhooks contains the interaction token, and the request body, which
 * holds the user's figures; neither belongs in the log.
 */
export function logError(error: unknown): Record<string, unknown> {
  if (error instanceof DiscordAPIError) {
    return {
      type: error.name,
      code: error.code,
      status: error.status,
      method: error.method,
      route: routeOf(error.url),
      message: error.message,
    };
  }
  if (error instanceof HTTPError) {
    return { type: error.name, status: error.status, method: error.method, route: routeOf(error.url) };
  }
  if (error instanceof RateLimitError) {
    return {
      type: error.name,
      route: error.route,
      retryAfterMs: error.retryAfter,
      global: error.global,
      scope: error.scope,
    };
  }
  if (error instanceof Error) return { type: error.name, message: error.message, stack: error.stack };
  return { type: typeof error };
}

/** "/interactions/:id/:token/callback" with ids and tokens replaced, so routes can be grouped. */
function routeOf(url: string): string {
  const path = new URL(url, "http://x").pathname.replace(/^\/api\/v\d+/, "");
  return path
    .replace(/\/(interactions|webhooks)\/(\d+)\/[^/]+/, "/$1/$2/:token")
    .replace(/\d{17,20}/g, ":id");
}
