/**
 * What the sandbox checks before serving a request (reference §1.1–1.2, §2.2, §4.2): the common
 * parameters, the timestamp window against real wall time, the signature recomputed from the
 * received path, decoded query and raw body, the access token, the shop_cipher rules and the
 * finance scope. Also the unsigned token endpoints.
 */
import { verifyRequestSign } from "../tiktok/sign.ts";
import { SANDBOX_CREATOR, SANDBOX_SELLER, type SandboxShopDef, shopByCipher } from "./catalog.ts";
import { ApiError } from "./paging.ts";
import type { Route } from "./routes.ts";
import type { TokenBook } from "./tokens.ts";

export interface Credentials {
  appKey: string;
  appSecret: string;
}

export interface IncomingCall {
  path: string;
  query: URLSearchParams;
  rawBody: string;
  contentType: string | undefined;
  accessToken: string | undefined;
}

/** Checks an Open API call; returns its shop (finance routes) or throws the error TikTok would. */
export function authenticate(
  call: IncomingCall,
  route: Route,
  app: Credentials,
  tokens: TokenBook,
  scopeRevoked: boolean,
  shopOf: (cipher: string) => SandboxShopDef | undefined = shopByCipher,
): SandboxShopDef | undefined {
  const { query } = call;
  if (query.get("app_key") !== app.appKey) throw new ApiError(36009004, "Invalid app_key", 401);
  const sign = query.get("sign");
  if (!sign) throw new ApiError(36009004, "Missing sign");
  const timestamp = query.get("timestamp") ?? "";
  if (!/^\d{1,12}$/.test(timestamp)) throw new ApiError(36009004, "Invalid timestamp");
  // The client signs with real time, so the window is checked against real time, not the sandbox clock.
  const wall = Math.floor(Date.now() / 1000);
  const ts = Number(timestamp);
  if (ts < wall - 300) throw new ApiError(36009004, "Invalid timestamp: more than 5 minutes old");
  if (ts > wall + 30) throw new ApiError(36009004, "Invalid timestamp: more than 30 seconds in the future");
  const decoded: Record<string, string> = {};
  for (const [key, value] of query) if (!(key in decoded)) decoded[key] = value;
  const input = {
    path: call.path,
    query: decoded,
    body: call.rawBody === "" ? undefined : call.rawBody,
    contentType: call.contentType,
  };
  if (!verifyRequestSign(app.appSecret, input, sign)) throw new ApiError(106001, "Invalid sign", 401);

  const token = tokens.check(call.accessToken);
  if (token === "unknown") throw new ApiError(36009004, "Invalid x-tts-access-token", 401);
  if (token === "expired") throw new ApiError(105002, "Expired credentials", 401);

  const cipher = query.get("shop_cipher");
  const creator = tokens.userTypeOf(call.accessToken) === 1;
  if (route.scope === "creator") {
    if (cipher !== null) {
      throw new ApiError(
        36009004,
        "Unexpected identifier. The `shop_cipher` query parameter is not required for this request",
      );
    }
    // §4.2 101000: a token of the wrong user_type for the endpoint (here a seller's on a creator API).
    if (!creator) {
      throw new ApiError(
        101000,
        "The x-tts-access-token does not belong to a creator (user_type 1) and cannot call this API",
        401,
      );
    }
    return undefined;
  }
  if (route.scope === "authorization") {
    if (cipher !== null) {
      throw new ApiError(
        36009004,
        "Unexpected identifier. The `shop_cipher` query parameter is not required for this request",
      );
    }
    return undefined;
  }
  if (!cipher) throw new ApiError(106013, "shop_cipher is required");
  if (creator) {
    throw new ApiError(101000, "The x-tts-access-token belongs to a creator and cannot read a shop", 401);
  }
  const shop = shopOf(cipher);
  if (!shop) throw new ApiError(101000, "The shop_cipher does not belong to this x-tts-access-token", 401);
  if (scopeRevoked) {
    throw new ApiError(105005, "Access denied: the token lacks the scope seller.finance.info", 401);
  }
  return shop;
}

/** GET /api/v2/token/get and /api/v2/token/refresh (unsigned; app_secret in the query). */
export function tokenEndpoint(path: string, query: URLSearchParams, app: Credentials, tokens: TokenBook) {
  if (query.get("app_key") !== app.appKey || query.get("app_secret") !== app.appSecret) {
    throw new ApiError(36009004, "Invalid app_key or app_secret", 401);
  }
  let issued: ReturnType<TokenBook["issue"]>;
  if (path === "/api/v2/token/get") {
    if (query.get("grant_type") !== "authorized_code") {
      throw new ApiError(36009004, "Invalid grant_type: must be authorized_code");
    }
    const code = tokens.exchangeCode(query.get("auth_code") ?? "");
    if (!code) throw new ApiError(36009004, "Invalid auth_code: unknown, expired or already used");
    issued = code;
  } else if (path === "/api/v2/token/refresh") {
    if (query.get("grant_type") !== "refresh_token") {
      throw new ApiError(36009004, "Invalid grant_type: must be refresh_token");
    }
    const result = tokens.refresh(query.get("refresh_token") ?? "");
    if (result === "unknown") throw new ApiError(36009004, "Invalid refresh_token");
    if (result === "expired") throw new ApiError(36009004, "refresh_token expired: re-authorize the shop");
    issued = result;
  } else {
    throw new ApiError(36009009, "Invalid path", 404);
  }
  const { userType, ...tokenData } = issued;
  const who = userType === 1 ? SANDBOX_CREATOR : SANDBOX_SELLER;
  return {
    ...tokenData,
    open_id: who.openId,
    seller_name: who.name,
    seller_base_region: who.region,
    user_type: userType,
    granted_scopes: [...who.scopes],
  };
}
