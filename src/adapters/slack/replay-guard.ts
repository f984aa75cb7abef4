import type { IncomingHttpHeaders } from "node:http";

/** Bolt's staleness window; the bot holds the future side of a timestamp to the same bound. */
export const SIGNATURE_WINDOW_MS = 5 * 60_000;
/** The in-memory store's bound: ~30 commands a second over the whole window; the oldest go first. */
export const MAX_REMEMBERED_SIGNATURES = 10_000;

/**
 * What Bolt actually verifies of a request's signature headers. Bolt splits
 * `x-slack-signature` on "=" and checks only the second part (so `v0=<hash>=1` passes too), and
 * signs `Number(x-slack-request-timestamp)` (so `1700000000.0` passes too). Keying the guard on
 * anything rawer lets a dressed-up copy of a captured request look new.
 */
export interface SlackStamp {
  /** `<hash>:<timestamp>`, the identity of one signed request. */
  key: string;
  timestampSec: number;
}

/** Reads the stamp the way Bolt reads the headers; undefined when they are missing or malformed. */
export function readSlackStamp(headers: IncomingHttpHeaders): SlackStamp | undefined {
  const signature = headers["x-slack-signature"];
  const timestamp = headers["x-slack-request-timestamp"];
  if (typeof signature !== "string" || typeof timestamp !== "string") return undefined;
  const [version, hash] = signature.split("=");
  const timestampSec = Number(timestamp);
  // Bolt compares the hash with its own lowercase hex digest, so nothing else can verify.
  if (version !== "v0" || !hash || !/^[0-9a-f]{64}$/.test(hash)) return undefined;
  if (!Number.isSafeInteger(timestampSec)) return undefined;
  return { key: `${hash}:${timestampSec}`, timestampSec };
}

/**
 * Why a request to the events endpoint is refused before its body is read, or undefined to read
 * it. A signed request must be dated within 5 minutes either way: Bolt checks only the past, and
 * a request dated a year ahead would stay replayable for a year.
 */
export function refuseBeforeBody(stamp: SlackStamp | undefined, nowMs: number): string | undefined {
  if (!stamp) return undefined;
  const skewMs = Math.abs(stamp.timestampSec * 1000 - nowMs);
  return skewMs > SIGNATURE_WINDOW_MS ? "signed request dated more than 5 minutes from now" : undefined;
}

/** Where verified stamps are remembered; a Postgres table when replicas must share it. */
export interface ReplayStore {
  /** Records the stamp until `expiresAt`; false when it was already recorded (a replay). */
  firstSighting(key: string, expiresAt: Date): Promise<boolean>;
}

/** When a stamp may be forgotten: once Bolt would refuse its timestamp as stale. */
export function stampExpiry(stamp: SlackStamp): Date {
  return new Date(stamp.timestampSec * 1000 + SIGNATURE_WINDOW_MS);
}

/** One process only (tests, or an adapter started without a database). */
export class MemoryReplayStore implements ReplayStore {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly capacity = MAX_REMEMBERED_SIGNATURES,
  ) {}

  async firstSighting(key: string, expiresAt: Date): Promise<boolean> {
    const now = this.now();
    for (const [seenKey, until] of this.seen) if (until <= now) this.seen.delete(seenKey);
    if (this.seen.has(key)) return false;
    if (this.seen.size >= this.capacity) {
      const oldest = this.seen.keys().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    this.seen.set(key, expiresAt.getTime());
    return true;
  }

  get size(): number {
    return this.seen.size;
  }
}

/** Thrown by the replay middleware; the receiver's error handler answers it with 401. */
export class ReplayedRequestError extends Error {
  override readonly name = "ReplayedRequestError";
  /** Bolt passes errors with a `code` through its error handler unchanged. */
  readonly code = "balance_bot_replayed_request";
}

export function isReplayedRequestError(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "balance_bot_replayed_request";
}
