/**
 * A fake Telegram Bot API on 127.0.0.1, strict by default: it rejects what the real Bot API
 * rejects, each rule citing core.telegram.org (bots/api, "Making requests" and the method's
 * section, or the Bots FAQ for flood limits). Tests point grammY's `apiRoot` at it, push user
 * messages as updates, and read what the bot sent.
 */
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export type ChatType = "private" | "group" | "supergroup";
/** bots/api#chatmember: the statuses a member can have. */
export type MemberStatus = "creator" | "administrator" | "member" | "restricted" | "left" | "kicked";

export interface FakeChat {
  id: number;
  type: ChatType;
  title?: string;
  /** Members' statuses by user id (the bot's own is `botStatus`). */
  members: Record<number, MemberStatus>;
  botStatus: MemberStatus;
}

export interface FakeUser {
  id: number;
  first_name: string;
  username?: string;
  language_code?: string;
}

export interface SentMessage {
  chatId: number;
  messageId: number;
  method: "sendMessage" | "sendPhoto";
  text?: string;
  parseMode?: string;
  caption?: string;
  photo?: Uint8Array;
  replyTo?: number;
  at: number;
}

export interface FakeTelegramOptions {
  token?: string;
  botUsername?: string;
  users?: FakeUser[];
  chats?: (Omit<FakeChat, "botStatus"> & { botStatus?: MemberStatus })[];
  /** Flood limits on (default). A test that sends faster than Telegram allows on purpose keeps them. */
  rateLimits?: boolean;
  /** Messages to one private chat allowed inside one second before 429 (the FAQ's "short bursts"). */
  privateBurst?: number;
  /** setWebhook requires https on port 443, 80, 88 or 8443; a test serving on loopback http asks for leniency. */
  allowHttpWebhook?: boolean;
}

interface ApiResult {
  status: number;
  body:
    | { ok: true; result: unknown }
    | { ok: false; error_code: number; description: string; parameters?: unknown };
}

const ok = (result: unknown): ApiResult => ({ status: 200, body: { ok: true, result } });
const fail = (status: number, description: string, parameters?: unknown): ApiResult => ({
  status,
  body: { ok: false, error_code: status, description, ...(parameters ? { parameters } : {}) },
});

/** bots/api#html-style: the tags Telegram's HTML parse mode knows. */
const HTML_TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "span",
  "tg-spoiler",
  "a",
  "tg-emoji",
  "code",
  "pre",
  "blockquote",
]);
/** bots/api#html-style: "All numerical HTML entities are supported. The API currently supports only the following named HTML entities: &lt;, &gt;, &amp; and &quot;." */
const ENTITY = /^&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/i;

/** The text a user sees after Telegram parses HTML, or why Telegram refuses it. */
export function parseTelegramHtml(html: string): { text: string } | { error: string } {
  const stack: string[] = [];
  let text = "";
  for (let i = 0; i < html.length; ) {
    const c = html[i]!;
    if (c === "<") {
      const end = html.indexOf(">", i);
      if (end < 0) return { error: `Can't parse entities: unclosed start tag at byte offset ${i}` };
      const raw = html.slice(i + 1, end).trim();
      const closing = raw.startsWith("/");
      const name = (closing ? raw.slice(1) : raw).split(/\s/)[0]!.toLowerCase();
      if (!HTML_TAGS.has(name))
        return { error: `Can't parse entities: Unsupported start tag "${name}" at byte offset ${i}` };
      if (closing) {
        if (stack.pop() !== name)
          return { error: `Can't parse entities: Unexpected end tag at byte offset ${i}` };
      } else stack.push(name);
      i = end + 1;
    } else if (c === "&") {
      const m = ENTITY.exec(html.slice(i));
      if (!m)
        return {
          error: `Can't parse entities: character "&" is reserved and must be escaped at byte offset ${i}`,
        };
      text += "x";
      i += m[0].length;
    } else if (c === ">") {
      return {
        error: `Can't parse entities: character ">" is reserved and must be escaped at byte offset ${i}`,
      };
    } else {
      text += c;
      i++;
    }
  }
  if (stack.length > 0)
    return { error: `Can't parse entities: Can't find end tag corresponding to start tag "${stack.at(-1)}"` };
  return { text };
}

export class FakeTelegram {
  readonly token: string;
  readonly botUser: { id: number; is_bot: true; first_name: string; username: string };
  readonly sent: SentMessage[] = [];
  /** Every Bot API call the bot made, by method name, in order. */
  readonly calls: string[] = [];
  /** Every refused call: method and Telegram's description. */
  readonly refusals: { method: string; description: string }[] = [];
  private readonly chats = new Map<number, FakeChat>();
  private readonly users = new Map<number, FakeUser>();
  private readonly updates: { update_id: number; message: unknown }[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly sockets = new Set<Socket>();
  private readonly sendTimes: number[] = [];
  private readonly chatSendTimes = new Map<number, number[]>();
  private readonly floods = new Map<number, number>();
  /** The webhook setWebhook left, if any; updates are then POSTed to it instead of served by getUpdates. */
  webhook: { url: string; secretToken: string | undefined } | undefined;
  /** HTTP statuses the bot answered webhook deliveries with, in order. */
  readonly webhookStatuses: number[] = [];
  private nextUpdateId = 1;
  private lastDelivered: { update_id: number; message: unknown } | undefined;
  private nextMessageId = 1;
  /** The command list per language code ("" for the default), as setMyCommands left it. */
  readonly commands = new Map<string, { command: string; description: string }[]>();
  private server!: Server;
  apiUrl = "";

  private constructor(private readonly options: FakeTelegramOptions) {
    this.token = options.token ?? "123456789:AAEfakeTokenForTestsOnly_abcdefghijk";
    this.botUser = {
      id: Number(this.token.split(":")[0]),
      is_bot: true,
      first_name: "Balance Bot",
      username: options.botUsername ?? "balancetestbot",
    };
    for (const user of options.users ?? []) this.users.set(user.id, user);
    for (const chat of options.chats ?? []) this.chats.set(chat.id, { botStatus: "member", ...chat });
  }

  static async start(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
    const fake = new FakeTelegram(options);
    fake.server = createServer((req, res) => void fake.handle(req, res));
    fake.server.on("connection", (socket) => {
      fake.sockets.add(socket);
      socket.on("close", () => fake.sockets.delete(socket));
    });
    fake.server.listen(0, "127.0.0.1");
    await once(fake.server, "listening");
    fake.apiUrl = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  async close(): Promise<void> {
    for (const wake of this.waiters) wake();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** A person types `text` in a chat: the update the bot will get from getUpdates. */
  userSays(chatId: number, userId: number, text: string): number {
    const chat = this.chats.get(chatId);
    const from = this.users.get(userId);
    if (!chat || !from) throw new Error(`fake: unknown chat ${chatId} or user ${userId}`);
    const messageId = this.nextMessageId++;
    // Telegram marks a leading /command (with an optional @botname) as a bot_command entity.
    const command = /^\/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]{3,32})?/.exec(text);
    this.lastDelivered = {
      update_id: this.nextUpdateId++,
      message: {
        message_id: messageId,
        date: Math.floor(Date.now() / 1000),
        chat:
          chat.type === "private"
            ? {
                id: chat.id,
                type: "private",
                first_name: from.first_name,
                ...(from.username ? { username: from.username } : {}),
              }
            : { id: chat.id, type: chat.type, title: chat.title ?? "Group" },
        from: { is_bot: false, ...from },
        text,
        ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
      },
    };
    this.updates.push(this.lastDelivered);
    for (const wake of this.waiters) wake();
    if (this.webhook) void this.deliverToWebhook(this.updates.at(-1)!);
    return messageId;
  }

  /**
   * Webhook mode (bots/api#setwebhook): Telegram POSTs each update as JSON with the header
   * X-Telegram-Bot-Api-Secret-Token set to the secret_token, and retries until it gets a 2xx.
   */
  async deliverToWebhook(
    update: { update_id: number; message: unknown },
    options: { secretToken?: string | undefined } = {},
  ): Promise<number> {
    const webhook = this.webhook!;
    const secret = "secretToken" in options ? options.secretToken : webhook.secretToken;
    const res = await fetch(webhook.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}),
      },
      body: JSON.stringify(update),
    }).catch(() => undefined);
    const status = res?.status ?? 0;
    this.webhookStatuses.push(status);
    // Delivered: the update leaves the queue (it is never offered to getUpdates while a webhook is set).
    if (status >= 200 && status < 300) {
      const at = this.updates.indexOf(update);
      if (at >= 0) this.updates.splice(at, 1);
    }
    return status;
  }

  /** The last update sent, to deliver again (a replay, or Telegram's own retry). */
  lastUpdate(): { update_id: number; message: unknown } {
    return this.lastDelivered!;
  }

  /** The next send to `chatId` is answered 429 with `retry_after`, whatever the pace (a flood the test provokes). */
  floodNext(chatId: number, retryAfterSeconds: number): void {
    this.floods.set(chatId, retryAfterSeconds);
  }

  setBotStatus(chatId: number, status: MemberStatus): void {
    this.chats.get(chatId)!.botStatus = status;
  }

  messagesIn(chatId: number): SentMessage[] {
    return this.sent.filter((m) => m.chatId === chatId);
  }

  /** Waits until `count` messages went to the chat (in answer to a command, say). */
  async waitForMessages(chatId: number, count: number, timeoutMs = 15_000): Promise<SentMessage[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.messagesIn(chatId).length < count) {
      if (Date.now() > deadline)
        throw new Error(
          `fake: ${this.messagesIn(chatId).length} of ${count} messages in chat ${chatId} after ${timeoutMs} ms`,
        );
      await new Promise((r) => setTimeout(r, 25));
    }
    return this.messagesIn(chatId);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const result = await this.route(req).catch((error: unknown) =>
      fail(500, `Internal Server Error: ${String(error)}`),
    );
    if (!result.body.ok)
      this.refusals.push({ method: req.url?.split("/").at(-1) ?? "", description: result.body.description });
    if (res.destroyed) return;
    res.writeHead(result.status, { "content-type": "application/json" }).end(JSON.stringify(result.body));
  }

  private async route(req: IncomingMessage): Promise<ApiResult> {
    // bots/api#making-requests: https://api.telegram.org/bot<token>/METHOD_NAME.
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(new URL(req.url ?? "/", "http://x").pathname);
    if (!match) return fail(404, "Not Found");
    if (match[1] !== this.token) return fail(401, "Unauthorized");
    const method = match[2]!;
    this.calls.push(method);
    const params = await readParams(req);
    switch (method) {
      case "getMe":
        return ok({
          ...this.botUser,
          can_join_groups: true,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
        });
      case "deleteWebhook":
        this.webhook = undefined;
        return ok(true);
      case "setWebhook":
        return this.setWebhook(params);
      case "getUpdates":
        // bots/api#getupdates: "This method will not work if an outgoing webhook is set up."
        if (this.webhook)
          return fail(
            409,
            "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
          );
        return this.getUpdates(params, req);
      case "sendMessage":
        return this.sendMessage(params);
      case "sendPhoto":
        return this.sendPhoto(params);
      case "getChatMember":
        return this.getChatMember(params);
      case "setMyCommands":
        return this.setMyCommands(params);
      case "getMyCommands":
        return ok(this.commands.get(String(params.language_code ?? "")) ?? []);
      default:
        // bots/api#making-requests: "All methods in the Bot API are case-insensitive" — but an unknown one is 404.
        return fail(404, "Not Found: method not found");
    }
  }

  /**
   * bots/api#setwebhook: an HTTPS url ("Ports currently supported for webhooks: 443, 80, 88,
   * 8443"), and a secret_token of 1-256 characters A-Z, a-z, 0-9, _ and -.
   */
  private setWebhook(params: Record<string, unknown>): ApiResult {
    let url: URL;
    try {
      url = new URL(String(params.url ?? ""));
    } catch {
      return fail(400, "Bad Request: bad webhook: Failed to resolve host: invalid URL");
    }
    const lenient = this.options.allowHttpWebhook && url.protocol === "http:";
    if (!lenient && url.protocol !== "https:")
      return fail(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
    if (!lenient && !["", "443", "80", "88", "8443"].includes(url.port))
      return fail(400, "Bad Request: bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443");
    const secret = params.secret_token === undefined ? undefined : String(params.secret_token);
    if (secret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secret))
      return fail(400, "Bad Request: secret token contains unallowed characters");
    this.webhook = { url: url.toString(), secretToken: secret };
    return ok(true);
  }

  /** bots/api#getupdates: updates after `offset`; confirms the ones before; long-polls up to `timeout` s. */
  private async getUpdates(params: Record<string, unknown>, req: IncomingMessage): Promise<ApiResult> {
    const offset = Number(params.offset ?? 0);
    // "An update is considered confirmed as soon as getUpdates is called with an offset higher than its update_id."
    while (this.updates.length > 0 && this.updates[0]!.update_id < offset) this.updates.shift();
    const timeoutS = Math.min(Number(params.timeout ?? 0), 50);
    const deadline = Date.now() + timeoutS * 1000;
    while (this.updates.length === 0 && Date.now() < deadline && !req.destroyed) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, Math.max(0, deadline - Date.now()));
        this.waiters.add(wake);
        req.once("close", wake);
      });
    }
    const limit = Math.min(Math.max(Number(params.limit ?? 100), 1), 100);
    return ok(this.updates.slice(0, limit));
  }

  private chatFor(chatIdParam: unknown): { chat: FakeChat } | { error: ApiResult } {
    const chat = this.chats.get(Number(chatIdParam));
    // bots/api: an id the bot has never seen is "Bad Request: chat not found".
    if (!chat) return { error: fail(400, "Bad Request: chat not found") };
    return { chat };
  }

  /** Who may the bot post to (bots/api#sendmessage errors as the Bot API returns them). */
  private refusePost(chat: FakeChat, photo: boolean): ApiResult | undefined {
    if (chat.type === "private" && chat.botStatus === "kicked")
      return fail(403, "Forbidden: bot was blocked by the user");
    if (chat.botStatus === "kicked") return fail(403, `Forbidden: bot was kicked from the ${chat.type} chat`);
    if (chat.botStatus === "left")
      return fail(403, `Forbidden: bot is not a member of the ${chat.type} chat`);
    if (chat.botStatus === "restricted")
      return fail(
        400,
        `Bad Request: not enough rights to send ${photo ? "photos" : "text messages"} to the chat`,
      );
    return this.floodCheck(chat);
  }

  /**
   * Bots FAQ, "My bot is hitting limits": avoid more than one message per second in a chat ("we
   * may allow short bursts"), no more than 20 messages per minute to the same group, and about
   * 30 messages per second overall; beyond them, 429 with `parameters.retry_after`.
   */
  private floodCheck(chat: FakeChat): ApiResult | undefined {
    const flood = this.floods.get(chat.id);
    if (flood !== undefined) {
      this.floods.delete(chat.id);
      return fail(429, `Too Many Requests: retry after ${flood}`, { retry_after: flood });
    }
    if (this.options.rateLimits === false) return undefined;
    const now = Date.now();
    const times = (this.chatSendTimes.get(chat.id) ?? []).filter((t) => t > now - 60_000);
    this.chatSendTimes.set(chat.id, times);
    const recentGlobal = this.sendTimes.filter((t) => t > now - 1000);
    const tooMany = (retryAfterS: number) =>
      fail(429, `Too Many Requests: retry after ${retryAfterS}`, { retry_after: retryAfterS });
    if (recentGlobal.length >= 30) return tooMany(1);
    if (chat.type !== "private" && times.length >= 20)
      return tooMany(Math.ceil((times[0]! + 60_000 - now) / 1000));
    const lastSecond = times.filter((t) => t > now - 1000).length;
    if (lastSecond >= (chat.type === "private" ? (this.options.privateBurst ?? 3) : 3)) return tooMany(1);
    times.push(now);
    this.sendTimes.push(now);
    if (this.sendTimes.length > 1000) this.sendTimes.splice(0, this.sendTimes.length - 100);
    return undefined;
  }

  private sendMessage(params: Record<string, unknown>): ApiResult {
    const found = this.chatFor(params.chat_id);
    if ("error" in found) return found.error;
    const text = typeof params.text === "string" ? params.text : "";
    // bots/api#sendmessage: "Text of the message to be sent, 1-4096 characters after entities parsing".
    if (!text.trim()) return fail(400, "Bad Request: message text is empty");
    let visible = text;
    if (params.parse_mode === "HTML") {
      const parsed = parseTelegramHtml(text);
      if ("error" in parsed) return fail(400, `Bad Request: ${parsed.error}`);
      visible = parsed.text;
    } else if (params.parse_mode !== undefined) {
      return fail(
        400,
        `Bad Request: unsupported parse_mode ${String(params.parse_mode)} (this fake knows HTML only)`,
      );
    }
    if (visible.length > 4096) return fail(400, "Bad Request: message is too long");
    const refused = this.refusePost(found.chat, false);
    if (refused) return refused;
    return ok(
      this.record(found.chat, "sendMessage", { text, parseMode: params.parse_mode as string }, params),
    );
  }

  private sendPhoto(params: Record<string, unknown>): ApiResult {
    const found = this.chatFor(params.chat_id);
    if ("error" in found) return found.error;
    const photo = params.photo;
    // bots/api#sendphoto: "The photo must be at most 10 MB in size" when uploaded as multipart/form-data.
    if (!(photo instanceof Uint8Array)) return fail(400, "Bad Request: there is no photo in the request");
    if (photo.byteLength > 10 * 1024 * 1024) return fail(400, "Bad Request: PHOTO_INVALID_DIMENSIONS");
    const caption = typeof params.caption === "string" ? params.caption : undefined;
    // bots/api#sendphoto: "Photo caption … 0-1024 characters after entities parsing".
    if (caption && caption.length > 1024) return fail(400, "Bad Request: message caption is too long");
    const refused = this.refusePost(found.chat, true);
    if (refused) return refused;
    return ok(this.record(found.chat, "sendPhoto", { photo, ...(caption ? { caption } : {}) }, params));
  }

  private record(
    chat: FakeChat,
    method: SentMessage["method"],
    content: Partial<SentMessage>,
    params: Record<string, unknown>,
  ): unknown {
    const messageId = this.nextMessageId++;
    const replyTo = (params.reply_parameters as { message_id?: number } | undefined)?.message_id;
    this.sent.push({
      chatId: chat.id,
      messageId,
      method,
      ...content,
      ...(replyTo ? { replyTo } : {}),
      at: Date.now(),
    });
    return {
      message_id: messageId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chat.id, type: chat.type, ...(chat.title ? { title: chat.title } : {}) },
      from: this.botUser,
      ...(content.text ? { text: content.text } : {}),
      ...(content.photo
        ? {
            photo: [
              { file_id: `photo-${messageId}`, file_unique_id: `u${messageId}`, width: 800, height: 450 },
            ],
          }
        : {}),
      ...(content.caption ? { caption: content.caption } : {}),
    };
  }

  private getChatMember(params: Record<string, unknown>): ApiResult {
    const found = this.chatFor(params.chat_id);
    if ("error" in found) return found.error;
    const userId = Number(params.user_id);
    if (userId === this.botUser.id) {
      const status = found.chat.botStatus;
      if (status === "kicked" || status === "left")
        return fail(403, `Forbidden: bot is not a member of the ${found.chat.type} chat`);
      return ok(memberOf(this.botUser, status));
    }
    const status = found.chat.members[userId];
    const user = this.users.get(userId);
    // bots/api#getchatmember: a user who never joined is "left"; an unknown id is "user not found".
    if (!user) return fail(400, "Bad Request: user not found");
    return ok(memberOf({ is_bot: false, ...user }, status ?? "left"));
  }

  /**
   * bots/api#setmycommands and #botcommand: at most 100 commands; each command 1-32 characters of
   * lowercase English letters, digits and underscores; each description 1-256 characters;
   * language_code a two-letter ISO 639-1 code or empty.
   */
  private setMyCommands(params: Record<string, unknown>): ApiResult {
    const list = params.commands;
    if (!Array.isArray(list) || list.length > 100)
      return fail(400, "Bad Request: commands must be a list of at most 100");
    for (const c of list as { command?: unknown; description?: unknown }[]) {
      if (typeof c.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(c.command))
        return fail(400, "Bad Request: BOT_COMMAND_INVALID");
      if (typeof c.description !== "string" || c.description.length < 1 || c.description.length > 256)
        return fail(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID");
    }
    const language = String(params.language_code ?? "");
    if (language && !/^[a-z]{2}$/.test(language)) return fail(400, "Bad Request: LANG_CODE_INVALID");
    this.commands.set(language, list as { command: string; description: string }[]);
    return ok(true);
  }
}

function memberOf(user: object, status: MemberStatus): unknown {
  const base = { status, user };
  if (status === "restricted")
    return { ...base, is_member: true, can_send_messages: false, can_send_photos: false, until_date: 0 };
  if (status === "administrator")
    return { ...base, can_be_edited: false, is_anonymous: false, can_manage_chat: true };
  if (status === "creator") return { ...base, is_anonymous: false };
  return base;
}

/** bots/api#making-requests: query string, application/json, x-www-form-urlencoded or multipart/form-data. */
async function readParams(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const params: Record<string, unknown> = Object.fromEntries(
    new URL(req.url ?? "/", "http://x").searchParams,
  );
  const type = req.headers["content-type"] ?? "";
  if (body.length === 0) return params;
  if (type.startsWith("application/json"))
    return { ...params, ...(JSON.parse(body.toString("utf8")) as object) };
  if (type.startsWith("multipart/form-data")) {
    const boundary = /boundary=("?)([^";]+)\1/.exec(type)?.[2];
    if (!boundary) return params;
    for (const part of multipartParts(body, boundary)) {
      params[part.name] =
        part.filename === undefined ? parseField(part.data.toString("utf8")) : new Uint8Array(part.data);
    }
    // grammY sends an uploaded file as "attach://<id>" in the field and the bytes under <id>.
    for (const [key, value] of Object.entries(params)) {
      if (typeof value === "string" && value.startsWith("attach://")) params[key] = params[value.slice(9)];
    }
    return params;
  }
  if (type.startsWith("application/x-www-form-urlencoded")) {
    for (const [k, v] of new URLSearchParams(body.toString("utf8"))) params[k] = parseField(v);
  }
  return params;
}

/**
 * RFC 7578 parts, read as Telegram's server does: header names case-insensitive, optional
 * whitespace after the colon, quoted or bare parameter values (grammY sends
 * `content-disposition:form-data;name="photo";filename=chart.png`, which undici's stricter
 * FormData parser refuses but Telegram accepts).
 */
function multipartParts(body: Buffer, boundary: string): { name: string; filename?: string; data: Buffer }[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: { name: string; filename?: string; data: Buffer }[] = [];
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const from = start + delimiter.length;
    if (body.subarray(from, from + 2).toString() === "--") break;
    const next = body.indexOf(delimiter, from);
    if (next < 0) break;
    const chunk = body.subarray(from + 2, next - 2); // drop the CRLF after the delimiter and before the next
    const split = chunk.indexOf("\r\n\r\n");
    const headers = chunk.subarray(0, split).toString("utf8");
    const disposition = /content-disposition\s*:([^\r\n]*)/i.exec(headers)?.[1] ?? "";
    const param = (key: string) => new RegExp(`;\\s*${key}=("([^"]*)"|[^;\\s]+)`, "i").exec(disposition);
    const name = param("name");
    const filename = param("filename");
    if (name) {
      parts.push({
        name: name[2] ?? name[1]!,
        ...(filename ? { filename: filename[2] ?? filename[1]! } : {}),
        data: chunk.subarray(split + 4),
      });
    }
    start = next;
  }
  return parts;
}

/** Form fields carry JSON for objects (reply_parameters, commands) and plain text otherwise. */
function parseField(value: string): unknown {
  if (/^[[{]/.test(value)) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}
