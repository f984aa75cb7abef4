import type { IncomingMessage, ServerResponse } from "node:http";

/** Small response helpers for the bot's HTTP endpoints (node:http, no framework). */

export class BodyTooLarge extends Error {
  override readonly name = "BodyTooLarge";
}

/**
 * Reads the raw body as received (webhook signatures are over these exact bytes). A declared
 * length over the limit is refused before a byte is read.
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) throw new BodyTooLarge(`request body over ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge(`request body over ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function sendEmpty(res: ServerResponse, status: number): void {
  if (res.headersSent) return;
  res.writeHead(status, { "content-length": "0" });
  res.end();
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  type = "text/plain; charset=utf-8",
): void {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(text);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendText(res, status, `${JSON.stringify(body, null, 2)}\n`, "application/json; charset=utf-8");
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** A small self-contained page (no scripts, no external assets) for people landing from TikTok. */
export function sendPage(
  res: ServerResponse,
  status: number,
  page: { title: string; message: string; details?: readonly string[] },
): void {
  const ok = status < 400;
  const details = (page.details ?? []).map((d) => `<li>${escapeHtml(d)}</li>`).join("");
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${escapeHtml(page.title)} · balance-bot</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#222}
h1{font-size:1.4rem;color:${ok ? "#1a7f37" : "#b42318"}}small{color:#666}</style></head>
<body><h1>${ok ? "✅" : "⚠️"} ${escapeHtml(page.title)}</h1><p>${escapeHtml(page.message)}</p>
${details ? `<ul>${details}</ul>` : ""}<p><small>balance-bot · you can close this tab.</small></p></body></html>
`;
  if (res.headersSent) return;
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
    "referrer-policy": "no-referrer",
  });
  res.end(html);
}
