import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { autoRetry } from "@grammyjs/auto-retry";
import { apiThrottler } from "@grammyjs/transformer-throttler";
import { Api, Bot, type Context, GrammyError, HttpError } from "grammy";
import type { Update } from "grammy/types";
import type { ChannelAccess } from "../../core/channel-access.ts";
import type { Core } from "../../core/dispatcher.ts";
import { errorReply } from "../../core/error-replies.ts";
import { UserError } from "../../core/errors.ts";
import type { Attachments } from "../../core/importer.ts";
import type { Invocation } from "../../core/invocation.ts";
import type { DeliveryPort } from "../../delivery/port.ts";
import { BodyTooLarge, readBody, sendEmpty } from "../../http/io.ts";
import type { AdapterRoute } from "../../http/router.ts";
import type { Logger } from "../../log.ts";
import { createTelegramDelivery, sendReply } from "./deliver.ts";

export interface TelegramConfig {
  token: string;
  /**
   * Webhook mode: Telegram POSTs updates to `${publicUrl}/telegram/webhook` (on PORT), each
   * carrying the secret token set with setWebhook. Unset: long polling.
   */
  publicUrl?: string | undefined;
  /** Bot API root, e.g. https://api.telegram.org (methods are /bot<token>/<method> under it). */
  apiUrl: string;
  /** Telegram user ids allowed to change settings in any group besides the group's admins. */
  admins: string[];
}

export interface TelegramAdapter {
  bot: Bot;
  /** Webhook mode: the route Telegram POSTs updates to, served on the bot's HTTP server. */
  routes: AdapterRoute[];
  /** Resolves when the updates received by webhook so far are answered. */
  idle(): Promise<void>;
  /** The bot's @username, which group commands carry: /balance@username. */
  username: string;
  delivery: DeliveryPort;
  stop(): Promise<void>;
}

/** Long enough to spare getChatMember on every command, short enough that a demoted admin loses rights soon. */
const ADMIN_CACHE_TTL_MS = 5 * 60_000;
/** Chat member statuses that may change a group's settings (bots/api#chatmember). */
const ADMIN_STATUSES = new Set(["creator", "administrator"]);

/** Telegram commands are text; a file sent with one is not read (yet). */
const NO_FILES: Attachments = {
  async open() {
    throw new UserError(
      "Telegram commands can't carry a file here: import it on the server with `balance-bot import <file>`, or from Discord's /balance import",
    );
  },
};

/**
 * Starts the Telegram side of balance-bot with grammY: checks the token (getMe), answers
 * `/balance …` in private chats and groups (`/balance@username` in groups; grammY ignores a
 * command addressed to another bot), and long-polls for updates. Every chat is its own
 * workspace and channel. Returns the outbox's delivery port.
 */
export async function startTelegram(options: {
  core: Core;
  config: TelegramConfig;
  log: Logger;
  /** Long polling when there is no publicUrl (default); `false` leaves updates to a caller. */
  poll?: boolean;
  /** Webhook mode: where update ids are remembered so a retried or replayed update is answered once. */
  replayStore?: { firstSighting(key: string, expiresAt: Date): Promise<boolean> };
}): Promise<TelegramAdapter> {
  const { core, config } = options;
  const log = options.log.child({ component: "telegram" });
  const client = { apiRoot: config.apiUrl.replace(/\/+$/, "") };
  const bot = new Bot(config.token, { client });
  // One throttler for replies and for the outbox, so both count against the same chat limits.
  const throttle = apiThrottler();
  bot.api.config.use(throttle);
  // A person is waiting for a reply: wait out a short flood limit, but not forever.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: 10 }));
  const outboxApi = new Api(config.token, client);
  outboxApi.config.use(throttle);

  await bot.init().catch((error: unknown) => {
    if (error instanceof GrammyError && error.error_code === 401)
      throw new Error(
        "Telegram refused TELEGRAM_BOT_TOKEN (401): copy the token @BotFather gave you (/token)",
      );
    throw new Error(
      `cannot reach the Telegram Bot API at ${client.apiRoot}: ${error instanceof HttpError ? "network error" : error instanceof Error ? error.message : String(error)}`,
    );
  });
  const username = bot.botInfo.username;
  const admins = new AdminCache(config.admins);

  // "Start" in a new private chat sends /start: answer with help, as /balance help would.
  bot.command(["balance", "start"], async (ctx) => {
    const chat = ctx.chat;
    const from = ctx.from;
    // Channel posts have no sender; commands come from people in private chats and groups.
    if (!from || chat.type === "channel") return;
    const correlationId = randomUUID();
    const isAdmin = chat.type === "private" ? true : await admins.isAdmin(ctx, log);
    const invocation: Invocation = {
      platform: "telegram",
      workspaceId: String(chat.id),
      workspaceName: chat.type === "private" ? (from.username ?? from.first_name) : chat.title,
      channelId: String(chat.id),
      userId: String(from.id),
      isAdmin,
      text: ctx.message?.text?.startsWith("/start") ? "help" : typeof ctx.match === "string" ? ctx.match : "",
      attachments: NO_FILES,
      correlationId,
      channel: telegramChannelAccess(ctx, bot.botInfo.id),
      // The sender's app language (IETF tag, optional in the Bot API's User).
      ...(from.language_code ? { locale: from.language_code } : {}),
    };
    const answer = await core.dispatch(invocation).catch((error: unknown) => {
      log.error({ err: error, correlationId }, "command failed");
      return errorReply("internal", { correlationId });
    });
    // Telegram has no ephemeral messages: a private answer (errors, refusals) is a reply to the
    // command in the same chat, which only threads it under the asker's message.
    await sendReply(ctx.api, String(chat.id), answer, { replyTo: ctx.msg.message_id });
  });

  bot.catch((error) => {
    log.error(
      { err: error.error, update: error.ctx.update.update_id },
      "unhandled error in a Telegram handler",
    );
  });

  const pending = new Set<Promise<void>>();
  const routes: AdapterRoute[] = [];
  if (config.publicUrl) {
    const secret = webhookSecret(config.token);
    const url = `${config.publicUrl.replace(/\/+$/, "")}${TELEGRAM_WEBHOOK_PATH}`;
    // setWebhook is idempotent and tells Telegram where to POST; getUpdates is refused while it is set.
    await bot.api.setWebhook(url, { secret_token: secret, allowed_updates: ["message"] });
    routes.push(webhookRoute(bot, secret, options.replayStore, pending, log));
    log.info({ username, url }, "Telegram webhook set");
  } else if (options.poll !== false) {
    // Long polling: no public URL needed. drop_pending_updates is off: commands sent while the
    // bot was down are answered when it comes back.
    void bot.start({
      allowed_updates: ["message"],
      onStart: () => log.info({ username }, "Telegram polling"),
    });
  }
  return {
    bot,
    username,
    routes,
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    delivery: createTelegramDelivery(outboxApi),
    async stop() {
      if (bot.isRunning()) await bot.stop();
      while (pending.size > 0) await Promise.all([...pending]);
      log.info("Telegram stopped");
    },
  };
}

/** Group admins from getChatMember (creator or administrator), cached per chat and user. */
class AdminCache {
  private readonly cache = new Map<string, { isAdmin: boolean; expiresAt: number }>();
  constructor(private readonly allowList: readonly string[]) {}

  async isAdmin(ctx: Context, log: Logger): Promise<boolean> {
    const userId = ctx.from!.id;
    if (this.allowList.includes(String(userId))) return true;
    const key = `${ctx.chat!.id}:${userId}`;
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt > Date.now()) return cached.isAdmin;
    try {
      const member = await ctx.getChatMember(userId);
      const isAdmin = ADMIN_STATUSES.has(member.status);
      if (this.cache.size > 5_000) this.cache.clear();
      this.cache.set(key, { isAdmin, expiresAt: Date.now() + ADMIN_CACHE_TTL_MS });
      return isAdmin;
    } catch (error) {
      // A refusal can be retried; a wrong grant cannot.
      log.warn({ err: error, chat: ctx.chat!.id }, "getChatMember failed; treating the user as a non-admin");
      return false;
    }
  }
}

/** Can the bot post digests and alerts (text and photos) in this chat? Asked of getChatMember. */
function telegramChannelAccess(ctx: Context, botId: number): ChannelAccess {
  return {
    async checkCanPost() {
      if (ctx.chat!.type === "private") return { ok: true };
      const me = await ctx.getChatMember(botId).catch(() => undefined);
      if (!me)
        return {
          ok: false,
          reason: { key: "channelAccess.telegramUnknown" },
          fix: { key: "channelAccess.telegramUnknownFix" },
        };
      if (me.status === "left" || me.status === "kicked")
        return {
          ok: false,
          reason: { key: "channelAccess.telegramNotMember" },
          fix: { key: "channelAccess.telegramNotMemberFix" },
        };
      if (me.status === "restricted" && (!me.can_send_messages || !me.can_send_photos))
        return {
          ok: false,
          reason: { key: "channelAccess.telegramRestricted" },
          fix: { key: "channelAccess.telegramRestrictedFix" },
        };
      return { ok: true };
    },
  };
}

export const TELEGRAM_WEBHOOK_PATH = "/telegram/webhook";
/** Updates are small JSON; Telegram's own limit on a message is far under this. */
const UPDATE_BODY_LIMIT = 1024 * 1024;
/** How long an update id is remembered: Telegram retries a failed delivery for a while, not days. */
const UPDATE_MEMORY_MS = 24 * 60 * 60_000;

/**
 * The webhook's secret token (setwebhook: "1-256 characters. Only characters A-Z, a-z, 0-9, _
 * and - are allowed"), derived from the bot token so every replica sets and checks the same one.
 */
export function webhookSecret(token: string): string {
  return createHmac("sha256", token).update("balance-bot telegram webhook").digest("base64url");
}

type ReplayStore = { firstSighting(key: string, expiresAt: Date): Promise<boolean> };

/**
 * POST /telegram/webhook: refuses a request without the right X-Telegram-Bot-Api-Secret-Token
 * (401), answers 200 at once and handles the update after, once per update_id across replicas
 * (Telegram retries an update it got no 2xx for; a replay of a captured request is the same).
 */
function webhookRoute(
  bot: Bot,
  secret: string,
  replayStore: ReplayStore | undefined,
  pending: Set<Promise<void>>,
  log: Logger,
): AdapterRoute {
  const expected = Buffer.from(secret);
  return {
    method: "POST",
    path: TELEGRAM_WEBHOOK_PATH,
    async handle(req, res) {
      const given = Buffer.from(String(req.headers["x-telegram-bot-api-secret-token"] ?? ""));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        log.warn("refused a Telegram webhook without the secret token");
        return sendEmpty(res, 401);
      }
      let update: Update;
      try {
        update = JSON.parse((await readBody(req, UPDATE_BODY_LIMIT)).toString("utf8")) as Update;
      } catch (error) {
        return sendEmpty(res, error instanceof BodyTooLarge ? 413 : 400);
      }
      if (typeof update.update_id !== "number") return sendEmpty(res, 400);
      const key = `telegram:${bot.botInfo.id}:${update.update_id}`;
      const first = replayStore
        ? await replayStore.firstSighting(key, new Date(Date.now() + UPDATE_MEMORY_MS))
        : true;
      sendEmpty(res, 200);
      if (!first) return;
      const work = bot
        .handleUpdate(update)
        .catch((error: unknown) => log.error({ err: error }, "could not handle a Telegram update"))
        .finally(() => pending.delete(work));
      pending.add(work);
    },
  };
}
