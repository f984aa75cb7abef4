/**
 * The sandbox shop: a local fake of the TikTok Shop Open API and token endpoints on 127.0.0.1,
 * with a seeded, lazily generated history, a clock that runs `speed` times faster than real
 * time, and fault switches. The real client talks to it exactly as to TikTok.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { TokenSet } from "../port.ts";
import { endpointOf } from "../tiktok/rate-limit.ts";
import { signWebhook } from "../tiktok/sign.ts";
import { authenticate, type Credentials, tokenEndpoint } from "./auth.ts";
import { sendAuthorizePage } from "./authorize.ts";
import { SANDBOX_APP_KEY, SANDBOX_APP_SECRET, type SandboxShopDef, sandboxShops } from "./catalog.ts";
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
  /** How many shops the seller has; default 3 (US, VN, UK). More are copies of those, numbered. */
  shops?: number;
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

/** A request over the `qps` limit of its (shop, API). */
export interface QpsViolation {
  shop: string;
  api: string;
  at: Date;
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
  /** A valid token pair for the default seller (or, with 1, the sandbox creator), as a TokenStore would hold it. */
  bootstrapTokens(userType?: 0 | 1): TokenSet;
  /** A fresh single-use auth code (besides the built-in "sandbox-auth-code"); 1 for the creator. */
  newAuthCode(userType?: 0 | 1): string;
  /** Requests received so far (all paths). */
  received(): number;
  /** Requests refused by the `qps` limit so far. */
  throttled(): number;
  /** Requests received per API (ids folded, as the limit counts them), across shops. */
  requestsByApi(): Record<string, number>;
  /** Each request refused by the `qps` limit: the shop's cipher, the API, when (real time). */
  violations(): readonly QpsViolation[];
  /** POSTs a signed webhook (reference §5.2) to `url`; resolves to the HTTP status. */
  sendWebhook(
    url: string,
    event: { type: number; shopId?: string; data: Record<string, unknown> },
  ): Promise<number>;
  close(): Promise<void>;
}

/**
 * A POST's body as the endpoint reads it: JSON, an object (reference §4.2 36009022). The
 * signature was already checked over the raw bytes, so a tampered body never gets this far.
 */
function jsonBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!(contentType ?? "").toLowerCase().startsWith("application/json"))
    throw new ApiError(36009022, "The request body must be JSON (content-type application/json)");
  if (raw.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ApiError(36009022, "The request body is not valid JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw new ApiError(36009022, "The request body must be a JSON object");
  return parsed as Record<string, unknown>;
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
  const violations: QpsViolation[] = [];
  const byApi = new Map<string, number>();
  let sequence = 0;
  const shops = sandboxShops(options.shops ?? 3);
  const byCipher = new Map(shops.map((s) => [s.cipher, s]));
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
    const api = endpointOf(new URL(req.url ?? "/", "http://sandbox.local").pathname);
    byApi.set(api, (byApi.get(api) ?? 0) + 1);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString("utf8");
    if (state.latencyMs > 0) await new Promise((r) => setTimeout(r, state.latencyMs));
    if (take("rateLimit")) return send(res, 429, 36009002, "Too many requests", null);
    const admitted = limiter?.admit(req.url ?? "/");
    if (admitted && !admitted.ok) {
      throttled++;
      violations.push({ shop: admitted.shop, api: admitted.api, at: new Date() });
      return send(res, 429, 36009002, "Too many requests", null);
    }
    if (take("serverErrors")) return send(res, 503, 36009003, "Internal error. Please try again later", null);

    const url = new URL(req.url ?? "/", "http://sandbox.local");
    try {
      if (url.pathname === "/open/authorize")
        return sendAuthorizePage(res, url.searchParams, (userType) => tokens.newAuthCode(userType));
      if (url.pathname.startsWith("/api/v2/token/")) {
        return send(res, 200, 0, "success", tokenEndpoint(url.pathname, url.searchParams, app, tokens));
      }
      const route = ROUTES.find((r) => r.pattern.test(url.pathname));
      if (!route) throw new ApiError(36009009, "Invalid path", 404);
      if (req.method !== (route.method ?? "GET")) throw new ApiError(36009010, "Invalid method", 405);
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
        (cipher) => byCipher.get(cipher),
      );
      const body = route.method === "POST" ? jsonBody(rawBody, req.headers["content-type"]) : {};
      const match = route.pattern.exec(url.pathname);
      const data = route.handle({
        path: url.pathname,
        query: url.searchParams,
        params: (match?.slice(1) ?? []).map((p) => decodeURIComponent(p)),
        shop: shop ?? (shops[0] as SandboxShopDef),
        shops,
        now: Math.floor(clock().getTime() / 1000),
        world,
        book,
        ledger,
        malformAmount: () => take("malformedAmount"),
        body,
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
    shops: shops.map((s) => ({
      id: s.id,
      name: s.name,
      region: s.region,
      currency: s.currency,
      cipher: s.cipher,
    })),
    clock,
    faults,
    bootstrapTokens(userType = 0) {
      const t = tokens.issue(userType);
      return {
        accessToken: t.access_token,
        refreshToken: t.refresh_token,
        accessExpiresAt: new Date(t.access_token_expire_in * 1000),
        refreshExpiresAt: new Date(t.refresh_token_expire_in * 1000),
      };
    },
    newAuthCode: (userType = 0) => tokens.newAuthCode(userType),
    received: () => received,
    throttled: () => throttled,
    violations: () => violations,
    requestsByApi: () => Object.fromEntries(byApi),
    async sendWebhook(target, event) {
      const raw = JSON.stringify({
        type: event.type,
        tts_notification_id: String(BigInt(`0x${randomBytes(7).toString("hex")}`)),
        shop_id: event.shopId ?? shops[0]?.id ?? "",
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
