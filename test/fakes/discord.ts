import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { botRoleIdOf, FakeGateway, type FakeGuild } from "./discord-gateway.ts";
import { parseBody, type Reply, SENT, type Sent } from "./discord-http.ts";
import {
  commandOptions,
  componentPayload,
  type InteractionRecord,
  interactionIdentity,
  interactionPayload,
  type SendInteraction,
} from "./discord-interactions.ts";
import {
  apiError,
  type FakeFile,
  type FakeMessage,
  type Json,
  messageObject,
  messageProblems,
  snowflake,
} from "./discord-payloads.ts";
import {
  botPermissionsIn,
  DEFAULT_BOT_PERMISSIONS,
  type FakeOverwrite,
  overwriteObject,
  PERMISSION,
} from "./discord-permissions.ts";
import { answerCallback, answerWebhook, newMessage, type Pending } from "./discord-responses.ts";
import { commandProblems, DiscordRateLimiter, isEmptyMessage, type Limited } from "./discord-rules.ts";

export type { FakeChannel, FakeGuild } from "./discord-gateway.ts";
export type { InteractionEvent, InteractionRecord, SendInteraction } from "./discord-interactions.ts";
export type { FakeFile, FakeMessage } from "./discord-payloads.ts";
export type { FakeOverwrite } from "./discord-permissions.ts";
export { PERMISSION } from "./discord-permissions.ts";

/** How long Discord remembers a nonce for enforce_nonce ("the past few minutes"). */
const NONCE_WINDOW_MS = 5 * 60_000;
/** After the final answer, keep listening this long for trailing calls (e.g. deleting the original). */
const SETTLE_MS = 150;

/** Every HTTP request the bot made. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  authorization: string | undefined;
  json: unknown;
  files: FakeFile[];
  status: number;
  at: number;
}

/** A failure the fake answers POST /channels/:id/messages with, the next `times` calls. */
export type MessageFault =
  | { kind: "rate_limit"; retryAfterSeconds: number; global?: boolean }
  | { kind: "error"; status: number; code: number; message: string };

/**
 * Options of the fake. Strict by default, like Discord: command JSON is validated on PUT, empty
 * messages and over-limit embeds are refused, the bot's channel permissions are enforced, channel
 * messages and the 50/s global limit answer 429 with Retry-After, the initial response is due in
 * 3 s and the interaction token dies after 15 minutes. A test that needs less says so in `lenient`.
 */
export interface FakeDiscordOptions {
  token?: string;
  guilds?: FakeGuild[];
  lenient?: {
    /** No per-channel or global rate limits. */
    rateLimits?: boolean;
  };
}

/** Registered application commands, global and per guild. */
export interface RegisteredCommands {
  global: Json[] | undefined;
  guilds: Map<string, Json[]>;
  /** The raw bodies of every PUT, in order. */
  puts: { route: string; body: unknown }[];
}

/**
 * A fake Discord on 127.0.0.1 — REST under /api/v10 and the gateway on the same port — faithful
 * to reference/chat-platforms.md §9–§17, so the real discord.js and @discordjs/rest run against it.
 */
export class FakeDiscord {
  readonly token: string;
  readonly applicationId = snowflake();
  readonly bot = { id: snowflake(), username: "balancebot" };
  readonly guilds: FakeGuild[];
  readonly requests: RecordedRequest[] = [];
  readonly messages: FakeMessage[] = [];
  readonly commands: RegisteredCommands = { global: undefined, guilds: new Map(), puts: [] };
  readonly interactions = new Map<string, InteractionRecord>();
  private readonly server: Server;
  private readonly gateway: FakeGateway;
  private readonly faults: MessageFault[] = [];
  private readonly nonces = new Map<string, FakeMessage>();
  private readonly pending = new Map<string, Pending>();
  private readonly limiter: DiscordRateLimiter | undefined;
  private clockOffsetMs = 0;
  private frozen: { perf: number; wall: number } | undefined;
  private port = 0;

  constructor(options: FakeDiscordOptions = {}) {
    this.token = options.token ?? `fake.${snowflake()}.bot-token`;
    this.guilds = options.guilds ?? [
      {
        id: snowflake(),
        name: "Acme Sellers",
        ownerId: snowflake(),
        channels: [{ id: snowflake(), name: "general" }],
      },
    ];
    this.limiter = options.lenient?.rateLimits ? undefined : new DiscordRateLimiter();
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        this.json(res, 500, apiError(0, `fake discord crashed: ${String(error)}`));
      });
    });
    this.gateway = new FakeGateway(this.server, {
      token: this.token,
      applicationId: this.applicationId,
      bot: this.bot,
      guilds: this.guilds,
      url: () => this.gatewayUrl,
    });
  }

  /** Starts the fake on an ephemeral port. */
  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** REST base for `REST({ api })` / `Client({ rest: { api } })`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  get guildId(): string {
    return this.guilds[0]!.id;
  }

  get channelId(): string {
    return this.guilds[0]!.channels[0]!.id;
  }

  /** The fake's clock on the performance timeline: real time plus what a test advanced it by. */
  now(): number {
    return (this.frozen?.perf ?? performance.now()) + this.clockOffsetMs;
  }

  /** Stops the fake's clocks (only advanceClock moves them), so "within one second" holds on a busy machine. */
  freezeClock(): void {
    this.frozen = { perf: performance.now(), wall: Date.now() };
  }

  /** Moves the fake's clock forward (expiring interaction tokens, refilling rate limits) without waiting. */
  advanceClock(ms: number): void {
    this.clockOffsetMs += ms;
  }

  /** The bot's permissions in a channel, computed as Discord does from roles and overwrites. */
  botPermissions(channelId: string): bigint {
    const found = this.findChannel(channelId);
    if (!found) return 0n;
    return botPermissionsIn({
      everyone: found.guild.everyonePermissions ?? 0n,
      botRole: found.guild.botPermissions ?? DEFAULT_BOT_PERMISSIONS,
      overwrites: found.overwrites,
    });
  }

  /** Resolves once a client has identified and got READY. */
  whenReady(): Promise<void> {
    return this.gateway.whenReady();
  }

  /** The next `times` channel-message posts fail with `fault` (after that, normal service). */
  failNextMessages(fault: MessageFault, times = 1): void {
    for (let i = 0; i < times; i++) this.faults.push(fault);
  }

  /** Messages created in a channel (not interaction responses). */
  messagesIn(channelId: string): FakeMessage[] {
    return this.messages.filter((m) => m.channelId === channelId);
  }

  /**
   * Clicks the button labelled `label` on a message the bot posted: dispatches a MESSAGE_COMPONENT
   * interaction (type 3) with its custom_id and the message, and resolves once the bot's answer is
   * visible (the message updated, or a follow-up). `customId` overrides the button's (a forged
   * value); the answer is due within 3 s, as for commands.
   */
  clickButton(
    input: {
      message: FakeMessage;
      label: string;
      userId?: string;
      permissions?: bigint | string;
      guildId?: string;
      customId?: string;
    },
    timeoutMs = 20_000,
  ): Promise<InteractionRecord> {
    const guild = this.guilds.find((g) => g.id === (input.guildId ?? this.guildId));
    if (!guild) throw new Error("fake discord: unknown guild");
    const button = (input.message.components ?? [])
      .flatMap((row) => (Array.isArray(row.components) ? (row.components as Json[]) : []))
      .find((b) => b.label === input.label);
    if (!button) throw new Error(`fake discord: no "${input.label}" button on message ${input.message.id}`);
    const { id, token } = interactionIdentity();
    const base = interactionPayload({
      id,
      token,
      applicationId: this.applicationId,
      guild,
      channelId: input.message.channelId,
      userId: input.userId ?? snowflake(),
      permissions: String(input.permissions ?? "0"),
      appPermissions: String(this.botPermissions(input.message.channelId)),
      commandId: snowflake(),
      commandName: "balance",
      autocomplete: false,
      options: [],
    });
    const payload = componentPayload(
      base,
      input.customId ?? String(button.custom_id),
      messageObject(input.message, this.bot, this.applicationId),
    );
    const record: InteractionRecord = {
      id,
      token,
      autocomplete: false,
      component: true,
      payload,
      sentAt: this.now(),
      events: [],
      original: input.message,
      followups: [],
    };
    this.interactions.set(id, record);
    return this.await(record, timeoutMs, payload);
  }

  /**
   * Dispatches INTERACTION_CREATE and resolves with what the bot did with it: for a command, once
   * a final answer is visible (a reply, or a deferral plus its edit or follow-up); for
   * autocomplete, once choices arrive; at the latest after `timeoutMs`.
   */
  sendInteraction(input: SendInteraction, timeoutMs = 20_000): Promise<InteractionRecord> {
    const guild = this.guilds.find((g) => g.id === (input.guildId ?? this.guildId));
    if (!guild) throw new Error("fake discord: unknown guild");
    const commandName = input.commandName ?? "balance";
    const registered = (this.commands.guilds.get(guild.id) ?? this.commands.global ?? []).find(
      (c) => c.name === commandName,
    );
    const { id, token } = interactionIdentity();
    // Attachments: stored on the fake CDN; the option carries the attachment id, as Discord sends it.
    const values = { ...(input.options ?? {}) };
    const attachments: Json = {};
    const channelForFiles = input.channelId ?? guild.channels[0]!.id;
    for (const [option, file] of Object.entries(input.attachments ?? {})) {
      const attachmentId = snowflake();
      this.cdn.set(attachmentId, file.bytes);
      values[option] = attachmentId;
      attachments[attachmentId] = {
        id: attachmentId,
        filename: file.filename,
        size: file.bytes.length,
        content_type: file.contentType ?? "application/octet-stream",
        url: `http://127.0.0.1:${this.port}/attachments/${channelForFiles}/${attachmentId}/${encodeURIComponent(file.filename)}`,
        proxy_url: `http://127.0.0.1:${this.port}/attachments/${channelForFiles}/${attachmentId}/${encodeURIComponent(file.filename)}`,
        ephemeral: true,
      };
    }
    const payload = interactionPayload({
      id,
      token,
      applicationId: this.applicationId,
      guild,
      channelId: input.channelId ?? guild.channels[0]!.id,
      userId: input.userId ?? snowflake(),
      permissions: String(input.permissions ?? "0"),
      appPermissions: String(this.botPermissions(input.channelId ?? guild.channels[0]!.id)),
      commandId: registered ? String(registered.id) : snowflake(),
      commandName,
      autocomplete: input.focused !== undefined,
      options: commandOptions(registered, input.path, values, input.focused),
      ...(input.attachments ? { resolved: { attachments } } : {}),
      ...(input.locale ? { locale: input.locale } : {}),
    });
    const record: InteractionRecord = {
      id,
      token,
      autocomplete: input.focused !== undefined,
      payload,
      sentAt: this.now(),
      events: [],
      followups: [],
    };
    this.interactions.set(id, record);
    return this.await(record, timeoutMs, payload);
  }

  private await(record: InteractionRecord, timeoutMs: number, payload: Json): Promise<InteractionRecord> {
    const { token } = record;
    return new Promise((resolve) => {
      let settle: NodeJS.Timeout | undefined;
      const timeout = setTimeout(() => {
        record.timedOut = true;
        resolve(record);
      }, timeoutMs);
      const pending: Pending = {
        record,
        acknowledged: false,
        deferred: false,
        finish: () => {
          clearTimeout(timeout);
          clearTimeout(settle);
          settle = setTimeout(() => resolve(record), SETTLE_MS);
        },
      };
      this.pending.set(token, pending);
      if (this.gateway.dispatch("INTERACTION_CREATE", payload) === 0) {
        clearTimeout(timeout);
        throw new Error("fake discord: no gateway session is ready");
      }
    });
  }

  async close(): Promise<void> {
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Files attached to interactions, served like Discord's CDN. */
  private readonly cdn = new Map<string, Buffer>();

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<Sent> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const cdn = /^\/attachments\/\d+\/(\d+)\//.exec(url.pathname);
    if (cdn && req.method === "GET") {
      const bytes = this.cdn.get(cdn[1]!);
      res.writeHead(bytes ? 200 : 404, { "content-type": "application/octet-stream" }).end(bytes ?? "");
      return SENT;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const { json, files } = await parseBody(raw, req.headers["content-type"]);
    const record: RecordedRequest = {
      method: req.method ?? "GET",
      path: decodeURIComponent(url.pathname),
      query: url.search,
      authorization: req.headers.authorization,
      json,
      files,
      status: 0,
      at: Date.now(),
    };
    this.requests.push(record);
    const reply = (status: number, body?: unknown, headers: Record<string, string> = {}): Sent => {
      record.status = status;
      if (body === undefined) {
        res.writeHead(status, headers).end();
      } else this.json(res, status, body, headers);
      return SENT;
    };
    const route = record.path.replace(/^\/api\/v10/, "");
    const parts = route.split("/").filter(Boolean);
    const authed = req.headers.authorization === `Bot ${this.token}`;
    const needsAuth = !(parts[0] === "interactions" || parts[0] === "webhooks");
    if (needsAuth && !authed) return reply(401, apiError(0, "401: Unauthorized"));
    const method = record.method;
    // "Interaction endpoints are not bound to the bot's Global Rate Limit" (rate-limits.mdx).
    const global = needsAuth ? this.limiter?.admitGlobal(this.wallClock()) : undefined;
    if (global) return this.rateLimited(reply, global);

    if (method === "GET" && route === "/gateway/bot") {
      return reply(200, {
        url: this.gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      });
    }
    if (method === "PUT" && parts[0] === "applications" && parts.at(-1) === "commands") {
      return this.putCommands(parts, json, route, reply);
    }
    if (parts[0] === "interactions" && parts[3] === "callback" && method === "POST") {
      const record = this.interactions.get(parts[1]!);
      const pending = record?.token === parts[2] ? this.pending.get(parts[2]!) : undefined;
      return answerCallback(
        this.responder(),
        pending,
        json as Json,
        files,
        url.searchParams.get("with_response") === "true",
        reply,
      );
    }
    if (parts[0] === "webhooks") {
      const [, appId, token, messages, target] = parts;
      const pending = appId === this.applicationId && token ? this.pending.get(token) : undefined;
      return answerWebhook(
        this.responder(),
        pending,
        { method, messages, target },
        json as Json,
        files,
        reply,
      );
    }
    if (parts[0] === "channels" && parts[1]) {
      const channel = this.findChannel(parts[1]);
      if (!channel) return reply(404, apiError(10003, "Unknown Channel"));
      if (method === "GET" && parts.length === 2) {
        return reply(200, {
          id: parts[1],
          type: 0,
          guild_id: channel.guild.id,
          name: channel.name,
          position: 0,
          permission_overwrites: channel.overwrites.map((o) =>
            overwriteObject(o, {
              guildId: channel.guild.id,
              botRoleId: botRoleIdOf(channel.guild),
              botId: this.bot.id,
            }),
          ),
          nsfw: false,
          parent_id: null,
        });
      }
      if (method === "POST" && parts[2] === "messages")
        return this.createMessage(parts[1], json as Json, files, reply);
    }
    return reply(404, apiError(0, "404: Not Found"));
  }

  private putCommands(parts: string[], body: unknown, route: string, reply: Reply): Sent {
    this.commands.puts.push({ route, body });
    if (parts[1] !== this.applicationId) return reply(403, apiError(50001, "Missing Access"));
    const problems = commandProblems(body);
    if (problems.length > 0) {
      return reply(
        400,
        apiError(50035, "Invalid Form Body", Object.fromEntries(problems.map((p, i) => [String(i), p]))),
      );
    }
    const guildId = parts[2] === "guilds" ? parts[3] : undefined;
    const echoed = (body as Json[]).map((command) => ({
      ...command,
      id: snowflake(),
      application_id: this.applicationId,
      version: snowflake(),
      type: command.type ?? 1,
      ...(guildId && { guild_id: guildId }),
      default_member_permissions: command.default_member_permissions ?? null,
      nsfw: false,
    }));
    if (guildId) this.commands.guilds.set(guildId, echoed);
    else this.commands.global = echoed;
    return reply(200, echoed);
  }

  private createMessage(channelId: string, body: Json, files: FakeFile[], reply: Reply): Sent {
    const fault = this.faults.shift();
    if (fault?.kind === "rate_limit") {
      const seconds = fault.retryAfterSeconds;
      const headers: Record<string, string> = {
        "Retry-After": String(seconds),
        "X-RateLimit-Limit": "5",
        "X-RateLimit-Remaining": "0",
        "X-RateLimit-Reset": String(Date.now() / 1000 + seconds),
        "X-RateLimit-Reset-After": String(seconds),
        "X-RateLimit-Bucket": "fake-channel-messages",
        "X-RateLimit-Scope": fault.global ? "global" : "user",
        ...(fault.global && { "X-RateLimit-Global": "true" }),
      };
      return reply(
        429,
        { message: "You are being rate limited.", retry_after: seconds, global: fault.global ?? false },
        headers,
      );
    }
    if (fault) return reply(fault.status, apiError(fault.code, fault.message));
    // opcodes-and-status-codes.mdx: 50001 Missing Access (cannot see the channel), 50013 Missing
    // Permissions. Posting needs SEND_MESSAGES; files need ATTACH_FILES; embeds need EMBED_LINKS
    // (UNCERTAIN: Discord documents the flag as "links sent ... will be auto-embedded"; bots
    // without it are refused here, as reported by discord.js users).
    const perms = this.botPermissions(channelId);
    const lacks = (flag: bigint) => (perms & flag) === 0n;
    if (lacks(PERMISSION.VIEW_CHANNEL)) return reply(403, apiError(50001, "Missing Access"));
    const embeds = Array.isArray(body?.embeds) && (body.embeds as unknown[]).length > 0;
    if (
      lacks(PERMISSION.SEND_MESSAGES) ||
      (files.length > 0 && lacks(PERMISSION.ATTACH_FILES)) ||
      (embeds && lacks(PERMISSION.EMBED_LINKS))
    ) {
      return reply(403, apiError(50013, "Missing Permissions"));
    }
    const bucket = this.limiter?.admitMessage(channelId, this.wallClock());
    if (bucket?.limited) return this.rateLimited(reply, bucket.limited);
    const headers = bucket
      ? {
          "X-RateLimit-Limit": String(this.limiter!.channelLimit),
          "X-RateLimit-Remaining": String(bucket.remaining),
          "X-RateLimit-Reset": String((this.wallClock() / 1000 + bucket.resetAfter).toFixed(3)),
          "X-RateLimit-Reset-After": bucket.resetAfter.toFixed(3),
          "X-RateLimit-Bucket": `channel-messages`,
        }
      : {};
    if (isEmptyMessage(body, files))
      return reply(400, apiError(50006, "Cannot send an empty message"), headers);
    const problems = messageProblems(body);
    if (problems.length > 0) return reply(400, apiError(50035, `Invalid Form Body: ${problems.join("; ")}`));
    const nonce = body.nonce as string | number | undefined;
    const key = nonce === undefined ? undefined : `${channelId}:${String(nonce)}`;
    const earlier = key ? this.nonces.get(key) : undefined;
    if (body.enforce_nonce === true && earlier && Date.now() - earlier.createdAt < NONCE_WINDOW_MS) {
      return reply(200, messageObject(earlier, this.bot, this.applicationId), headers);
    }
    const message = newMessage(channelId, body, files, false);
    if (nonce !== undefined) message.nonce = nonce;
    this.messages.push(message);
    if (key) this.nonces.set(key, message);
    return reply(200, messageObject(message, this.bot, this.applicationId), headers);
  }

  /**
   * A 429 as rate-limits.mdx shows it: Retry-After (seconds) and the X-RateLimit-* headers, the
   * body's retry_after and global flag, X-RateLimit-Global on the global limit.
   */
  private rateLimited(reply: Reply, limited: Limited): Sent {
    const seconds = Math.max(0.001, limited.retryAfter);
    return reply(
      429,
      { message: "You are being rate limited.", retry_after: seconds, global: limited.scope === "global" },
      {
        "Retry-After": String(Math.ceil(seconds)),
        "X-RateLimit-Limit": String(limited.limit),
        "X-RateLimit-Remaining": "0",
        "X-RateLimit-Reset": String((this.wallClock() / 1000 + seconds).toFixed(3)),
        "X-RateLimit-Reset-After": seconds.toFixed(3),
        "X-RateLimit-Bucket": limited.bucket,
        "X-RateLimit-Scope": limited.scope,
        ...(limited.scope === "global" && { "X-RateLimit-Global": "true" }),
      },
    );
  }

  private wallClock(): number {
    return (this.frozen?.wall ?? Date.now()) + this.clockOffsetMs;
  }

  private responder() {
    return { bot: this.bot, applicationId: this.applicationId, now: () => this.now() };
  }

  private findChannel(
    id: string,
  ): { guild: FakeGuild; name: string; overwrites: readonly FakeOverwrite[] } | undefined {
    for (const guild of this.guilds) {
      const channel = guild.channels.find((c) => c.id === id);
      if (channel) return { guild, name: channel.name, overwrites: channel.overwrites ?? [] };
    }
    return undefined;
  }

  private json(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void {
    res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
  }
}
