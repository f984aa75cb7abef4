/**
 * Where `/balance connect` sends a seller. The HTTP server that receives the OAuth callback
 * announces itself here for its database when it starts: without it a link would lead nowhere,
 * so the command explains what to set instead of handing one out.
 */

export const CALLBACK_PATH = "/tiktok/callback";
export const WEBHOOK_PATH = "/webhooks/tiktok";
/** How long a connect link (its state) stays valid. */
export const STATE_TTL_MS = 30 * 60_000;

const GLOBAL_AUTHORIZE = "https://services.tiktokshop.com/open/authorize";
const US_AUTHORIZE = "https://services.tiktokshops.us/open/authorize";

export interface ConnectSettings {
  /** PUBLIC_URL (no trailing slash), when set. */
  publicUrl: string | undefined;
  /** TIKTOK_SERVICE_ID, when set. */
  serviceId: string | undefined;
  /** On the sandbox: its own authorize page, and the callback it sends the seller back to. */
  sandbox: { url: string; callbackUrl: string } | undefined;
}

export type Region = "global" | "us";

export interface AuthorizeLink {
  label: string;
  url: string;
}

const announced = new WeakMap<object, ConnectSettings>();

/** Called by the HTTP server (or router) serving the callback for this database handle. */
export function announceCallbackServer(db: object, settings: ConnectSettings): void {
  announced.set(db, settings);
}

/** Called when that server stops; a newer announcement for the same database stays. */
export function withdrawCallbackServer(db: object, settings: ConnectSettings): void {
  if (announced.get(db) === settings) announced.delete(db);
}

export function connectSettingsFor(db: object): ConnectSettings | undefined {
  return announced.get(db);
}

/**
 * The authorization links for a fresh state, or the variables still missing (each with its
 * fix). The redirect URL is registered in Partner Center, so only the sandbox link carries it.
 */
export function authorizeLinks(
  settings: ConnectSettings | undefined,
  state: string,
  region: Region | undefined,
): { links: AuthorizeLink[] } | { missing: string[] } {
  if (settings?.sandbox) {
    const query = new URLSearchParams({
      service_id: "sandbox",
      state,
      redirect_uri: settings.sandbox.callbackUrl,
    });
    return { links: [{ label: "Sandbox shop", url: `${settings.sandbox.url}/open/authorize?${query}` }] };
  }
  const missing = missingSettings(settings);
  if (missing.length > 0 || !settings?.serviceId) return { missing };
  const query = new URLSearchParams({ service_id: settings.serviceId, state }).toString();
  const links: AuthorizeLink[] = [];
  if (region !== "us") links.push({ label: "Sellers outside the US", url: `${GLOBAL_AUTHORIZE}?${query}` });
  if (region !== "global") links.push({ label: "US sellers", url: `${US_AUTHORIZE}?${query}` });
  return { links };
}

function missingSettings(settings: ConnectSettings | undefined): string[] {
  const missing: string[] = [];
  if (!settings?.serviceId)
    missing.push(
      "TIKTOK_SERVICE_ID: the Service ID of your app in TikTok Shop Partner Center (it is in the app's authorization link as service_id=…).",
    );
  if (!settings?.publicUrl)
    missing.push(
      `PUBLIC_URL: the bot's public https base, e.g. https://balance.example.com; register PUBLIC_URL${CALLBACK_PATH} as the app's redirect URL in Partner Center.`,
    );
  if (!settings)
    missing.push(
      "PORT: the bot's HTTP server (callback and webhooks) is not running; set PORT (e.g. 3000) and restart.",
    );
  return missing;
}
