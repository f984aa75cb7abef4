import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { sendEmpty } from "./io.ts";
import { type HttpLimits, serverOptions } from "./limits.ts";
import { createHttpRouter, type HttpRouter, type HttpRouterOptions } from "./router.ts";

export interface HttpServerOptions extends Omit<HttpRouterOptions, "baseUrl"> {
  /** 0 picks a free port. */
  port: number;
  /** Default: every interface. Tests pass 127.0.0.1. */
  host?: string;
  /** Header and body timeouts; default HTTP_LIMITS (the same as Bolt's server in Slack HTTP mode). */
  limits?: HttpLimits;
}

export interface HttpServer {
  port: number;
  /** http://<host>:<port>, as reached from this machine. */
  url: string;
  /** Resolves when background work started by requests (webhook handling) is done. */
  idle(): Promise<void>;
  /** Stops accepting, finishes what runs, then closes. */
  close(): Promise<void>;
}

/**
 * The bot's own HTTP server: OAuth callback, TikTok webhooks, /healthz, /readyz and /metrics.
 * On the sandbox without PUBLIC_URL, the sandbox's authorize page sends sellers back here.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  let router: HttpRouter | undefined;
  // Slowloris guard; TikTok and probes send small requests quickly.
  const server = createServer(serverOptions(options.limits), (req, res) => {
    if (!router?.(req, res)) sendEmpty(res, 404);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const local = `http://${options.host && options.host !== "0.0.0.0" ? options.host : "127.0.0.1"}:${port}`;
  const { port: _port, host: _host, limits: _limits, ...routerOptions } = options;
  const active = createHttpRouter({ ...routerOptions, baseUrl: options.app.config.publicUrl ?? local });
  router = active;
  return {
    port,
    url: local,
    idle: () => active.idle(),
    async close() {
      active.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await active.idle();
    },
  };
}
