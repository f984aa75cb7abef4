/**
 * The sandbox shop: a local fake of the TikTok Shop Open API and token endpoints on 127.0.0.1,
 * with a seeded, lazily generated history, a clock that runs `speed` times faster than real
 * time, and fault switches. The real client talks to it exactly as to TikTok.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { TokenSet } from "../port.ts";
import { signWebhook } from "../tiktok/sign.ts";
import { authenticate, type Credentials, tokenEndpoint } from "./auth.ts";
import { sendAuthorizePage } from "./authorize.ts";
import { SANDBOX_APP_KEY, SANDBOX_APP_SECRET, SANDBOX_SHOPS, type SandboxShopDef } from "./catalog.ts";
import { createFaults, type SandboxFaults } from "./faults.ts";
import { createLedgerBook } from "./ledger.ts";
import { DAY, type World } from "./orders.ts";
import { ApiError } from "./paging.ts";
import { createQpsGate } from "./qps.ts";
import { ROUTES } from "./routes.ts";
import { createStatementBook } from "./statements.ts";
import { createTokenBook } from "./tokens.ts";

export interface SandboxOptions {
  /** Enforce TikTok's limit: at most this many requests per second per API and shop (429 + 36009002 beyond). */
  qps?: number;
  /** History seed; the same seed and start give the same data. Default 42. */
  seed?: number;
  /** Simulated seconds per real second. Default 60. */
  speed?: number;
  /** Default 0 (any free port). */
  port?: number;
  appKey?: string;
  appSecret?: string;
  /** The start of the simulated world (anchors its seeded history); default now. */
  startAt?: Date;
  /** Simulated time the clock resumes at (a restart continues where the last run stopped); default startAt. */
  resumeAt?: Date;
  /** Real-time source driving the simulated clock (tests inject one instead of waiting). */
  now?: () => Date;
  /** Average orders per day per shop; default 30. */
  ordersPerDay?: number;
  /** Days of statements before the start; default 90. */
  historyDays?: number;
}

/** Public facts about a sandbox shop, for callers that link it. */
export interface SandboxShopInfo {
  id: string;
  name: string;
  region: string;
  currency: string;
  cipher: string;
}

export interface SandboxShop {
  /** Base URL, both the Open API and the token host. */
  url: string;
  appKey: string;
  appSecret: string;
  shops: readonly SandboxShopInfo[];
  /** The simulated now. */
  clock(): Date;
  faults: SandboxFaults;
  /** A valid token pair for the default seller, as a TokenStore would hold it. */
  bootstrapTokens(): TokenSet;
  /** A fresh single-use auth code (besides the built-in "sandbox-auth-code"). */
  newAuthCode(): string;
  /** Requests received so far (all paths). */
  received(): number;
  /** Requests refused by the `qps` limit so far. */
  throttled(): number;
  /** POSTs a signed webhook (reference §5.2) to `url`; resolves to the HTTP status. */
  sendWebhook(
    url: string,
    event: { type: number; shopId?: string; data: Record<string, unknown> },
  ): Promise<number>;
  close(): Promise<void>;
}

/** Starts the sandbox shop server. */
export async function startSandboxShop(options: SandboxOptions = {}): Promise<SandboxShop> {
  const app: Credentials = {
    appKey: options.appKey ?? SANDBOX_APP_KEY,
    appSecret: options.appSecret ?? SANDBOX_APP_SECRET,
  };
  const realNow = options.now ?? (() => new Date());
  const speed = options.speed ?? 60;
  const realStart = realNow().getTime();
  const startMs = (options.startAt ?? new Date(realStart)).getTime();
  const resumeMs = Math.max(startMs, options.resumeAt?.getTime() ?? startMs);
  const clock = () => new Date(resumeMs + (realNow().getTime() - realStart) * speed);
  const startSec = Math.floor(startMs / 1000);
  const anchorDay = Math.floor(startSec / DAY);
  const world: World = {
    seed: options.seed ?? 42,
    ordersPerDay: options.ordersPerDay ?? 30,
    anchorDay,
    firstStatementDay: anchorDay - (options.historyDays ?? 90),
    startSec,
  };
  const book = createStatementBook(world);
  const ledger = createLedgerBook(world, book);
  const tokens = createTokenBook();
  const { faults, state, take } = createFaults(() => tokens.expireAll());
  let received = 0;
  let throttled = 0;
  let sequence = 0;
  const limiter = options.qps ? createQpsGate(options.qps) : undefined;

  function send(res: ServerResponse, status: number, code: number, message: string, data: unknown): void {
    sequence++;
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const requestId = `${stamp}${sequence.toString(16).toUpperCase().padStart(6, "0")}SBX${randomBytes(3).toString("hex").toUpperCase()}`;
    let body = JSON.stringify({ code, message, request_id: requestId, data });
    if (take("malformedJson")) body = body.slice(0, Math.max(1, Math.floor(body.length / 2)));
    res.writeHead(status, { "content-type": "application/json", "x-tt-logid": requestId });
    res.end(body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    received++;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString("utf8");
    if (state.latencyMs > 0) await new Promise((r) => setTimeout(r, state.latencyMs));
    if (take("rateLimit")) return send(res, 429, 36009002, "Too many requests", null);
    if (limiter && !limiter.admit(req.url ?? "/")) {
      throttled++;
      return send(res, 429, 36009002, "Too many requests", null);
    }
    if (take("serverErrors")) return send(res, 503, 36009003, "Internal error. Please try again later", null);

    const url = new URL(req.url ?? "/", "http://sandbox.local");
    try {
      if (url.pathname === "/open/authorize")
        return sendAuthorizePage(res, url.searchParams, tokens.newAuthCode);
      if (url.pathname.startsWith("/api/v2/token/")) {
        return send(res, 200, 0, "success", tokenEndpoint(url.pathname, url.searchParams, app, tokens));
      }
      const route = ROUTES.find((r) => r.pattern.test(url.pathname));
      if (!route) throw new ApiError(36009009, "Invalid path", 404);
      if (req.method !== "GET") throw new ApiError(36009010, "Invalid method", 405);
      const header = req.headers["x-tts-access-token"];
      const shop = authenticate(
        {
          path: url.pathname,
          query: url.searchParams,
          rawBody,
          contentType: req.headers["content-type"],
          accessToken: Array.isArray(header) ? header[0] : header,
        },
        route,
        app,
        tokens,
        state.scopeRevoked,
      );
      const match = route.pattern.exec(url.pathname);
      const data = route.handle({
        path: url.pathname,
        query: url.searchParams,
        params: (match?.slice(1) ?? []).map((p) => decodeURIComponent(p)),
        shop: shop ?? (SANDBOX_SHOPS[0] as SandboxShopDef),
        now: Math.floor(clock().getTime() / 1000),
        world,
        book,
        ledger,
        malformAmount: () => take("malformedAmount"),
      });
      return send(res, 200, 0, "Success", data);
    } catch (error) {
      if (error instanceof ApiError) return send(res, error.status, error.code, error.message, null);
      return send(res, 500, 36009003, "Internal error. Please try again later", null);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    appKey: app.appKey,
    appSecret: app.appSecret,
    shops: SANDBOX_SHOPS.map((s) => ({
      id: s.id,
      name: s.name,
      region: s.region,
      currency: s.currency,
      cipher: s.cipher,
    })),
    clock,
    faults,
    bootstrapTokens() {
      const t = tokens.issue();
      return {
        accessToken: t.access_token,
        refreshToken: t.refresh_token,
        accessExpiresAt: new Date(t.access_token_expire_in * 1000),
        refreshExpiresAt: new Date(t.refresh_token_expire_in * 1000),
      };
    },
    newAuthCode: () => tokens.newAuthCode(),
    received: () => received,
    throttled: () => throttled,
    async sendWebhook(target, event) {
      const raw = JSON.stringify({
        type: event.type,
        tts_notification_id: String(BigInt(`0x${randomBytes(7).toString("hex")}`)),
        shop_id: event.shopId ?? SANDBOX_SHOPS[0]?.id ?? "",
        timestamp: Math.floor(clock().getTime() / 1000),
        data: event.data,
      });
      const response = await fetch(target, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: signWebhook(app.appKey, app.appSecret, raw),
        },
        body: raw,
      });
      await response.arrayBuffer();
      return response.status;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
