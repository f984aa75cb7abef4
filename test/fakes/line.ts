/**
 * A fake LINE Messaging API on 127.0.0.1, strict by default: it rejects what LINE rejects, each
 * rule citing developers.line.biz (messaging-api reference; "Retry failed API requests"; "Receiving
 * messages"). It also plays the LINE Platform's side of the webhook: it signs event bodies with
 * the channel secret and POSTs them to the bot, as LINE does.
 */
import { createHmac, randomUUID } from "node:crypto";
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type LineSource =
  | { type: "user"; userId: string }
  | { type: "group"; groupId: string; userId: string }
  | { type: "room"; roomId: string; userId: string };

export interface LineSent {
  via: "reply" | "push";
  to: string;
  messages: Record<string, unknown>[];
  retryKey?: string;
  at: number;
}

export interface FakeLineOptions {
  channelSecret?: string;
  accessToken?: string;
  /** Users the bot is friends with (push to them works) and groups the bot is in, with members. */
  users?: string[];
  groups?: Record<string, string[]>;
  /** The month's push quota (get-quota); undefined: no limit. */
  quota?: number | undefined;
  /** How long a reply token lives. UNCERTAIN: the reference says only that it must be used "within a certain period"; one minute is the figure developers observe. */
  replyTokenTtlMs?: number;
  /**
   * Users' LINE language (get-profile's `language`, a BCP 47 tag such as "th"); a friend without
   * one gets a profile without the field, as LINE omits it before the user consents to its
   * privacy policy.
   */
  languages?: Record<string, string>;
  /** Image URLs must be https (image message: "Protocol: HTTPS"). A test serving images on loopback http asks for leniency. */
  allowHttpImages?: boolean;
}

interface Result {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const RETRY_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class FakeLine {
  readonly channelSecret: string;
  readonly accessToken: string;
  readonly sent: LineSent[] = [];
  readonly refusals: { path: string; status: number; message: string }[] = [];
  /** Images the fake fetched from the bot, as LINE does when it shows an image message. */
  readonly fetchedImages: { url: string; status: number; type: string | null; bytes: number }[] = [];
  private readonly users: Set<string>;
  private readonly groups: Map<string, Set<string>>;
  private readonly replyTokens = new Map<string, { to: string; expiresAt: number }>();
  private readonly acceptedRetryKeys = new Map<string, string>();
  private pushed = 0;
  private limitedPushes = 0;
  private server!: Server;
  apiUrl = "";
  /** Where webhook events are POSTed (the bot's PUBLIC_URL/line/webhook). */
  webhookUrl = "";
  /** Runs after a push was accepted and before LINE answers it (a test kills the bot here). */
  afterPush: ((sent: LineSent) => Promise<void> | void) | undefined;
  /** The last webhook body and signature sent, to replay. */
  lastWebhook: { body: string; signature: string } | undefined;

  private constructor(private readonly options: FakeLineOptions) {
    this.channelSecret = options.channelSecret ?? "0123456789abcdef0123456789abcdef";
    this.accessToken = options.accessToken ?? "fake-line-channel-access-token-for-tests";
    this.users = new Set(options.users ?? []);
    this.groups = new Map(Object.entries(options.groups ?? {}).map(([g, members]) => [g, new Set(members)]));
  }

  static async start(options: FakeLineOptions = {}): Promise<FakeLine> {
    const fake = new FakeLine(options);
    fake.server = createServer((req, res) => void fake.handle(req, res));
    fake.server.listen(0, "127.0.0.1");
    await once(fake.server, "listening");
    fake.apiUrl = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  sentTo(to: string): LineSent[] {
    return this.sent.filter((s) => s.to === to);
  }

  /** Makes new reply tokens expire after `ms` (a slow answer, say). */
  setReplyTokenTtl(ms: number): void {
    this.options.replyTokenTtlMs = ms;
  }

  /**
   * The next push is answered 429 as LINE does past its per-endpoint rate limit ("The API rate
   * limit has been exceeded. Try again later."). LINE sends no Retry-After (UNCERTAIN).
   */
  limitNextPush(times = 1): void {
    this.limitedPushes += times;
  }

  /** Sets the month's push quota (get-quota). */
  setQuota(quota: number | undefined): void {
    this.options.quota = quota;
  }

  leaveGroup(groupId: string): void {
    this.groups.delete(groupId);
  }

  /**
   * A person types `text`: LINE signs the webhook body (x-line-signature: base64 HMAC-SHA256 of
   * the body with the channel secret) and POSTs it. Returns the bot's HTTP status.
   */
  async userSays(source: LineSource, text: string, options: { ageMs?: number } = {}): Promise<number> {
    const replyToken = randomUUID().replace(/-/g, "");
    const to =
      source.type === "group" ? source.groupId : source.type === "room" ? source.roomId : source.userId;
    this.replyTokens.set(replyToken, {
      to,
      expiresAt: Date.now() + (this.options.replyTokenTtlMs ?? 60_000),
    });
    const body = JSON.stringify({
      destination: "Ubot0000000000000000000000000000",
      events: [
        {
          type: "message",
          mode: "active",
          timestamp: Date.now() - (options.ageMs ?? 0),
          source,
          webhookEventId: `01H${randomUUID().replace(/-/g, "").slice(0, 23).toUpperCase()}`,
          deliveryContext: { isRedelivery: false },
          replyToken,
          message: { id: String(Date.now()), type: "text", quoteToken: "q", text },
        },
      ],
    });
    return this.post(body, this.sign(body));
  }

  /** Sends the last webhook body again with its valid signature (a replay). */
  async replayLast(): Promise<number> {
    if (!this.lastWebhook) throw new Error("fake: nothing to replay");
    return this.post(this.lastWebhook.body, this.lastWebhook.signature);
  }

  /** A body signed with the wrong secret (a forgery). */
  async forged(text: string): Promise<number> {
    const body = JSON.stringify({
      destination: "U",
      events: [{ type: "message", message: { type: "text", text } }],
    });
    return this.post(body, createHmac("sha256", "not-the-secret").update(body).digest("base64"));
  }

  sign(body: string): string {
    return createHmac("sha256", this.channelSecret).update(body).digest("base64");
  }

  private async post(body: string, signature: string): Promise<number> {
    this.lastWebhook = { body, signature };
    const res = await fetch(this.webhookUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "x-line-signature": signature },
      body,
    });
    return res.status;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const result: Result = await this.route(req, raw).catch((e: unknown) => ({
      status: 500,
      body: { message: String(e) },
    }));
    if (result.status >= 400)
      this.refusals.push({
        path: req.url ?? "",
        status: result.status,
        message: String((result.body as { message?: unknown }).message ?? ""),
      });
    res.writeHead(result.status, {
      "content-type": "application/json",
      "x-line-request-id": randomUUID(),
      ...result.headers,
    });
    res.end(JSON.stringify(result.body));
  }

  private async route(req: IncomingMessage, raw: string): Promise<Result> {
    // Test images for messages whose links point here (a stand-in for the bot's own image route).
    if (req.method === "GET" && req.url?.startsWith("/test-images/"))
      return { status: 200, body: "png", headers: { "content-type": "image/png" } };
    // Every request carries "Authorization: Bearer {channel access token}"; else 401.
    if (req.headers.authorization !== `Bearer ${this.accessToken}`)
      return {
        status: 401,
        body: {
          message:
            "Authentication failed. Confirm that the access token in the authorization header is valid.",
        },
      };
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const retryKey = req.headers["x-line-retry-key"] as string | undefined;
    if (retryKey !== undefined && path !== "/v2/bot/message/push")
      // retrying-api-request: a retry key on an API that does not support it is refused with 400.
      return { status: 400, body: { message: "X-Line-Retry-Key is not supported by this API" } };
    switch (`${req.method} ${path}`) {
      case "GET /v2/bot/info":
        return {
          status: 200,
          body: {
            userId: "Ubot",
            basicId: "@123abcde",
            displayName: "Balance Bot",
            chatMode: "bot",
            markAsReadMode: "auto",
          },
        };
      case "GET /v2/bot/message/quota":
        return {
          status: 200,
          body:
            this.options.quota === undefined
              ? { type: "none" }
              : { type: "limited", value: this.options.quota },
        };
      case "GET /v2/bot/message/quota/consumption":
        return { status: 200, body: { totalUsage: this.pushed } };
      default:
        if (req.method === "GET" && path.startsWith("/v2/bot/profile/"))
          return this.profile(decodeURIComponent(path.slice("/v2/bot/profile/".length)));
        return this.routeMessages(req.method ?? "", path, body, retryKey);
    }
  }

  /** get-profile: only a user who added the bot as a friend has one here; others get 404. */
  private profile(userId: string): Result {
    if (!this.users.has(userId)) return { status: 404, body: { message: "Not found" } };
    const language = this.options.languages?.[userId];
    return {
      status: 200,
      body: { displayName: `User ${userId}`, userId, ...(language ? { language } : {}) },
    };
  }

  private routeMessages(method: string, path: string, body: Record<string, unknown>, retryKey?: string) {
    switch (`${method} ${path}`) {
      case "GET /v2/bot/message/quota/consumption":
        return { status: 200, body: { totalUsage: this.pushed } };
      case "POST /v2/bot/message/reply":
        return this.reply(body);
      case "POST /v2/bot/message/push":
        return this.push(body, retryKey);
      default:
        return { status: 404, body: { message: "Not found" } };
    }
  }

  private async reply(body: Record<string, unknown>): Promise<Result> {
    const token = this.replyTokens.get(String(body.replyToken));
    // send-reply-message: a reply token can be used once, and only for a while.
    if (!token || token.expiresAt < Date.now())
      return { status: 400, body: { message: "Invalid reply token" } };
    const invalid = await this.checkMessages(body.messages);
    if (invalid) return invalid;
    this.replyTokens.delete(String(body.replyToken));
    this.sent.push({
      via: "reply",
      to: token.to,
      messages: body.messages as Record<string, unknown>[],
      at: Date.now(),
    });
    return {
      status: 200,
      body: { sentMessages: (body.messages as unknown[]).map(() => ({ id: randomUUID(), quoteToken: "q" })) },
    };
  }

  private async push(body: Record<string, unknown>, retryKey: string | undefined): Promise<Result> {
    if (this.limitedPushes > 0) {
      this.limitedPushes--;
      return { status: 429, body: { message: "The API rate limit has been exceeded. Try again later." } };
    }
    if (retryKey !== undefined && !RETRY_KEY.test(retryKey))
      return { status: 400, body: { message: "The value for the 'X-Line-Retry-Key' header is invalid" } };
    // retrying-api-request: "Once the request is accepted, subsequent retried requests are blocked and you'll get the status code 409."
    const accepted = retryKey ? this.acceptedRetryKeys.get(retryKey) : undefined;
    if (accepted)
      return {
        status: 409,
        body: { message: "The retry key is already accepted" },
        headers: { "x-line-accepted-request-id": accepted },
      };
    const to = String(body.to ?? "");
    const known = this.users.has(to) || this.groups.has(to);
    // send-push-message: pushing to a user who is not a friend, or a group the bot is not in, fails.
    if (!known) return { status: 400, body: { message: "Failed to send messages" } };
    const invalid = await this.checkMessages(body.messages);
    if (invalid) return invalid;
    // Messages are counted per recipient: a push to a group of n counts n (pricing: "number of messages sent").
    const recipients = this.groups.get(to)?.size ?? 1;
    if (this.options.quota !== undefined && this.pushed + recipients > this.options.quota)
      return { status: 429, body: { message: "You have reached your monthly limit." } };
    this.pushed += recipients;
    const requestId = randomUUID();
    if (retryKey) this.acceptedRetryKeys.set(retryKey, requestId);
    const sent: LineSent = {
      via: "push",
      to,
      messages: body.messages as Record<string, unknown>[],
      ...(retryKey ? { retryKey } : {}),
      at: Date.now(),
    };
    this.sent.push(sent);
    await this.afterPush?.(sent);
    return {
      status: 200,
      body: { sentMessages: (body.messages as unknown[]).map(() => ({ id: randomUUID() })) },
      headers: { "x-line-request-id": requestId },
    };
  }

  /** message-objects: 1–5 messages; text ≤ 5,000; flex altText ≤ 1,500 and a bubble or carousel; image URLs https, ≤ 2,000 characters. */
  private async checkMessages(messages: unknown): Promise<Result | undefined> {
    const bad = (message: string): Result => ({
      status: 400,
      body: { message: "The request body has 1 error(s)", details: [{ message }] },
    });
    if (!Array.isArray(messages) || messages.length < 1 || messages.length > 5)
      return bad("messages: size must be between 1 and 5");
    for (const m of messages as Record<string, unknown>[]) {
      if (m.type === "text") {
        if (typeof m.text !== "string" || m.text.length < 1 || m.text.length > 5000)
          return bad("text: size must be between 1 and 5000");
      } else if (m.type === "flex") {
        if (typeof m.altText !== "string" || m.altText.length < 1 || m.altText.length > 1500)
          return bad("altText: size must be between 1 and 1500");
        const contents = m.contents as { type?: string; contents?: unknown[] } | undefined;
        if (contents?.type !== "bubble" && contents?.type !== "carousel")
          return bad("contents.type must be bubble or carousel");
        if (
          contents.type === "carousel" &&
          (!Array.isArray(contents.contents) || contents.contents.length > 12)
        )
          return bad("contents.contents: a carousel holds at most 12 bubbles");
        for (const bubble of contents.type === "carousel" ? (contents.contents as unknown[]) : [contents])
          if (Buffer.byteLength(JSON.stringify(bubble)) > 30_000) return bad("a bubble is over 30 KB");
        if (hasEmptyText(contents)) return bad("text: must not be empty");
      } else if (m.type === "image") {
        for (const key of ["originalContentUrl", "previewImageUrl"] as const) {
          const url = String(m[key] ?? "");
          if (url.length > 2000) return bad(`${key}: size must be at most 2000`);
          if (!url.startsWith("https://") && !(this.options.allowHttpImages && url.startsWith("http://")))
            return bad(`${key}: must be an https URL`);
        }
        // LINE downloads the image when it is shown; a link that does not serve a PNG/JPEG shows a broken image.
        const res = await fetch(String(m.originalContentUrl)).catch(() => undefined);
        const bytes = res?.ok ? (await res.arrayBuffer()).byteLength : 0;
        this.fetchedImages.push({
          url: String(m.originalContentUrl),
          status: res?.status ?? 0,
          type: res?.headers.get("content-type") ?? null,
          bytes,
        });
      } else return bad(`type: ${String(m.type)} is not supported by this fake`);
    }
    return undefined;
  }
}

/** Flex text components must have non-empty text (flex-message-elements: text "text" is required). */
function hasEmptyText(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasEmptyText);
  if (node && typeof node === "object") {
    const r = node as Record<string, unknown>;
    if (r.type === "text" && (typeof r.text !== "string" || r.text.length === 0)) return true;
    return Object.values(r).some((v) => typeof v === "object" && hasEmptyText(v));
  }
  return false;
}
