/**
 * Whether (and where) the bot serves the TikTok OAuth callback: the HTTP router announces it,
 * `/balance connect` reads it. One registry per running bot, passed in the dependencies.
 */

export interface ConnectSettings {
  /** PUBLIC_URL (no trailing slash), when set. */
  publicUrl: string | undefined;
  /**
   * Partner Center service ids: global (TIKTOK_SERVICE_ID) and US (TIKTOK_US_SERVICE_ID). The two
   * Partner Centers are separate, and an app registered in one has its own id there.
   */
  serviceIds: { global: string | undefined; us: string | undefined };
  /** On the sandbox: its own authorize page, and the callback it sends the seller back to. */
  sandbox: { url: string; callbackUrl: string } | undefined;
}

/** The HTTP server serving the OAuth callback, if any: one registry per running bot. */
export interface CallbackRegistry {
  /** Called by the HTTP server (or router) serving the callback. */
  announce(settings: ConnectSettings): void;
  /** Called when that server stops; a newer announcement stays. */
  withdraw(settings: ConnectSettings): void;
  /** What `/balance connect` builds its links from; undefined while no server serves the callback. */
  current(): ConnectSettings | undefined;
}

export function createCallbackRegistry(): CallbackRegistry {
  let announced: ConnectSettings | undefined;
  return {
    announce(settings) {
      announced = settings;
    },
    withdraw(settings) {
      if (announced === settings) announced = undefined;
    },
    current: () => announced,
  };
}
