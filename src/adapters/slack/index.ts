import type { IncomingMessage, ServerResponse } from "node:http";
import { Server as NetServer } from "node:net";
import { App, HTTPModuleFunctions, HTTPReceiver, SocketModeReceiver, webApi } from "@slack/bolt";
import type { Core } from "../../core/dispatcher.ts";
import type { DeliveryPort } from "../../delivery/port.ts";
import { type HttpLimits, SIGNED_BODY_LIMIT, serverOptions } from "../../http/limits.ts";
import type { Logger } from "../../log.ts";
import { registerSlackActions } from "./actions.ts";
import { toSlackLogger } from "./bolt-logger.ts";
import { createSlackDelivery } from "./deliver.ts";
import { guardEventsEndpoint } from "./events-endpoint.ts";
import { registerSlackHome, type SlackHome, type SlackHomePorts } from "./home.ts";
import { SlackAdminCheck } from "./invocation.ts";
import {
  isReplayedRequestError,
  MemoryReplayStore,
  ReplayedRequestError,
  type ReplayStore,
  readSlackStamp,
  type SlackStamp,
  stampExpiry,
} from "./replay-guard.ts";
import { slackErrorCode } from "./slack-errors.ts";
import { type PrivateChartLinks, registerBalanceCommand } from "./slash-command.ts";

export { buildSlackManifest } from "./manifest.ts";
export { renderSlack } from "./render.ts";

interface SlackCommon {
  botToken: string;
  /** Web API base, e.g. https://slack.com/api/ (every call goes there, apps.connections.open included). */
  apiUrl: string;
  /** User ids allowed to change settings besides workspace admins and owners (SLACK_ADMIN_USERS). */
  admins: string[];
}

/** Socket Mode: an outbound WebSocket, no public URL needed. */
export interface SlackSocketConfig extends SlackCommon {
  mode: "socket";
  appToken: string;
}

/** HTTP mode: Slack POSTs signed requests to `/slack/events` on `port` (0 picks a free one). */
export interface SlackHttpConfig extends SlackCommon {
  mode: "http";
  signingSecret: string;
  port: number;
}

export type SlackConfig = SlackSocketConfig | SlackHttpConfig;

export interface SlackAdapter {
  app: App;
  /** The outbox's port into Slack (one chat.postMessage per call, no SDK retries). */
  delivery: DeliveryPort;
  /** HTTP mode: the port the events endpoint listens on. */
  httpPort?: number;
  /** The App Home: refresh it after a sync for those who opened it recently. */
  home: SlackHome;
  stop(): Promise<void>;
}

/** Where Slack POSTs slash commands in HTTP mode (the manifest's request URL). */
const EVENTS_PATH = "/slack/events";

/** Interactive Web API calls (users.info, chart uploads) retry briefly; a user is waiting. */
const INTERACTIVE_RETRY = { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 1000 };

/**
 * Starts the Slack side of balance-bot: checks the bot token, connects (Socket Mode or HTTP),
 * answers `/balance …` through the core, and returns the delivery port for the outbox.
 */
export async function startSlack(options: {
  core: Core;
  config: SlackConfig;
  log: Logger;
  isSandbox?: boolean;
  /** How long a command may run before the answer moves to response_url (default 2000 ms). */
  ackBudgetMs?: number;
  /** With PUBLIC_URL: private answers link their charts (Slack has no ephemeral files). */
  privateChartLinks?: PrivateChartLinks;
  /**
   * HTTP mode: where verified requests are remembered to refuse replays. Pass the database's
   * store so replicas share it; the default only covers this process.
   */
  replayStore?: ReplayStore;
  /** HTTP mode: header and body timeouts (default HTTP_LIMITS, the bot's own server's). */
  httpLimits?: HttpLimits;
  /** What the Home tab reads from storage (digest settings) and the per-minute claim replicas share. */
  home?: SlackHomePorts;
  /** Real time for the Home tab's once-a-minute limit and its 24 h memory (tests move it). */
  homeNow?: () => number;
  /** HTTP mode: extra routes served on the same port (health, metrics, OAuth callback, webhooks). */
  customRoutes?: {
    path: string;
    method: string;
    handler: (req: IncomingMessage, res: ServerResponse) => void;
  }[];
}): Promise<SlackAdapter> {
  const { core, config } = options;
  const log = options.log.child({ component: "slack", mode: config.mode });
  const slackLogger = toSlackLogger(options.log);
  const clientOptions = { slackApiUrl: config.apiUrl, retryConfig: INTERACTIVE_RETRY, logger: slackLogger };

  // Fail at start with a clear reason rather than on the first command; also spares Bolt's own auth.test.
  const identity = await new webApi.WebClient(config.botToken, {
    ...clientOptions,
    retryConfig: { retries: 0 },
  }).auth
    .test()
    .catch((error: unknown) => {
      const code = slackErrorCode(error);
      throw new Error(
        code
          ? `Slack refused SLACK_BOT_TOKEN (${code}): copy the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions page`
          : `cannot reach the Slack Web API at ${config.apiUrl}: ${error instanceof Error ? error.message : String(error)}`,
      );
    });

  const common = {
    token: config.botToken,
    botId: identity.bot_id ?? "",
    botUserId: identity.user_id ?? "",
    clientOptions,
    logger: slackLogger,
  };
  let app: App;
  if (config.mode === "socket") {
    // The receiver gets its own client options without retryConfig, so the SocketModeClient keeps its
    // patient default (100 retries) for apps.connections.open: a reconnect during a Slack blip must
    // not give up for good. It would also write that default into App's shared options otherwise.
    const receiver = new SocketModeReceiver({
      appToken: config.appToken,
      logger: slackLogger,
      installerOptions: { clientOptions: { slackApiUrl: config.apiUrl } },
    });
    app = new App({ ...common, receiver });
  } else {
    const store = options.replayStore ?? new MemoryReplayStore();
    const receiver = new HTTPReceiver({
      signingSecret: config.signingSecret,
      endpoints: EVENTS_PATH,
      // Bolt owns PORT in HTTP mode: the bot's other routes (health, OAuth, webhooks) ride along.
      ...(options.customRoutes ? { customRoutes: options.customRoutes } : {}),
      logger: slackLogger,
      bodyLimit: SIGNED_BODY_LIMIT,
      // Runs only after Bolt has verified the signature and the 5-minute window.
      customPropertiesExtractor: (req) => ({ balanceBotStamp: readSlackStamp(req.headers) }),
      processEventErrorHandler: async (args) => {
        if (!isReplayedRequestError(args.error))
          return HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
        if (!args.response.headersSent) args.response.writeHead(401).end();
        return true;
      },
    });
    guardEventsEndpoint(receiver, { path: EVENTS_PATH, log });
    app = new App({ ...common, receiver });
    app.use(async ({ context, next }) => {
      const stamp = context.balanceBotStamp as SlackStamp | undefined;
      // A verified request always has a stamp; without one, refuse rather than let it pass unrecorded.
      if (!stamp || !(await store.firstSighting(stamp.key, stampExpiry(stamp))))
        throw new ReplayedRequestError("replayed Slack request");
      await next();
    });
  }
  app.error(async (error) => {
    if (isReplayedRequestError(error))
      log.warn("rejected a replayed Slack request (a signature already served)");
    else log.error({ err: error }, "unhandled error in a Slack listener");
    throw error;
  });

  const admins = new SlackAdminCheck(config.admins, log);
  registerSlackActions(app, { core, admins, log, botName: identity.user ?? "balance-bot" });
  const home = registerSlackHome(app, {
    core,
    admins,
    log,
    ...(options.home ? { ports: options.home } : {}),
    ...(options.homeNow ? { now: options.homeNow } : {}),
  });
  registerBalanceCommand(app, {
    core,
    admins,
    log,
    botName: identity.user ?? "balance-bot",
    ...(options.ackBudgetMs !== undefined ? { ackBudgetMs: options.ackBudgetMs } : {}),
    ...(options.privateChartLinks ? { privateChartLinks: options.privateChartLinks } : {}),
  });

  let httpPort: number | undefined;
  if (config.mode === "socket") {
    await app.start();
  } else {
    // Bolt's HTTP receiver resolves with its node server; the typings say unknown.
    const server = await app.start(config.port, serverOptions(options.httpLimits));
    const address = server instanceof NetServer ? server.address() : null;
    httpPort = typeof address === "object" && address ? address.port : config.port;
  }
  log.info(
    { team: identity.team_id, botUserId: identity.user_id, httpPort, sandbox: options.isSandbox ?? false },
    "Slack connected",
  );

  const delivery = createSlackDelivery({
    botToken: config.botToken,
    apiUrl: config.apiUrl,
    log: options.log,
  });
  return {
    app,
    delivery,
    home,
    ...(httpPort !== undefined ? { httpPort } : {}),
    async stop() {
      await app.stop();
      log.info("Slack stopped");
    },
  };
}
