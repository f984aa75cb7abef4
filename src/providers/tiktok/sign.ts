/**
 * TikTok Shop request and webhook signatures (reference §1.2, §5.2). Pure functions: the client
 * signs with them and the sandbox shop verifies with the very same code path, so both follow the
 * reference rather than each other's quirks.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** A query value before encoding; arrays are joined with "," (§1.2 step 8), undefined is dropped. */
export type QueryValue = string | number | boolean | readonly (string | number)[] | undefined;

/** Parameters never part of the signature. */
const UNSIGNED = new Set(["sign", "access_token"]);

/** Decoded query values as strings, arrays comma-joined and undefined dropped. */
export function normalizeQuery(query: Readonly<Record<string, QueryValue>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    out[key] = Array.isArray(value) ? value.join(",") : String(value);
  }
  return out;
}

export interface SignInput {
  /** Path only, no host or query: `/finance/202309/statements`. */
  path: string;
  /** Decoded query values (what the server reads after decoding). */
  query: Readonly<Record<string, QueryValue>>;
  /** The exact body sent; omitted for GET. */
  body?: string | undefined;
  /** The request content type; a multipart body is not signed. */
  contentType?: string | undefined;
}

/** The string that gets wrapped in the secret and hashed (steps 1–5). */
export function signatureBase(input: SignInput): string {
  const query = normalizeQuery(input.query);
  const keys = Object.keys(query)
    .filter((key) => !UNSIGNED.has(key))
    .sort();
  let base = input.path;
  for (const key of keys) base += key + query[key];
  const multipart = (input.contentType ?? "").toLowerCase().startsWith("multipart/form-data");
  if (input.body !== undefined && input.body !== "" && !multipart) base += input.body;
  return base;
}

/** `sign` for an Open API request: lowercase hex HMAC-SHA256 of `secret + base + secret`. */
export function signRequest(appSecret: string, input: SignInput): string {
  const wrapped = appSecret + signatureBase(input) + appSecret;
  return createHmac("sha256", appSecret).update(wrapped, "utf8").digest("hex");
}

/** Constant-time comparison of two hex digests (case-insensitive, false on length mismatch). */
export function hexDigestsEqual(expected: string, received: string): boolean {
  const a = Buffer.from(expected.toLowerCase(), "utf8");
  const b = Buffer.from(received.trim().toLowerCase(), "utf8");
  if (a.length !== b.length) return false;
  return timingSafeEqual(a, b);
}

/** Whether `sign` is the right signature for the request (constant time). */
export function verifyRequestSign(appSecret: string, input: SignInput, sign: string): boolean {
  return hexDigestsEqual(signRequest(appSecret, input), sign);
}

/**
 * The webhook `Authorization` header value: hex HMAC-SHA256 keyed with the app secret over
 * `app_key + raw_body`. The raw body must be the bytes received, never re-serialised JSON.
 */
export function signWebhook(appKey: string, appSecret: string, rawBody: string | Uint8Array): string {
  const body = typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : Buffer.from(rawBody);
  return createHmac("sha256", appSecret)
    .update(Buffer.concat([Buffer.from(appKey, "utf8"), body]))
    .digest("hex");
}

/** Verifies a webhook's `Authorization` header against the raw body, in constant time. */
export function verifyWebhook(
  appKey: string,
  appSecret: string,
  rawBody: string | Uint8Array,
  signature: string | undefined | null,
): boolean {
  if (!signature) return false;
  return hexDigestsEqual(signWebhook(appKey, appSecret, rawBody), signature);
}
