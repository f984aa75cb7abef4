import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Tokens at rest: AES-256-GCM with ENCRYPTION_KEY, stored as "enc:v1:<iv>:<tag>:<ciphertext>"
 * (base64). Sandbox tokens guard nothing and are stored "plain:<token>" when no key is set.
 * Rotation: decrypt with the old key and re-encrypt with the new one (see README).
 */
export function sealToken(token: string, key: Buffer | undefined): string {
  if (!key) return `plain:${token}`;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return `enc:v1:${iv.toString("base64")}:${cipher.getAuthTag().toString("base64")}:${body.toString("base64")}`;
}

/** A stored token this process cannot read (wrong or missing ENCRYPTION_KEY, damaged value). */
export class TokenUnreadableError extends Error {
  override readonly name = "TokenUnreadableError";
  /** Recorded as the sync step's error code; /readyz counts shops failing with it. */
  readonly code = TOKEN_UNREADABLE;
}
export const TOKEN_UNREADABLE = "token_unreadable";

export function openToken(stored: string, key: Buffer | undefined): string {
  if (stored.startsWith("plain:")) return stored.slice("plain:".length);
  const [scheme, version, iv, tag, body] = stored.split(":");
  if (scheme !== "enc" || version !== "v1" || !iv || !tag || !body)
    throw new TokenUnreadableError("stored token has an unknown format");
  if (!key) throw new TokenUnreadableError("a stored token is encrypted but ENCRYPTION_KEY is not set");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
    decipher.setAuthTag(Buffer.from(tag, "base64"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
  } catch {
    throw new TokenUnreadableError(
      "a stored token cannot be decrypted with this ENCRYPTION_KEY (was the key changed?)",
    );
  }
}
