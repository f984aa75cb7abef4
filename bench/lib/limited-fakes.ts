import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What a rate-enforcing fake saw. */
export interface FakeCounts {
  posted: number;
  rateLimited: number;
  /** performance.now() of the last accepted post. */
  lastPostAt: number;
  /** Every accepted post: when (performance.now()) and to which channel. */
  posts: { at: number; channel: string }[];
}

/** A minimal chat server that enforces one platform's rate limit on message posts. */
export interface LimitedFake {
  /** Base URL the real delivery port is pointed at (SLACK_API_URL / DISCORD_API_URL). */
  apiUrl: string;
  counts: FakeCounts;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    handler(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

function closer(server: Server): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
}

/**
 * Slack's chat.postMessage limit: about one message per second per channel. A second post to a
 * channel within 1 s answers HTTP 429 with `Retry-After: 1`, as Slack does.
 */
export async function startLimitedSlack(): Promise<LimitedFake> {
  const counts: FakeCounts = { posted: 0, rateLimited: 0, lastPostAt: 0, posts: [] };
  const lastByChannel = new Map<string, number>();
  let ts = 1_700_000_000;
  const { server, port } = await listen(async (req, res) => {
    const body = await readBody(req);
    const json = (status: number, payload: unknown, headers: Record<string, string> = {}) =>
      void res
        .writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers })
        .end(JSON.stringify(payload));
    if (req.method !== "POST" || req.url !== "/api/chat.postMessage")
      return json(200, { ok: false, error: "unknown_method" });
    const args = new URLSearchParams(body);
    const channel = args.get("channel");
    if (!channel) return json(200, { ok: false, error: "channel_not_found" });
    if (args.get("blocks")) JSON.parse(args.get("blocks")!);
    const now = performance.now();
    const last = lastByChannel.get(channel);
    if (last !== undefined && now - last < 1000) {
      counts.rateLimited++;
      return json(429, { ok: false, error: "ratelimited" }, { "retry-after": "1" });
    }
    lastByChannel.set(channel, now);
    counts.posted++;
    counts.lastPostAt = now;
    counts.posts.push({ at: now, channel });
    return json(200, {
      ok: true,
      channel,
      ts: `${++ts}.000100`,
      message: { type: "message", text: args.get("text") },
    });
  });
  return { apiUrl: `http://127.0.0.1:${port}/api/`, counts, close: closer(server) };
}

/**
 * Discord's global limit: 50 requests per second per bot, as a token bucket (50 tokens, refilled
 * at 50/s). An empty bucket answers 429 with `X-RateLimit-Global: true` and `retry_after`, as
 * Discord does. Message posts also carry the per-channel bucket headers Discord sends (5 per 5 s).
 */
export async function startLimitedDiscord(options: { perSecond?: number } = {}): Promise<LimitedFake> {
  const rate = options.perSecond ?? 50;
  const counts: FakeCounts = { posted: 0, rateLimited: 0, lastPostAt: 0, posts: [] };
  let tokens = rate;
  let refilledAt = performance.now();
  let id = 1_200_000_000_000_000_000n;
  const { server, port } = await listen(async (req, res) => {
    const body = await readBody(req);
    const json = (status: number, payload: unknown, headers: Record<string, string> = {}) =>
      void res
        .writeHead(status, { "content-type": "application/json", ...headers })
        .end(JSON.stringify(payload));
    const match = /^\/api\/v10\/channels\/(\d+)\/messages$/.exec(req.url ?? "");
    if (req.method !== "POST" || !match) return json(404, { message: "404: Not Found", code: 0 });
    const now = performance.now();
    tokens = Math.min(rate, tokens + ((now - refilledAt) / 1000) * rate);
    refilledAt = now;
    if (tokens < 1) {
      counts.rateLimited++;
      const retryAfter = Math.ceil(((1 - tokens) / rate) * 1000) / 1000;
      return json(
        429,
        { message: "You are being rate limited.", retry_after: retryAfter, global: true },
        {
          "retry-after": String(Math.max(1, Math.ceil(retryAfter))),
          "x-ratelimit-global": "true",
          "x-ratelimit-scope": "global",
        },
      );
    }
    tokens -= 1;
    // A message with a chart comes as multipart/form-data (payload_json plus the file).
    const payloadJson = (req.headers["content-type"] ?? "").startsWith("multipart/")
      ? (/name="payload_json"\r\n(?:[^\r\n]+\r\n)*\r\n([^\r]*)/.exec(body)?.[1] ?? "{}")
      : body || "{}";
    const parsed = JSON.parse(payloadJson) as { embeds?: unknown[]; nonce?: string };
    counts.posted++;
    counts.lastPostAt = now;
    counts.posts.push({ at: now, channel: match[1]! });
    return json(
      200,
      {
        id: String(++id),
        channel_id: match[1],
        type: 0,
        content: "",
        embeds: parsed.embeds ?? [],
        nonce: parsed.nonce,
        timestamp: new Date().toISOString(),
      },
      {
        "x-ratelimit-limit": "5",
        "x-ratelimit-remaining": "4",
        "x-ratelimit-reset-after": "5",
        "x-ratelimit-bucket": "fake-channel-messages",
        "x-ratelimit-scope": "user",
      },
    );
  });
  return { apiUrl: `http://127.0.0.1:${port}/api`, counts, close: closer(server) };
}
