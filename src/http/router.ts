import type { IncomingMessage, ServerResponse } from "node:http";
import type { Config } from "../config.ts";
import { type AppCredentials, appClient } from "../connect/client.ts";
import type { CompleteDeps } from "../connect/complete.ts";
import { CALLBACK_PATH, WEBHOOK_PATH } from "../connect/links.ts";
import type { WebhookDeps } from "../connect/webhook.ts";
import type { CallbackRegistry, ConnectSettings } from "../core/callbacks.ts";
import type { Logger } from "../log.ts";
import type { TikTokClientOptions } from "../providers/tiktok/client.ts";
import type { Db } from "../storage/database.ts";
import { handleCallback } from "./callback.ts";
import { healthz, readyz } from "./health.ts";
import { sendEmpty } from "./io.ts";
import { metrics } from "./metrics-route.ts";
import { handleWebhook } from "./webhook-route.ts";

/** What the HTTP endpoints need from the running bot (the composition root's App has it all). */
export interface HttpApp {
  deps: { db: Db; log: Logger; clock: () => Date; sandbox: boolean; callbacks: CallbackRegistry };
  config: Pick<Config, "publicUrl" | "tiktokServiceIds" | "encryptionKey" | "metricsToken">;
  /** "tiktok" or "sandbox": the provider of authorizations made through the callback. */
  provider: string;
  /** The app's credentials: they verify webhooks and exchange authorization codes. */
  credentials: AppCredentials | undefined;
  /** The in-process sandbox shop's URL, whose authorize page sends sellers back here. */
  sandboxUrl: string | undefined;
}

export interface HttpRouterOptions {
  app: HttpApp;
  /** Whether each chat adapter is connected, for /readyz. */
  adapters?: () => Record<string, boolean>;
  /** /readyz fails when the newest sync attempt is older; default 1 hour. */
  maxSyncAgeMs?: number;
  /**
   * Where this router is reachable, for the sandbox's redirect back; default PUBLIC_URL. A real
   * shop always comes back to PUBLIC_URL/tiktok/callback (registered in Partner Center).
   */
  baseUrl?: string;
  /** Options for the code-exchange client (tests shorten the retry waits). */
  client?: Partial<TikTokClientOptions>;
  /** Routes chat adapters serve on the bot's server (LINE's webhook and chart links). */
  adapterRoutes?: readonly AdapterRoute[];
}

/** An HTTP route a chat adapter serves on the bot's own server (PORT). */
export interface AdapterRoute {
  method: "GET" | "POST";
  /** Exact path, or a prefix when it ends with "/". */
  path: string;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

/** Handles the request when the path is one of ours (true), else leaves it alone (false). */
export type HttpRouter = ((req: IncomingMessage, res: ServerResponse) => boolean) & {
  /** Resolves when the work started by requests so far (webhook handling) is done. */
  idle(): Promise<void>;
  /** Stops announcing the callback to `/balance connect`. */
  close(): void;
};

/** Method and path of every route, e.g. to declare them as Bolt `customRoutes`. */
export const HTTP_ROUTES = [
  { method: "GET", path: CALLBACK_PATH },
  { method: "POST", path: WEBHOOK_PATH },
  { method: "GET", path: "/healthz" },
  { method: "GET", path: "/readyz" },
  { method: "GET", path: "/metrics" },
] as const;

/**
 * The bot's HTTP endpoints as a plain router, to run on its own server (`startHttpServer`) or
 * inside another one (Slack's HTTP receiver). Creating it announces the OAuth callback, which
 * makes `/balance connect` hand out links.
 */
export function createHttpRouter(options: HttpRouterOptions): HttpRouter {
  const { app } = options;
  const { db, log, clock, sandbox, callbacks } = app.deps;
  const base = (options.baseUrl ?? app.config.publicUrl)?.replace(/\/+$/, "");
  const settings: ConnectSettings = {
    publicUrl: app.config.publicUrl,
    serviceIds: app.config.tiktokServiceIds,
    sandbox:
      app.sandboxUrl && base ? { url: app.sandboxUrl, callbackUrl: `${base}${CALLBACK_PATH}` } : undefined,
  };
  callbacks.announce(settings);
  const completeDeps: CompleteDeps = {
    db,
    log,
    clock,
    sandbox,
    provider: app.provider,
    encryptionKey: app.config.encryptionKey,
    clientFor: (tokens) => appClient(app, tokens, options.client),
  };
  const webhookDeps: WebhookDeps = { db, log, clock, sandbox, provider: app.provider };
  const pending = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown> | undefined) => {
    if (!work) return;
    const settled = work.catch(() => {}).finally(() => pending.delete(settled));
    pending.add(settled);
  };

  const route = (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const method = req.method ?? "GET";
    const adapterRoute = options.adapterRoutes?.find((r) =>
      r.path.endsWith("/") ? url.pathname.startsWith(r.path) : url.pathname === r.path,
    );
    if (adapterRoute) {
      if (method !== adapterRoute.method && !(adapterRoute.method === "GET" && method === "HEAD")) {
        res.setHeader("allow", adapterRoute.method);
        sendEmpty(res, 405);
        return true;
      }
      const done = adapterRoute.handle(req, res).catch((error: unknown) => {
        log.error({ err: error, path: url.pathname }, "http request failed");
        sendEmpty(res, 500);
      });
      track(done);
      return true;
    }
    const known = HTTP_ROUTES.find((r) => r.path === url.pathname);
    if (!known) return false;
    if (method !== known.method && !(known.method === "GET" && method === "HEAD")) {
      res.setHeader("allow", known.method);
      sendEmpty(res, 405);
      return true;
    }
    let work: Promise<unknown>;
    switch (known.path) {
      case CALLBACK_PATH:
        work = handleCallback(completeDeps, url.searchParams, res);
        break;
      case WEBHOOK_PATH:
        work = handleWebhook(webhookDeps, app.credentials, req, res).then(track);
        break;
      case "/healthz":
        healthz(res);
        return true;
      case "/readyz":
        work = readyz(
          { db, clock, adapters: options.adapters, maxSyncAgeMs: options.maxSyncAgeMs ?? 3_600_000 },
          res,
        );
        break;
      case "/metrics":
        work = metrics(db, log, req, res, app.config.metricsToken);
        break;
    }
    const done = work.catch((error) => {
      log.error({ err: error, path: url.pathname }, "http request failed");
      if (!res.headersSent) sendEmpty(res, 500);
      else res.end();
    });
    track(done);
    return true;
  };

  return Object.assign(route, {
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    close() {
      callbacks.withdraw(settings);
    },
  });
}
