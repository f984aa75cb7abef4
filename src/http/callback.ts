import type { ServerResponse } from "node:http";
import type { CompleteDeps } from "../connect/complete.ts";
import { completeAuthorization } from "../connect/complete.ts";
import { sendPage } from "./io.ts";

/**
 * GET /tiktok/callback?code&state (or ?error): where TikTok sends the seller after the consent
 * screen. Every way out is a page saying what happened; only a complete success stores anything.
 */
export async function handleCallback(
  deps: CompleteDeps,
  query: URLSearchParams,
  res: ServerResponse,
): Promise<void> {
  const error = query.get("error");
  if (error !== null) {
    // The docs show both access_denied and auth_denied: any `error` is a rejection (reference §2.1).
    const declined = /denied/i.test(error);
    return sendPage(res, declined ? 403 : 400, {
      title: declined ? "Authorization declined" : "TikTok Shop reported a problem",
      message: declined
        ? "The shop owner did not approve balance-bot, so nothing was connected. Run /balance connect again whenever you are ready."
        : "TikTok Shop did not complete the authorization, so nothing was connected. Run /balance connect for a new link and try again.",
      details: /^[a-z_]{1,40}$/i.test(error) ? [`TikTok said: ${error}`] : [],
    });
  }
  const code = query.get("code");
  const state = query.get("state");
  if (!code || !state || code.length > 512 || state.length > 128) {
    return sendPage(res, 400, {
      title: "This link is incomplete",
      message:
        "The authorization code or state is missing, so nothing was connected. Open the link from /balance connect again.",
    });
  }
  const outcome = await completeAuthorization(deps, { code, state });
  if (!outcome.ok) return sendPage(res, outcome.status, { title: outcome.title, message: outcome.message });
  return sendPage(res, 200, {
    title: "TikTok Shop connected",
    message: `balance-bot can now read the finances of ${outcome.shops.length} shop${outcome.shops.length === 1 ? "" : "s"}${outcome.seller ? ` of ${outcome.seller}` : ""}. A confirmation is on its way to your chat channel; figures appear after the first sync.`,
    details: outcome.shops,
  });
}
