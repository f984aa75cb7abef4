import type { Logger } from "../log.ts";
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

/** What a client of the running app needs: its credentials (none without a TikTok app) and a log. */
export interface ClientSource {
  /** The sandbox's credentials on the sandbox, TIKTOK_APP_KEY/SECRET otherwise. */
  credentials: AppCredentials | undefined;
  deps: { log: Logger };
}

/** A client of the running app's TikTok (or sandbox) app, over the given token store. */
export function appClient(
  app: ClientSource,
  tokens: TokenStore,
  extra: Partial<TikTokClientOptions> = {},
): TikTokClient {
  const { credentials } = app;
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
