/**
 * The sandbox's stand-in for TikTok Shop's consent screen (reference §2.1): a page with an
 * "Authorize" link back to `redirect_uri` carrying a fresh single-use auth code and the state,
 * and a "Decline" link carrying `error=access_denied`. Only the sandbox takes `redirect_uri`
 * from the link; TikTok uses the one registered in Partner Center.
 */
import type { ServerResponse } from "node:http";

const attr = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function sendAuthorizePage(
  res: ServerResponse,
  query: URLSearchParams,
  newAuthCode: (userType: 0 | 1) => string,
): void {
  const redirect = query.get("redirect_uri") ?? "";
  const state = query.get("state") ?? "";
  if (!/^https?:\/\//.test(redirect) || !query.get("service_id")) {
    res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
    res.end("sandbox authorize: service_id and an http(s) redirect_uri are required\n");
    return;
  }
  const back = (params: Record<string, string>) => {
    const url = new URL(redirect);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    if (state) url.searchParams.set("state", state);
    return url.toString();
  };
  const approve = back({ code: newAuthCode(0) });
  const creator = back({ code: newAuthCode(1) });
  const decline = back({ code: "null", error: "access_denied" });
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sandbox TikTok Shop · authorize</title></head>
<body style="font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto">
<h1>Sandbox TikTok Shop</h1>
<p>balance-bot asks to read the finances of the sandbox shops (Finance Information, Shop Authorized Information).</p>
<p><a id="approve" href="${attr(approve)}">Authorize</a> · <a id="decline" href="${attr(decline)}">Decline</a></p>
<p>Or sign in as the sandbox's affiliate creator (Affiliate Collaboration) and let balance-bot read your commission:
<a id="approve-creator" href="${attr(creator)}">Authorize as creator</a></p>
</body></html>
`);
}
