/**
 * What real Slack enforces on the Web API methods the bot calls, written from Slack's docs (not
 * from our code): the scope each method needs and its rate-limit tier.
 *
 * - Scopes: each method page's "Scopes" facts (docs.slack.dev/reference/methods/<method>); for
 *   conversations.* the scope depends on the conversation type (public channels:*, private
 *   groups:*, DMs im:*, group DMs mpim:*).
 * - Tiers: docs.slack.dev/apis/web-api/rate-limits — "Tier 2: 20+ per minute, Tier 3: 50+ per
 *   minute, Tier 4: 100+ per minute", per method, per app, per workspace. The fake allows exactly
 *   the documented minimum ("+" means Slack may allow more; never less).
 * - chat.postMessage is "Special": "generally allows posting one message per second per channel,
 *   while also maintaining a workspace-wide limit" with short bursts allowed
 *   (docs.slack.dev/reference/methods/chat.postMessage, "Rate limiting"). The burst size and the
 *   workspace-wide number are not published: the fake allows a burst of 3 then 1/s per channel
 *   (so five posts in one second are refused), and 100 per minute per workspace. UNCERTAIN numbers.
 * - Over a limit Slack answers HTTP 429 with `Retry-After: <seconds>` (docs.slack.dev/apis/web-api/rate-limits).
 */

export type ConversationKind = "public" | "private" | "im" | "mpim";

interface MethodRule {
  /** Requests per minute (the tier's documented minimum); undefined = not limited by the fake. */
  perMinute?: number;
  /** Scopes of which one is needed; by conversation kind for conversations.* methods. */
  scopes: readonly string[] | Partial<Record<ConversationKind, readonly string[]>>;
}

const TIER_2 = 20;
const TIER_3 = 50;
const TIER_4 = 100;

export const SLACK_METHOD_RULES: Record<string, MethodRule> = {
  // auth.test is "Special" (no published number): not limited here; it needs no scope.
  "auth.test": { scopes: [] },
  "users.info": { perMinute: TIER_4, scopes: ["users:read"] },
  "chat.postMessage": { scopes: ["chat:write"] },
  "conversations.info": {
    perMinute: TIER_3,
    scopes: { public: ["channels:read"], private: ["groups:read"], im: ["im:read"], mpim: ["mpim:read"] },
  },
  "conversations.join": { perMinute: TIER_3, scopes: { public: ["channels:join"] } },
  "conversations.history": {
    perMinute: TIER_3,
    scopes: {
      public: ["channels:history"],
      private: ["groups:history"],
      im: ["im:history"],
      mpim: ["mpim:history"],
    },
  },
  "files.getUploadURLExternal": { perMinute: TIER_4, scopes: ["files:write"] },
  "files.completeUploadExternal": { perMinute: TIER_4, scopes: ["files:write"] },
  "users.list": { perMinute: TIER_2, scopes: ["users:read"] },
};

/** Every scope above: what a fully installed app has unless a test says otherwise. */
export const ALL_SCOPES: readonly string[] = [
  ...new Set(
    Object.values(SLACK_METHOD_RULES).flatMap((rule) =>
      Array.isArray(rule.scopes) ? rule.scopes : Object.values(rule.scopes).flat(),
    ),
  ),
];

/** The scopes `method` needs for a conversation of `kind` (one of them suffices), or undefined if none. */
export function neededScopes(
  method: string,
  kind: ConversationKind | undefined,
): readonly string[] | undefined {
  const rule = SLACK_METHOD_RULES[method];
  if (!rule) return undefined;
  if (Array.isArray(rule.scopes)) return rule.scopes.length > 0 ? rule.scopes : undefined;
  const byKind = rule.scopes as Partial<Record<ConversationKind, readonly string[]>>;
  return kind ? (byKind[kind] ?? ["(none: method_not_supported_for_channel_type)"]) : undefined;
}

export interface PostLimits {
  /** Posts allowed at once per channel before the 1/s pace applies. */
  channelBurst: number;
  /** chat.postMessage per minute per workspace. */
  workspacePerMinute: number;
}

export const DEFAULT_POST_LIMITS: PostLimits = { channelBurst: 3, workspacePerMinute: 100 };

/**
 * The fake's rate limiter: sliding one-minute windows per method, and for chat.postMessage a
 * per-channel token bucket (burst, then one per second) plus the workspace-wide window.
 * Returns the seconds to wait (for Retry-After) or undefined when the call may go through.
 */
export class SlackRateLimiter {
  private readonly windows = new Map<string, number[]>();
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly post: PostLimits = DEFAULT_POST_LIMITS) {}

  admit(method: string, channel: string | undefined, now: number): number | undefined {
    if (method === "chat.postMessage") {
      const wait = this.window("chat.postMessage", this.post.workspacePerMinute, now, false);
      if (wait !== undefined) return wait;
      if (channel) {
        const bucketWait = this.bucket(channel, now);
        if (bucketWait !== undefined) return bucketWait;
      }
      this.window("chat.postMessage", this.post.workspacePerMinute, now, true);
      return undefined;
    }
    const perMinute = SLACK_METHOD_RULES[method]?.perMinute;
    if (perMinute === undefined) return undefined;
    return this.window(method, perMinute, now, true);
  }

  private window(key: string, perMinute: number, now: number, record: boolean): number | undefined {
    const recent = (this.windows.get(key) ?? []).filter((at) => now - at < 60_000);
    this.windows.set(key, recent);
    if (recent.length >= perMinute) return Math.max(1, Math.ceil((recent[0]! + 60_000 - now) / 1000));
    if (record) recent.push(now);
    return undefined;
  }

  private bucket(channel: string, now: number): number | undefined {
    const state = this.buckets.get(channel) ?? { tokens: this.post.channelBurst, at: now };
    state.tokens = Math.min(this.post.channelBurst, state.tokens + (now - state.at) / 1000);
    state.at = now;
    this.buckets.set(channel, state);
    if (state.tokens < 1) return Math.max(1, Math.ceil(1 - state.tokens));
    state.tokens -= 1;
    return undefined;
  }
}
