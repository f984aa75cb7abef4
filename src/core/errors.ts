/** Typed errors; one boundary per adapter (the dispatcher) turns them into replies. */

/** Bad input or a request that cannot be served: shown as is, ephemerally. */
export class UserError extends Error {
  override readonly name: string = "UserError";
  constructor(
    message: string,
    readonly hint?: { usage?: string; example?: string },
  ) {
    super(message);
  }
}

export class NotFound extends UserError {
  override readonly name = "NotFound";
}

export class Forbidden extends UserError {
  override readonly name = "Forbidden";
}

/** The TikTok Shop API (or the sandbox) refused or failed; carries the upstream code and request id. */
export class ProviderError extends Error {
  override readonly name = "ProviderError";
  constructor(
    message: string,
    readonly upstream: {
      code?: number | string;
      requestId?: string;
      status?: number;
      retryable?: boolean;
    } = {},
  ) {
    super(message);
  }
}

export class RateLimited extends Error {
  override readonly name = "RateLimited";
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
  }
}

/** The database (or another dependency) is unreachable for now: the user should try again shortly. */
export class Unavailable extends Error {
  override readonly name = "Unavailable";
}
