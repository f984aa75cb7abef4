import type { Platform } from "../core/invocation.ts";
import type { DeliveryPort } from "../delivery/port.ts";
import type { AdapterRoute } from "../http/router.ts";
import type { App } from "./app.ts";

/** A started adapter: the port the outbox posts through, and how to stop it. */
export interface StartedAdapter {
  delivery: DeliveryPort;
  stop(): Promise<void>;
}

export interface AdapterContext {
  app: App;
  /** `start` (chat adapters whose credentials are set) or `demo` (the console only). */
  chat: boolean;
  /** Whether each configured chat adapter is connected, for /readyz. */
  readiness: () => Record<string, boolean>;
  /** Work to undo at shutdown besides the adapter itself (e.g. the router Slack serves). */
  onStop(stop: () => Promise<void>): void;
  /** The console writes digests and alerts here. */
  write(text: string): void;
  /** Routes an adapter serves on the bot's HTTP server (PORT): LINE's webhook and chart links. */
  addRoutes(routes: readonly AdapterRoute[]): void;
  /** Real time in ms for chat-side rate limits (the Slack Home tab's); tests move it. Date.now by default. */
  now?: () => number;
}

export interface AdapterEntry {
  /**
   * "chat" adapters run when their credentials are set; the "fallback" runs only when no chat
   * adapter does (the console on stdin/stdout).
   */
  role: "chat" | "fallback";
  configured(ctx: AdapterContext): boolean;
  /** Whether the adapter's own server serves the bot's HTTP routes (then no server of ours starts). */
  servesHttp?(ctx: AdapterContext): boolean;
  start(ctx: AdapterContext): Promise<StartedAdapter>;
}

/**
 * Every platform's adapter as `start` wires it. Exhaustive: a new Platform does not compile until
 * it is here (and in the other Record<Platform, …> tables: renderers, the outbox platform enum).
 * Chat adapters are imported when started, so the console never loads Bolt or discord.js.
 */
export const ADAPTERS: Record<Platform, AdapterEntry> = {
  slack: {
    role: "chat",
    configured: ({ app, chat }) => chat && !!app.config.slack,
    servesHttp: ({ app, chat }) => chat && app.config.slack?.mode === "http",
    async start({ app, readiness, onStop, addRoutes, now }) {
      const { config, core, deps } = app;
      const slack = config.slack!;
      const { startSlack } = await import("../adapters/slack/index.ts");
      const { recordFirstSighting } = await import("../storage/repos/seen-requests.ts");
      const { listDigestSettings, listHomeVisits, recordHomeVisit, workspacesOfShops } = await import(
        "../storage/repos/home.ts"
      );
      const { onAfterSync } = await import("./job-deps.ts");
      const db = app.database.db;
      // With a public URL, a private answer's charts are links the bot serves (Slack has no ephemeral files).
      let privateCharts: import("../http/image-links.ts").SignedImageLinks | undefined;
      if (config.publicUrl) {
        const { SignedImageLinks } = await import("../http/image-links.ts");
        const { readServedImage, saveServedImage } = await import("../storage/repos/served-images.ts");
        privateCharts = new SignedImageLinks(
          slack.botToken,
          "slack private charts",
          config.publicUrl,
          "/slack/charts/",
          {
            save: (id, png, expiresAt) => saveServedImage(db, id, png, expiresAt, new Date()),
            read: (id) => readServedImage(db, id, new Date()),
          },
        );
      }
      const chartRoute = privateCharts?.route(3600);
      let customRoutes: Parameters<typeof startSlack>[0]["customRoutes"];
      if (slack.mode === "http") {
        // Bolt's server is the bot's HTTP server in this mode: it serves our routes too.
        const { createHttpRouter, HTTP_ROUTES } = await import("../http/router.ts");
        const router = createHttpRouter({ app, adapters: readiness });
        onStop(async () => router.close());
        customRoutes = HTTP_ROUTES.map((r) => ({
          path: r.path,
          method: r.method,
          handler: (req, res) => void router(req, res),
        }));
        if (chartRoute)
          customRoutes.push({
            path: "/slack/charts/:file",
            method: "GET",
            handler: (req, res) => void chartRoute.handle(req, res),
          });
      } else if (chartRoute) addRoutes([chartRoute]);
      const started = await startSlack({
        core,
        config: slack.mode === "socket" ? slack : { ...slack, port: config.port ?? 3000 },
        log: deps.log,
        isSandbox: deps.sandbox,
        // Slack's timestamps are real time, whatever clock the sandbox runs on.
        replayStore: {
          firstSighting: (key, expiresAt) => recordFirstSighting(app.database.db, key, expiresAt, new Date()),
        },
        home: {
          digestSettings: (teamId) => listDigestSettings(db, "slack", teamId),
          visits: {
            record: (visit) => recordHomeVisit(db, visit),
            since: async (teamIds, since) =>
              (await listHomeVisits(db, teamIds, since)).map((v) => ({ ...v, at: v.openedAt })),
          },
          // One Home publish per user per minute across replicas: a claim in seen_requests.
          firstSighting: (key, expiresAt, at) => recordFirstSighting(db, key, expiresAt, at),
        },
        ...(now ? { homeNow: now } : {}),
        ...(customRoutes ? { customRoutes } : {}),
        ...(privateCharts ? { privateChartLinks: privateCharts } : {}),
      });
      // After each sync, the Home tabs of the workspaces that see a synced shop are republished
      // (in the background: a slow Slack must not hold the sync job).
      const unsubscribe = onAfterSync(app, async (shopIds) => {
        const teams = await workspacesOfShops(db, "slack", shopIds);
        if (teams.length === 0) return;
        void started.home
          .refresh(teams)
          .catch((error: unknown) => deps.log.warn({ err: error }, "Home tab refresh failed"));
      });
      onStop(async () => unsubscribe());
      deps.log.info({ mode: slack.mode }, "slack connected");
      return started;
    },
  },
  discord: {
    role: "chat",
    configured: ({ app, chat }) => chat && !!app.config.discord,
    async start({ app }) {
      const { startDiscord } = await import("../adapters/discord/index.ts");
      const started = await startDiscord({ core: app.core, config: app.config.discord!, log: app.deps.log });
      app.deps.log.info("discord connected");
      return started;
    },
  },
  telegram: {
    role: "chat",
    configured: ({ app, chat }) => chat && !!app.config.telegram,
    async start({ app, addRoutes }) {
      const { startTelegram } = await import("../adapters/telegram/index.ts");
      const { recordFirstSighting } = await import("../storage/repos/seen-requests.ts");
      const started = await startTelegram({
        core: app.core,
        // With PUBLIC_URL, Telegram POSTs updates to PUBLIC_URL/telegram/webhook; without, long polling.
        config: { ...app.config.telegram!, publicUrl: app.config.publicUrl },
        log: app.deps.log,
        replayStore: {
          firstSighting: (key, expiresAt) => recordFirstSighting(app.database.db, key, expiresAt, new Date()),
        },
      });
      addRoutes(started.routes);
      app.deps.log.info({ username: started.username }, "telegram connected");
      return started;
    },
  },
  line: {
    role: "chat",
    configured: ({ app, chat }) => chat && !!app.config.line,
    async start({ app, addRoutes }) {
      const { startLine } = await import("../adapters/line/index.ts");
      const { recordFirstSighting } = await import("../storage/repos/seen-requests.ts");
      const { readServedImage, saveServedImage } = await import("../storage/repos/served-images.ts");
      const db = app.database.db;
      const clock = () => new Date();
      const started = await startLine({
        core: app.core,
        config: app.config.line!,
        log: app.deps.log,
        // LINE's webhook timestamps and image links are real time, whatever clock the sandbox runs on.
        replayStore: { firstSighting: (key, expiresAt) => recordFirstSighting(db, key, expiresAt, clock()) },
        images: {
          save: (id, png, expiresAt) => saveServedImage(db, id, png, expiresAt, clock()),
          read: (id) => readServedImage(db, id, clock()),
        },
      });
      addRoutes(started.routes);
      app.deps.log.info("line connected");
      return started;
    },
  },
  console: {
    role: "fallback",
    configured: () => true,
    async start({ app, write }) {
      const { ensureDemoAlerts } = await import("./demo-rules.ts");
      const { createConsoleDelivery } = await import("../adapters/console/deliver.ts");
      await ensureDemoAlerts(app);
      return { delivery: createConsoleDelivery(write), stop: async () => {} };
    },
  },
};

export const PLATFORMS = Object.keys(ADAPTERS) as Platform[];
