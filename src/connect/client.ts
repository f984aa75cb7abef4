import type { App } from "../cli/app.ts";
import type { TokenSet, TokenStore } from "../providers/port.ts";
import {
  createTikTokClient,
  type TikTokClient,
  type TikTokClientOptions,
} from "../providers/tiktok/client.ts";

/** The app key and secret the running bot talks to TikTok (or its sandbox) with. */
export interface AppCredentials {
  appKey: string;
  appSecret: string;
  apiUrl: string;
  authUrl: string;
}

export type AppLike = Pick<App, "config" | "sandbox" | "deps" | "provider">;

/** The sandbox's credentials on the sandbox, TIKTOK_APP_KEY/SECRET otherwise. */
export function appCredentials(app: AppLike): AppCredentials | undefined {
  if (app.sandbox) {
    const { appKey, appSecret, url } = app.sandbox;
    return { appKey, appSecret, apiUrl: url, authUrl: url };
  }
  return app.config.tiktok;
}

/** A client of the running app's TikTok (or sandbox) app, over the given token store. */
export function appClient(
  app: AppLike,
  tokens: TokenStore,
  extra: Partial<TikTokClientOptions> = {},
): TikTokClient {
  const credentials = appCredentials(app);
  if (!credentials) throw new Error("no TikTok credentials: set TIKTOK_APP_KEY and TIKTOK_APP_SECRET");
  return createTikTokClient({ ...credentials, tokens, log: app.deps.log, ...extra });
}

/** A token store that only keeps what the client saves: tokens of an authorization not stored yet. */
export function pendingTokens(): TokenStore & { current(): TokenSet | undefined } {
  let held: TokenSet | undefined;
  return {
    current: () => held,
    async load() {
      if (!held) throw new Error("no tokens yet: exchange the auth code first");
      return held;
    },
    async save(tokens) {
      held = tokens;
    },
  };
}
