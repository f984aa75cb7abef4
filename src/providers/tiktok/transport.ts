/**
 * HTTP plumbing for the TikTok Shop client: one request with a timeout, retries with jittered
 * exponential backoff for the transient failures (reference §4.2–4.3), envelope parsing, and the
 * mapping of upstream codes to clear `ProviderError`s. Knows nothing about endpoints or tokens.
 */
import type { z } from "zod";
import { ProviderError } from "../../core/errors.ts";
import { describeIssues, type Envelope, envelopeSchema } from "./schemas.ts";

export interface RetryPolicy {
  /** Total tries including the first. */
  maxAttempts: number;
  baseMs: number;
  maxMs: number;
}

/** pino-compatible: `log.warn({ … }, "message")`. */
export interface ClientLog {
  warn(fields: Record<string, unknown>, message: string): void;
  debug?(fields: Record<string, unknown>, message: string): void;
}

export interface TransportOptions {
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  retry: RetryPolicy;
  timeoutMs: number;
  log?: ClientLog | undefined;
  /** Strings that must never appear in an error message (secret, tokens). */
  secrets: () => readonly string[];
}

export interface Prepared {
  url: string;
  headers: Record<string, string>;
  /** Default GET. */
  method?: "GET" | "POST";
  /** The exact body that was signed (POST). */
  body?: string;
}

export interface Answer {
  status: number;
  envelope: Envelope;
}

/** Codes worth another try (§4.2): rate limit, internal error, upstream timeout. */
const RETRY_CODES = new Set([36009002, 36009003, 36009007]);
const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseMs: 500, maxMs: 20_000 };

/**
 * Sends a request built fresh by `prepare` for every attempt (so timestamps and tokens are current),
 * retrying transient failures. Returns the parsed envelope of the first non-transient answer,
 * whatever its code; throws a `ProviderError` when retries run out or the body is not an envelope.
 */
export async function send(
  options: TransportOptions,
  where: string,
  prepare: () => Promise<Prepared>,
): Promise<Answer> {
  const { retry } = options;
  for (let attempt = 1; ; attempt++) {
    const last = attempt >= retry.maxAttempts;
    const { url, headers, method = "GET", body } = await prepare();
    let status: number;
    let text: string;
    let retryAfter: string | null = null;
    try {
      const response = await options.fetch(url, {
        method,
        headers,
        ...(body !== undefined ? { body } : {}),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      status = response.status;
      retryAfter = response.headers.get("retry-after");
      text = await response.text();
    } catch (error) {
      const reason = redact(networkReason(error, options.timeoutMs), options.secrets());
      if (last) {
        throw new ProviderError(`TikTok Shop unreachable (${where}): ${reason}, after ${attempt} attempts`, {
          retryable: true,
        });
      }
      await backoff(options, attempt, where, { reason }, null);
      continue;
    }

    const envelope = parseEnvelope(text);
    const code = envelope?.code;
    const transient = RETRY_STATUS.has(status) || (code !== undefined && RETRY_CODES.has(code));
    if (transient) {
      if (last) throw failure(options, where, status, envelope, `gave up after ${attempt} attempts`);
      await backoff(options, attempt, where, { status, code, requestId: envelope?.request_id }, retryAfter);
      continue;
    }
    if (!envelope) {
      throw new ProviderError(
        `malformed response from TikTok Shop (${where}): HTTP ${status}, body is not a JSON envelope`,
        { status, retryable: false },
      );
    }
    return { status, envelope };
  }
}

/** The `ProviderError` for a non-zero code, with a message that says what to do. */
export function failure(
  options: Pick<TransportOptions, "secrets">,
  where: string,
  status: number,
  envelope: Envelope | undefined,
  suffix?: string,
): ProviderError {
  const code = envelope?.code;
  const upstream = redact(envelope?.message ?? "", options.secrets());
  let text: string;
  switch (code) {
    case 106001:
      text = "signature rejected (106001): check TIKTOK_APP_SECRET and TIKTOK_APP_KEY";
      break;
    case 105005:
      text =
        "scope missing (105005): the seller must re-authorize the app with the Finance Information scope (seller.finance.info)";
      break;
    case 105002:
      text = "access token expired (105002) and refreshing it did not help: re-authorize the shop";
      break;
    case 36009004:
      text = `request rejected (36009004): ${upstream || "invalid request"}`;
      break;
    case 106013:
      text = "request rejected (106013): missing shop_cipher";
      break;
    case 36009002:
      text = "rate limited (36009002)";
      break;
    case undefined:
      text = `HTTP ${status}`;
      break;
    default:
      text = `error ${code}${upstream ? `: ${upstream}` : ""}`;
  }
  const requestId = envelope?.request_id;
  const detail = [where, requestId ? `request_id ${requestId}` : "", suffix ?? ""].filter(Boolean).join("; ");
  return new ProviderError(`TikTok Shop ${text} (${detail})`, {
    ...(code !== undefined ? { code } : {}),
    ...(requestId ? { requestId } : {}),
    status,
    retryable: RETRY_STATUS.has(status) || (code !== undefined && RETRY_CODES.has(code)),
  });
}

/** Parses `data` with `schema`; a mismatch names the field ("statements[3].settlement_amount: …"). */
export function parseData<S extends z.ZodType>(schema: S, answer: Answer, where: string): z.output<S> {
  const result = schema.safeParse(answer.envelope.data ?? {});
  if (result.success) return result.data;
  const requestId = answer.envelope.request_id;
  return failWith(
    new ProviderError(
      `unexpected response from TikTok Shop (${where}${requestId ? `; request_id ${requestId}` : ""}): ${describeIssues(result.error)}`,
      {
        code: "invalid_response",
        ...(requestId ? { requestId } : {}),
        status: answer.status,
        retryable: false,
      },
    ),
  );
}

function failWith(error: Error): never {
  throw error;
}

function parseEnvelope(text: string): Envelope | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const result = envelopeSchema.safeParse(json);
  return result.success ? result.data : undefined;
}

async function backoff(
  options: TransportOptions,
  attempt: number,
  where: string,
  fields: Record<string, unknown>,
  retryAfter: string | null,
): Promise<void> {
  const { baseMs, maxMs } = options.retry;
  const ceiling = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  // "Equal jitter": never zero, never synchronised across callers hitting the same limit.
  let delay = ceiling / 2 + Math.random() * (ceiling / 2);
  const seconds = retryAfter === null ? Number.NaN : Number(retryAfter);
  if (Number.isFinite(seconds) && seconds >= 0) delay = Math.min(maxMs, Math.max(delay, seconds * 1000));
  options.log?.warn({ ...fields, where, attempt, delayMs: Math.round(delay) }, "tiktok request retrying");
  await options.sleep(delay);
}

function networkReason(error: unknown, timeoutMs: number): string {
  if (error instanceof Error) {
    if (error.name === "TimeoutError" || error.name === "AbortError")
      return `no answer within ${timeoutMs} ms`;
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code ? `${error.message} (${cause.code})` : error.message;
  }
  return String(error);
}

/** Removes any secret that an upstream message might echo. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join("[redacted]");
  return out;
}
