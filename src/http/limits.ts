import type { ServerOptions } from "node:http";

/**
 * One set of limits for every HTTP server the bot runs: its own (health, OAuth, webhooks) and
 * Bolt's in Slack HTTP mode. Slack and TikTok send small requests quickly and want an answer
 * within 3 s, so a client still sending after these limits is not one of them.
 */
export interface HttpLimits {
  /** The whole header block must arrive within this. */
  headersTimeoutMs: number;
  /** The whole request (headers and body) must arrive within this. */
  requestTimeoutMs: number;
  /**
   * How often Node checks the two timeouts above. Its default (30 s) lets a slow request live
   * up to 30 s past its limit, so it is kept short.
   */
  checkIntervalMs: number;
}

export const HTTP_LIMITS: HttpLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
  checkIntervalMs: 1_000,
};

/**
 * Bodies of requests that carry a well-formed signature: well above the largest real payload of
 * a slash command or a TikTok webhook (a few KB), far below Bolt's 4 MB default.
 */
export const SIGNED_BODY_LIMIT = 128 * 1024;
/** Requests without signature headers (Slack's `ssl_check=1` probe is the only real one). */
export const UNSIGNED_BODY_LIMIT = 1024;

/** The `http.createServer` options that apply the limits. */
export function serverOptions(limits: HttpLimits = HTTP_LIMITS): ServerOptions {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    connectionsCheckingInterval: limits.checkIntervalMs,
  };
}
