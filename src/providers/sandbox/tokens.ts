/**
 * Seller and creator tokens of the sandbox shop (each remembers its user type, reference §2.2). Expiries are absolute Unix seconds of real wall time (the
 * client compares them with its own clock). Refresh rotates both tokens and retires the old pair,
 * which is stricter than TikTok is known to be, so a client that forgets to store them fails here.
 */
import { randomBytes } from "node:crypto";
import { SANDBOX_AUTH_CODE, SANDBOX_CREATOR_AUTH_CODE } from "./catalog.ts";

export interface IssuedTokens {
  access_token: string;
  access_token_expire_in: number;
  refresh_token: string;
  refresh_token_expire_in: number;
}

const ACCESS_TTL = 7 * 86_400;
const REFRESH_TTL = 365 * 86_400;

export type TokenCheck = "ok" | "unknown" | "expired";
/** 0 seller, 1 creator (reference §2.2 `user_type`). */
export type UserType = 0 | 1;

export function createTokenBook(nowSec: () => number = () => Math.floor(Date.now() / 1000)) {
  const access = new Map<string, { expiresAt: number; expired: boolean; userType: UserType }>();
  const refresh = new Map<string, { expiresAt: number; access: string; userType: UserType }>();
  const codes = new Map<string, UserType>([
    [SANDBOX_AUTH_CODE, 0],
    [SANDBOX_CREATOR_AUTH_CODE, 1],
  ]);

  function issue(userType: UserType = 0): IssuedTokens & { userType: UserType } {
    const now = nowSec();
    const accessToken = `TTP_${randomBytes(18).toString("base64url")}`;
    const refreshToken = `RTP_${randomBytes(18).toString("base64url")}`;
    access.set(accessToken, { expiresAt: now + ACCESS_TTL, expired: false, userType });
    refresh.set(refreshToken, { expiresAt: now + REFRESH_TTL, access: accessToken, userType });
    return {
      userType,
      access_token: accessToken,
      access_token_expire_in: now + ACCESS_TTL,
      refresh_token: refreshToken,
      refresh_token_expire_in: now + REFRESH_TTL,
    };
  }

  return {
    issue,
    /** Exchanges a single-use auth code. */
    exchangeCode(code: string): (IssuedTokens & { userType: UserType }) | undefined {
      const userType = codes.get(code);
      if (userType === undefined) return undefined;
      codes.delete(code);
      return issue(userType);
    },
    /** A fresh single-use auth code, for a seller (default) or a creator. */
    newAuthCode(userType: UserType = 0): string {
      const code = `sandbox-${userType === 1 ? "creator-" : ""}auth-${randomBytes(6).toString("hex")}`;
      codes.set(code, userType);
      return code;
    },
    /** The user type of a live access token (undefined for an unknown one). */
    userTypeOf(accessToken: string | undefined): UserType | undefined {
      return accessToken ? access.get(accessToken)?.userType : undefined;
    },
    refresh(refreshToken: string): (IssuedTokens & { userType: UserType }) | "unknown" | "expired" {
      const entry = refresh.get(refreshToken);
      if (!entry) return "unknown";
      if (entry.expiresAt <= nowSec()) return "expired";
      refresh.delete(refreshToken);
      access.delete(entry.access);
      return issue(entry.userType);
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
