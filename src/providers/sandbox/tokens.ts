/**
 * Seller tokens of the sandbox shop. Expiries are absolute Unix seconds of real wall time (the
 * client compares them with its own clock). Refresh rotates both tokens and retires the old pair,
 * which is stricter than TikTok is known to be, so a client that forgets to store them fails here.
 */
import { randomBytes } from "node:crypto";
import { SANDBOX_AUTH_CODE } from "./catalog.ts";

export interface IssuedTokens {
  access_token: string;
  access_token_expire_in: number;
  refresh_token: string;
  refresh_token_expire_in: number;
}

const ACCESS_TTL = 7 * 86_400;
const REFRESH_TTL = 365 * 86_400;

export type TokenCheck = "ok" | "unknown" | "expired";

export function createTokenBook(nowSec: () => number = () => Math.floor(Date.now() / 1000)) {
  const access = new Map<string, { expiresAt: number; expired: boolean }>();
  const refresh = new Map<string, { expiresAt: number; access: string }>();
  const codes = new Set<string>([SANDBOX_AUTH_CODE]);

  function issue(): IssuedTokens {
    const now = nowSec();
    const accessToken = `TTP_${randomBytes(18).toString("base64url")}`;
    const refreshToken = `RTP_${randomBytes(18).toString("base64url")}`;
    access.set(accessToken, { expiresAt: now + ACCESS_TTL, expired: false });
    refresh.set(refreshToken, { expiresAt: now + REFRESH_TTL, access: accessToken });
    return {
      access_token: accessToken,
      access_token_expire_in: now + ACCESS_TTL,
      refresh_token: refreshToken,
      refresh_token_expire_in: now + REFRESH_TTL,
    };
  }

  return {
    issue,
    /** Exchanges a single-use auth code. */
    exchangeCode(code: string): IssuedTokens | undefined {
      if (!codes.delete(code)) return undefined;
      return issue();
    },
    /** A fresh single-use auth code. */
    newAuthCode(): string {
      const code = `sandbox-auth-${randomBytes(6).toString("hex")}`;
      codes.add(code);
      return code;
    },
    refresh(refreshToken: string): IssuedTokens | "unknown" | "expired" {
      const entry = refresh.get(refreshToken);
      if (!entry) return "unknown";
      if (entry.expiresAt <= nowSec()) return "expired";
      refresh.delete(refreshToken);
      access.delete(entry.access);
      return issue();
    },
    check(accessToken: string | undefined): TokenCheck {
      const entry = accessToken ? access.get(accessToken) : undefined;
      if (!entry) return "unknown";
      return entry.expired || entry.expiresAt <= nowSec() ? "expired" : "ok";
    },
    /** Marks every live access token expired (they answer 105002 until refreshed). */
    expireAll(): void {
      for (const entry of access.values()) entry.expired = true;
    },
  };
}

export type TokenBook = ReturnType<typeof createTokenBook>;
