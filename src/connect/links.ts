/**
 * Where `/balance connect` sends a seller. The HTTP server that receives the OAuth callback
 * announces itself on the bot's `CallbackRegistry` (a value in the dependencies) when it starts:
 * without it a link would lead nowhere, so the command explains what to set instead of handing
 * one out.
 */

import type { ConnectSettings } from "../core/callbacks.ts";

export const CALLBACK_PATH = "/tiktok/callback";
export const WEBHOOK_PATH = "/webhooks/tiktok";
/** How long a connect link (its state) stays valid. */
export const STATE_TTL_MS = 30 * 60_000;

const GLOBAL_AUTHORIZE = "https://services.tiktokshop.com/open/authorize";
const US_AUTHORIZE = "https://services.tiktokshops.us/open/authorize";

export type Region = "global" | "us";

export interface AuthorizeLink {
  /** Whose link it is (a reply names it in its language). */
  for: "sandbox" | Region;
  label: string;
  url: string;
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
    return {
      links: [
        { for: "sandbox", label: "Sandbox shop", url: `${settings.sandbox.url}/open/authorize?${query}` },
      ],
    };
  }
  const wanted: Region[] = region
    ? [region]
    : (["global", "us"] as const).filter((r) => settings?.serviceIds[r]);
  const missing = missingSettings(settings, wanted.length > 0 ? wanted : ["global"]);
  if (missing.length > 0 || !settings) return { missing };
  const links: AuthorizeLink[] = [];
  for (const r of wanted) {
    const query = new URLSearchParams({ service_id: settings.serviceIds[r] ?? "", state }).toString();
    links.push(
      r === "us"
        ? { for: "us", label: "US sellers", url: `${US_AUTHORIZE}?${query}` }
        : { for: "global", label: "Sellers outside the US", url: `${GLOBAL_AUTHORIZE}?${query}` },
    );
  }
  return { links };
}

const SERVICE_ID_VARIABLE: Record<Region, string> = {
  global:
    "TIKTOK_SERVICE_ID: the Service ID of your app in the global TikTok Shop Partner Center (its authorization link, services.tiktokshop.com/open/authorize?service_id=…).",
  us: "TIKTOK_US_SERVICE_ID: the Service ID of your app in the US TikTok Shop Partner Center (its authorization link, services.tiktokshops.us/open/authorize?service_id=…).",
};

function missingSettings(settings: ConnectSettings | undefined, regions: readonly Region[]): string[] {
  const missing: string[] = [];
  for (const r of regions) if (!settings?.serviceIds[r]) missing.push(SERVICE_ID_VARIABLE[r]);
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
