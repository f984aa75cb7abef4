import { type MessageKey, type MessageValues, translator } from "../i18n/index.ts";

/**
 * Typed errors, each with a stable code. One boundary (the dispatcher, plus each adapter's last
 * resort) turns a code into a reply through `errorReply` (error-replies.ts); nothing else words them.
 */

/** What went wrong, as the boundary and the logs name it. Stable: dashboards and tests rely on it. */
export type ErrorCode =
  /** Bad input or a request that cannot be served: shown as is. */
  | "bad_input"
  | "not_found"
  | "forbidden"
  /** The TikTok Shop API (or the sandbox) refused or failed. */
  | "upstream_failed"
  /** A dependency (the database) is unreachable for now: try again shortly. */
  | "unavailable"
  /** Anything else: a bug. The user gets a correlation id that is in the log. */
  | "internal";

/** Bad input or a request that cannot be served: shown as is, ephemerally. */
export class UserError extends Error {
  override readonly name: string = "UserError";
  readonly code: "bad_input" | "not_found" | "forbidden" = "bad_input";
  constructor(
    message: string,
    readonly hint?: {
      usage?: string;
      example?: string;
      /**
       * The message as a catalog entry, for code that has no language at hand (a helper deep in
       * a command): the dispatcher words it in the asker's language; `message` is its English.
       */
      words?: { key: MessageKey; values?: MessageValues };
    },
  ) {
    super(message);
  }

  /** A UserError worded from the catalog: English as its message, the asker's language in chat. */
  static of<E extends UserError>(
    this: new (
      message: string,
      hint?: UserError["hint"],
    ) => E,
    key: MessageKey,
    values?: MessageValues,
    hint?: { usage?: string; example?: string },
  ): E {
    return new this(translator("en").t(key, values), {
      ...hint,
      words: { key, ...(values ? { values } : {}) },
    });
  }
}

export class NotFound extends UserError {
  override readonly name = "NotFound";
  override readonly code = "not_found";
}

export class Forbidden extends UserError {
  override readonly name = "Forbidden";
  override readonly code = "forbidden";
}

/** The TikTok Shop API (or the sandbox) refused or failed; carries the upstream code and request id. */
export class ProviderError extends Error {
  override readonly name = "ProviderError";
  readonly code = "upstream_failed";
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

/** The database (or another dependency) is unreachable for now: the user should try again shortly. */
export class Unavailable extends Error {
  override readonly name = "Unavailable";
  readonly code = "unavailable";
}

/** The code of any thrown value; what is not one of ours is "internal". */
export function errorCode(error: unknown): ErrorCode {
  return error instanceof UserError || error instanceof ProviderError || error instanceof Unavailable
    ? error.code
    : "internal";
}
