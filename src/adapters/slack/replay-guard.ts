/** Bolt's staleness window: a signed request older than this is already rejected by Bolt. */
export const SIGNATURE_WINDOW_MS = 5 * 60_000;
/** Enough for ~30 commands a second over the whole window; the oldest entries go first. */
export const MAX_REMEMBERED_SIGNATURES = 10_000;

/**
 * Remembers the signatures of verified requests until their timestamp leaves Bolt's 5-minute
 * window, so the same signed body cannot be played twice inside it. Keyed by timestamp expiry,
 * not arrival: Bolt accepts future timestamps, and those stay replayable for longer.
 */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly capacity = MAX_REMEMBERED_SIGNATURES,
  ) {}

  /** Records the signature; false when it was already seen inside its window (a replay). */
  firstSighting(signature: string, timestampSec: number): boolean {
    const now = this.now();
    this.evictExpired(now);
    if (this.seen.has(signature)) return false;
    if (this.seen.size >= this.capacity) {
      const oldest = this.seen.keys().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    const expiresAt = Math.max(now, timestampSec * 1000) + SIGNATURE_WINDOW_MS;
    this.seen.set(signature, expiresAt);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  private evictExpired(now: number): void {
    // Insertion order is close to expiry order; stop at the first live entry.
    for (const [signature, expiresAt] of this.seen) {
      if (expiresAt > now) break;
      this.seen.delete(signature);
    }
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
