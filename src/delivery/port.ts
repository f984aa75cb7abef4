import type { Platform } from "../core/invocation.ts";
import type { Reply } from "../core/reply.ts";

/**
 * What the outbox needs from a chat platform: post one rendered Reply (chart included) to a
 * channel, once per call. Retries belong to the outbox, never to the port.
 */
export interface DeliveryPort {
  readonly platform: Platform;
  /**
   * Posts the reply. `dedupeKey` is the outbox row's unique key: Discord derives the message
   * nonce from it (enforce_nonce), Slack tags the message metadata with it.
   */
  post(channelId: string, reply: Reply, options: { dedupeKey: string }): Promise<{ messageId: string }>;
  /**
   * Looks for a message already posted with this dedupe key (after a crash between "sent" and
   * "recorded"). Returns its id, or undefined when there is none or the platform cannot tell.
   */
  findPosted?(channelId: string, dedupeKey: string): Promise<string | undefined>;
}

export type DeliveryErrorKind =
  | "rate_limited"
  | "not_in_channel"
  | "channel_not_found"
  | "invalid_auth"
  | "missing_access"
  | "missing_permissions"
  | "transient"
  | "rejected";

/** A typed failure from a delivery port. `permanent` failures are parked, the rest retried. */
export class DeliveryError extends Error {
  override readonly name = "DeliveryError";
  constructor(
    readonly kind: DeliveryErrorKind,
    message: string,
    readonly options: { retryAfterMs?: number; permanent?: boolean; adminHint?: string } = {},
  ) {
    super(message);
  }
  get permanent(): boolean {
    return this.options.permanent ?? !["rate_limited", "transient"].includes(this.kind);
  }
}
