import { randomUUID } from "node:crypto";
import { HTTPFetchError, messagingApi, validateSignature, type webhook } from "@line/bot-sdk";
import type { ChannelAccess } from "../../core/channel-access.ts";
import type { Core } from "../../core/dispatcher.ts";
import { errorReply } from "../../core/error-replies.ts";
import { UserError } from "../../core/errors.ts";
import type { Attachments } from "../../core/importer.ts";
import type { Invocation } from "../../core/invocation.ts";
import type { Reply, ReplySection } from "../../core/reply.ts";
import type { DeliveryPort } from "../../delivery/port.ts";
import { type ImageStore, SignedImageLinks } from "../../http/image-links.ts";
import { BodyTooLarge, readBody, sendEmpty } from "../../http/io.ts";
import type { AdapterRoute } from "../../http/router.ts";
import type { Words } from "../../i18n/index.ts";
import type { Logger } from "../../log.ts";
import { createLineDelivery, retryKeyFor } from "./deliver.ts";
import { LineLanguages } from "./languages.ts";
import { type LineMessage, renderLine } from "./render.ts";

export interface LineConfig {
  channelSecret: string;
  channelAccessToken: string;
  /** Messaging API base, default https://api.line.me. */
  apiUrl: string;
  /** The bot's public https base: webhook at /line/webhook, chart images at /line/images/… */
  publicUrl: string;
  /** LINE user ids allowed to change settings in groups (LINE exposes no group admin role). */
  admins: string[];
}

/** Where verified webhook events are remembered to refuse replays (the database's, shared by replicas). */
export interface LineReplayStore {
  firstSighting(key: string, expiresAt: Date): Promise<boolean>;
}

/** Chart PNGs behind links (in the database, so any replica can serve what another wrote). */
export type LineImageStore = ImageStore;

export const LINE_WEBHOOK_PATH = "/line/webhook";
export const LINE_IMAGES_PATH = "/line/images/";
/** Webhook bodies are small JSON; LINE batches events but stays far under this. */
const WEBHOOK_BODY_LIMIT = 1024 * 1024;
/**
 * How long an event id is remembered, and how old an event may be before it is refused as a
 * replay unless LINE marks it a redelivery (receiving-messages: redelivered events carry
 * deliveryContext.isRedelivery = true).
 */
const EVENT_MEMORY_MS = 60 * 60_000;
const EVENT_MAX_AGE_MS = 10 * 60_000;
/** Chart links live this long: LINE fetches them when a member opens the chat, maybe days later. */
export const IMAGE_LINK_TTL_MS = 30 * 24 * 60 * 60_000;

const NO_FILES: Attachments = {
  async open() {
    throw new UserError(
      "LINE messages can't carry a file for import: import it on the server with `balance-bot import <file>`",
    );
  },
};

export interface LineAdapter {
  client: messagingApi.MessagingApiClient;
  delivery: DeliveryPort;
  routes: AdapterRoute[];
  /** Resolves when the events received so far are answered. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the LINE side of balance-bot with @line/bot-sdk: a signed webhook on the bot's HTTP
 * server answers `/balance …` typed in a 1:1 chat or a group (reply token first, push when it
 * has expired); digests and alerts go out as push messages with a retry key; charts are image
 * messages whose https links the bot serves itself, signed and expiring.
 */
export async function startLine(options: {
  core: Core;
  config: LineConfig;
  log: Logger;
  replayStore: LineReplayStore;
  images: LineImageStore;
  clock?: () => Date;
}): Promise<LineAdapter> {
  const { core, config } = options;
  const log = options.log.child({ component: "line" });
  const now = options.clock ?? (() => new Date());
  const client = new messagingApi.MessagingApiClient({
    channelAccessToken: config.channelAccessToken,
    baseURL: config.apiUrl.replace(/\/+$/, ""),
  });
  // Fail at start with a clear reason rather than on the first message.
  const info = await client.getBotInfo().catch((error: unknown) => {
    if (error instanceof HTTPFetchError && error.status === 401)
      throw new Error(
        "LINE refused LINE_CHANNEL_ACCESS_TOKEN (401): issue a long-lived channel access token in the LINE Developers Console (Messaging API tab)",
      );
    throw new Error(
      `cannot reach the LINE Messaging API at ${config.apiUrl}: ${error instanceof Error ? error.name : String(error)}`,
    );
  });
  const links = new SignedImageLinks(
    config.channelSecret,
    "chart links",
    config.publicUrl,
    LINE_IMAGES_PATH,
    options.images,
    now,
  );

  const render = async (reply: Reply): Promise<LineMessage[]> => {
    const ids = (reply.charts ?? []).map(() => SignedImageLinks.newId());
    const expiresAt = new Date(now().getTime() + IMAGE_LINK_TTL_MS);
    const messages = renderLine(reply, (i) => links.url(ids[i]!, expiresAt));
    // Only the charts that made it into the messages are stored.
    for (const [i, message] of messages.filter((m) => m.type === "image").entries())
      if (message.type === "image") await links.save(ids[i]!, reply.charts![i]!.png, expiresAt);
    return messages;
  };

  const languages = new LineLanguages(client, log);
  const pending = new Set<Promise<void>>();
  const answer = async (event: webhook.MessageEvent & { message: webhook.TextMessageContent }) => {
    const source = event.source;
    const chatId =
      source?.type === "group" ? source.groupId : source?.type === "room" ? source.roomId : source?.userId;
    const userId = source?.userId;
    if (!chatId || !userId) return;
    const text = event.message.text.trim();
    const rest = text.replace(/^\/balance\b/i, "").trim();
    const correlationId = randomUUID();
    const locale = await languages.of(userId);
    const invocation: Invocation = {
      platform: "line",
      workspaceId: chatId,
      channelId: chatId,
      userId,
      // A 1:1 chat is its user's own; in groups LINE exposes no admin role, so the allow-list decides.
      isAdmin: source?.type === "user" || config.admins.includes(userId),
      text: rest,
      attachments: NO_FILES,
      correlationId,
      channel: lineChannelAccess(client),
      platformStatus: (words) => quotaSection(client, words),
      // The user's LINE language, until the chat chooses one with /balance language.
      ...(locale ? { locale } : {}),
    };
    const reply = await core.dispatch(invocation).catch((error: unknown) => {
      log.error({ err: error, correlationId }, "command failed");
      return errorReply("internal", { correlationId });
    });
    const messages = await render(reply);
    try {
      await client.replyMessage({
        replyToken: event.replyToken!,
        messages: messages as messagingApi.Message[],
      });
    } catch (error) {
      // A reply token is single-use and short-lived (UNCERTAIN how long: the reference says it
      // "must be used within a certain period"); past it, push the answer (it counts against the quota).
      if (error instanceof HTTPFetchError && error.status === 400 && /reply token/i.test(error.body)) {
        log.warn({ correlationId }, "reply token expired; pushing the answer instead");
        await client.pushMessage(
          { to: chatId, messages: messages as messagingApi.Message[] },
          retryKeyFor(`reply:${event.webhookEventId}`),
        );
      } else throw error;
    }
  };

  const webhookRoute: AdapterRoute = {
    method: "POST",
    path: LINE_WEBHOOK_PATH,
    async handle(req, res) {
      let body: Buffer;
      try {
        body = await readBody(req, WEBHOOK_BODY_LIMIT);
      } catch (error) {
        return sendEmpty(res, error instanceof BodyTooLarge ? 413 : 400);
      }
      const signature = req.headers["x-line-signature"];
      // receiving-messages#verifying-signatures: HMAC-SHA256 of the body with the channel secret, base64.
      if (typeof signature !== "string" || !validateSignature(body, config.channelSecret, signature)) {
        log.warn("refused a LINE webhook with a missing or wrong signature");
        return sendEmpty(res, 401);
      }
      let events: webhook.Event[];
      try {
        events = (JSON.parse(body.toString("utf8")) as webhook.CallbackRequest).events ?? [];
      } catch {
        return sendEmpty(res, 400);
      }
      // A replayed body: every event was already handled (or is stale) and LINE does not call it a redelivery.
      const fresh: webhook.Event[] = [];
      for (const event of events) {
        const redelivery = event.deliveryContext?.isRedelivery === true;
        const stale = now().getTime() - event.timestamp > EVENT_MAX_AGE_MS;
        const first = await options.replayStore.firstSighting(
          `line:${event.webhookEventId}`,
          new Date(now().getTime() + EVENT_MEMORY_MS),
        );
        if (first && (!stale || redelivery)) fresh.push(event);
      }
      if (events.length > 0 && fresh.length === 0) {
        const redelivered = events.every((e) => e.deliveryContext?.isRedelivery === true);
        if (!redelivered) {
          log.warn("refused a replayed LINE webhook (its events were already handled)");
          return sendEmpty(res, 401);
        }
      }
      // Answer at once and work after (receiving-messages: "We recommend processing events asynchronously").
      sendEmpty(res, 200);
      for (const event of fresh) {
        if (event.type !== "message" || event.message.type !== "text") continue;
        if (!/^\/balance\b/i.test(event.message.text.trim())) continue;
        const work = answer(event as webhook.MessageEvent & { message: webhook.TextMessageContent })
          .catch((error: unknown) => log.error({ err: error }, "could not answer a LINE message"))
          .finally(() => pending.delete(work));
        pending.add(work);
      }
    },
  };

  // LINE caches what it fetched; a day of browser cache is plenty.
  const imagesRoute = links.route(86_400);

  log.info({ bot: info.basicId }, "LINE ready");
  return {
    client,
    delivery: createLineDelivery({ client, render }),
    routes: [webhookRoute, imagesRoute],
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    async stop() {
      while (pending.size > 0) await Promise.all([...pending]);
      log.info("LINE stopped");
    },
  };
}

/** The month's push quota (get-quota, get-consumption); `left` undefined when the plan has no limit. */
async function readQuota(
  client: Pick<messagingApi.MessagingApiClient, "getMessageQuota" | "getMessageQuotaConsumption">,
): Promise<{ limit?: number; used: number; left?: number }> {
  const [quota, used] = await Promise.all([client.getMessageQuota(), client.getMessageQuotaConsumption()]);
  if (quota.type !== "limited" || quota.value === undefined) return { used: used.totalUsage };
  return { limit: quota.value, used: used.totalUsage, left: Math.max(0, quota.value - used.totalUsage) };
}

/** LINE counts push messages against a monthly quota: shown in /balance status. */
export async function quotaSection(
  client: Pick<messagingApi.MessagingApiClient, "getMessageQuota" | "getMessageQuotaConsumption">,
  { t }: Words,
): Promise<ReplySection> {
  const { limit, used, left } = await readQuota(client);
  if (limit === undefined || left === undefined)
    return {
      title: t("lineQuota.title"),
      fields: [{ label: t("lineQuota.sentLabel"), value: t("lineQuota.sentValue", { used }) }],
    };
  return {
    title: t("lineQuota.title"),
    fields: [{ label: t("lineQuota.leftLabel"), value: t("lineQuota.leftValue", { left, limit }) }],
    notes: left === 0 ? [t("lineQuota.usedUp")] : left < limit * 0.1 ? [t("lineQuota.nearlyUsed")] : [],
  };
}

/** Can digests and alerts be pushed here? Not when the month's push quota is used up. */
export function lineChannelAccess(
  client: Pick<messagingApi.MessagingApiClient, "getMessageQuota" | "getMessageQuotaConsumption">,
): ChannelAccess {
  return {
    async checkCanPost() {
      const quota = await readQuota(client).catch(() => undefined);
      if (quota?.left === 0)
        return {
          ok: false,
          reason: { key: "channelAccess.lineQuotaUsed" },
          fix: { key: "channelAccess.lineQuotaFix" },
        };
      return { ok: true };
    },
  };
}
