import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";
import { blockKitProblems } from "./slack-blocks.ts";
import {
  ALL_SCOPES,
  DEFAULT_POST_LIMITS,
  neededScopes,
  type PostLimits,
  SlackRateLimiter,
} from "./slack-rules.ts";
import {
  type ChannelSpec,
  type PostedMessage,
  type SharedFile,
  type SlackChannel,
  SlackWorkspace,
} from "./slack-web-api.ts";
import { parseApiArgs, readBody } from "./slack-wire.ts";

export type { ChannelSpec, PostedMessage, SharedFile, SlackChannel } from "./slack-web-api.ts";
export { signedInteractionRequest, signedSlashCommandRequest, signSlackRequest } from "./slack-wire.ts";

/**
 * A loopback Slack for end-to-end tests, written from reference/chat-platforms.md §1–8: the Web API
 * under /api/<method>, the three-step file upload, response_url endpoints and a Socket Mode
 * WebSocket on the same port. Everything the bot sends is recorded for assertions.
 *
 * Strict by default, like real Slack: the bot is in no channel until a test declares it a member
 * (`channels`) or invites it; methods need their scopes; chat.postMessage and the tiered methods
 * are rate-limited with Retry-After; Block Kit limits are checked; a response_url works 5 times
 * within 30 minutes. A test that needs less asks for it with `lenient`.
 */
export interface FakeSlackOptions {
  teamId?: string;
  botToken?: string;
  appToken?: string;
  /** Users whose users.info says is_admin. */
  admins?: string[];
  /** Users whose users.info says is_owner. */
  owners?: string[];
  /** Users' Slack locales (e.g. { U0MAI: "vi-VN" }); anyone else is en-US. */
  locales?: Record<string, string>;
  /** The workspace's conversations; any other channel a command is typed in is public, bot outside. */
  channels?: ChannelSpec[];
  /** The bot token's scopes (default: every scope the modelled methods need). */
  scopes?: readonly string[];
  /** chat.postMessage limits (default: burst 3 then 1/s per channel, 100/min per workspace). */
  postLimits?: Partial<PostLimits>;
  /** Real-Slack rules a test explicitly switches off. */
  lenient?: {
    /** Post in public channels the bot is not in (as with the chat:write.public scope). */
    membership?: boolean;
    /** No rate limits. */
    rateLimits?: boolean;
  };
}

/**
 * How long a response_url stays valid and how many posts it takes: "you can respond to a user's
 * command up to 5 times within 30 minutes" (api.slack.com/interactivity/slash-commands, "Delayed
 * responses and multiple responses").
 */
export const RESPONSE_URL_TTL_MS = 30 * 60_000;
export const RESPONSE_URL_USES = 5;

export interface ApiCall {
  method: string;
  args: Record<string, string>;
  authorization: string | undefined;
  at: number;
}

export interface ResponseUrlPost {
  path: string;
  body: Record<string, unknown>;
  at: number;
}

/**
 * A button click as Slack sends it: a `block_actions` interaction payload (docs.slack.dev/reference/
 * interaction-payloads/block_actions-payload): type, user, team, api_app_id, container (the
 * message's ts and channel), trigger_id, channel, message (as posted), response_url and actions[]
 * (action_id, block_id, text, value, type, action_ts).
 */
export interface BlockActionsPayload {
  type: "block_actions";
  user: { id: string; username: string; name: string; team_id: string };
  api_app_id: string;
  token: string;
  container: { type: "message"; message_ts: string; channel_id: string; is_ephemeral: boolean };
  trigger_id: string;
  team: { id: string; domain: string };
  enterprise: null;
  is_enterprise_install: boolean;
  channel: { id: string; name: string };
  message: Record<string, unknown>;
  state: { values: Record<string, unknown> };
  response_url: string;
  actions: {
    action_id: string;
    block_id: string;
    text: { type: "plain_text"; text: string; emoji?: boolean };
    value: string;
    style?: string;
    type: "button";
    action_ts: string;
  }[];
}

/** What a click's response_url did: redrew the message, or answered the clicker only. */
export interface InteractionResponse {
  kind: "replaced" | "ephemeral" | "in_channel";
  user: string;
  channel: string;
  messageTs: string;
  body: Record<string, unknown>;
}

/**
 * Slack's deadline to acknowledge an interaction: "you must respond with an HTTP 200 OK within 3
 * seconds" (docs.slack.dev/interactivity/handling-user-interaction, "Acknowledgment response"),
 * else the user sees an error on the button.
 */
export const INTERACTION_ACK_MS = 3000;

export interface SlashCommandAck {
  envelope_id: string;
  payload: Record<string, unknown>;
  receivedAfterMs: number;
}

/** A canned failure for the next calls of a method: an HTTP status (429 with Retry-After) or an `ok:false` error. */
export type Failure = { status: 429; retryAfter: number } | { status: 500 | 502 | 503 } | { error: string };

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  readonly acks: SlashCommandAck[] = [];
  readonly teamId: string;
  readonly botToken: string;
  readonly appToken: string;
  readonly admins: Set<string>;
  readonly owners: Set<string>;
  readonly scopes: Set<string>;
  /** What the bot posted and shared, and the channels it is (not) in. */
  readonly workspace: SlackWorkspace;
  /** Calls refused with 429, for assertions. */
  readonly rateLimited: { method: string; channel: string | undefined; retryAfter: number }[] = [];

  private readonly server: Server;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<WebSocket>();
  private readonly failures = new Map<string, Failure[]>();
  private readonly responseUrls = new Map<string, { issuedAt: number; uses: number }>();
  /** A click's response_url: the message it came from and who clicked. */
  private readonly clickUrls = new Map<string, { channel: string; ts: string; user: string }>();
  /** What click response_urls did, oldest first. */
  readonly interactions: InteractionResponse[] = [];
  private readonly limiter: SlackRateLimiter | undefined;
  private clockOffsetMs = 0;
  private frozenAt: number | undefined;
  private readonly waitingAcks = new Map<string, (ack: Record<string, unknown>) => void>();
  private commandCounter = 0;
  /** Runs after a Web API call took effect and before its answer is sent. */
  afterCall: ((method: string, result: Record<string, unknown>) => Promise<void> | void) | undefined;
  private port = 0;

  private constructor(options: FakeSlackOptions) {
    this.teamId = options.teamId ?? "T0FAKE0001";
    this.botToken = options.botToken ?? "xoxb-fake-bot-token";
    this.appToken = options.appToken ?? "xapp-1-fake-app-token";
    this.admins = new Set(options.admins ?? []);
    this.owners = new Set(options.owners ?? []);
    this.scopes = new Set(options.scopes ?? ALL_SCOPES);
    this.workspace = new SlackWorkspace(this.teamId, this.admins, this.owners, () => this.url);
    this.workspace.postAnywhere = options.lenient?.membership ?? false;
    for (const [user, locale] of Object.entries(options.locales ?? {}))
      this.workspace.locales.set(user, locale);
    for (const channel of options.channels ?? []) this.workspace.addChannel(channel);
    this.limiter = options.lenient?.rateLimits
      ? undefined
      : new SlackRateLimiter({ ...DEFAULT_POST_LIMITS, ...options.postLimits });
    this.server = createServer((req, res) => {
      this.route(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
        res.end(String(error));
      });
    });
    this.server.on("upgrade", (req, socket, head) => {
      if (!req.url?.startsWith("/link/")) return socket.destroy();
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onSocket(ws));
    });
  }

  static async start(options: FakeSlackOptions = {}): Promise<FakeSlack> {
    const fake = new FakeSlack(options);
    await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** chat.postMessage calls that went through, oldest first. */
  get messages(): PostedMessage[] {
    return this.workspace.messages;
  }

  /** Files shared through the three-step upload. */
  get files(): SharedFile[] {
    return this.workspace.files;
  }

  /** A conversation of the workspace, by id. */
  channel(id: string): SlackChannel | undefined {
    return this.workspace.channels.get(id);
  }

  addChannel(spec: ChannelSpec): SlackChannel {
    return this.workspace.addChannel(spec);
  }

  /** `/invite @bot` in that channel. */
  invite(channelId: string): void {
    this.workspace.invite(channelId);
  }

  /** The bot is removed from that channel. */
  kick(channelId: string): void {
    this.workspace.kick(channelId);
  }

  /** The fake's clock (ms): real time plus whatever a test advanced it by. */
  now(): number {
    return (this.frozenAt ?? Date.now()) + this.clockOffsetMs;
  }

  /** Stops the fake's clock (only advanceClock moves it), so "in the same second" holds on a busy machine. */
  freezeClock(): void {
    this.frozenAt = Date.now();
  }

  /** Moves the fake's clock forward (expiring response_urls, refilling rate limits) without waiting. */
  advanceClock(ms: number): void {
    this.clockOffsetMs += ms;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The Web API base a client is pointed at (`slackApiUrl`). */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** Makes the next `times` calls of `method` fail this way. */
  failNext(method: string, failure: Failure, times = 1): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...Array(times).fill(failure)]);
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** The form fields Slack sends for a slash command, with a response_url pointing at this fake. */
  slashCommandPayload(input: {
    text: string;
    user_id: string;
    channel_id: string;
    team_id?: string;
    command?: string;
  }): Record<string, string> {
    const n = ++this.commandCounter;
    const teamId = input.team_id ?? this.teamId;
    const responseUrl = `${this.url}/commands/${teamId}/${n}/${randomUUID().replace(/-/g, "")}`;
    this.responseUrls.set(new URL(responseUrl).pathname, { issuedAt: this.now(), uses: 0 });
    this.workspace.noticeChannel(input.channel_id);
    return {
      token: "deprecated-verification-token",
      team_id: teamId,
      team_domain: "fake-team",
      channel_id: input.channel_id,
      channel_name: "finance",
      user_id: input.user_id,
      user_name: `user-${input.user_id.toLowerCase()}`,
      command: input.command ?? "/balance",
      text: input.text,
      api_app_id: "A0FAKEAPP1",
      is_enterprise_install: "false",
      response_url: responseUrl,
      trigger_id: `${n}.${Date.now()}.fake`,
    };
  }

  /**
   * The payload of a click on the button labelled `label` of a message the bot posted, by `user_id`.
   * `value` overrides the button's value (a forged or tampered click); `team_id` another workspace.
   */
  clickPayload(input: {
    message: PostedMessage;
    label: string;
    user_id: string;
    team_id?: string;
    value?: string;
  }): BlockActionsPayload {
    const { message } = input;
    const block = (message.blocks ?? []).find((b) => (b as { type?: string }).type === "actions") as
      | {
          block_id?: string;
          elements: { action_id: string; text: { text: string }; value: string; style?: string }[];
        }
      | undefined;
    const button = block?.elements.find((e) => e.text.text === input.label);
    if (!block || !button) throw new Error(`fake Slack: no "${input.label}" button on message ${message.ts}`);
    const n = ++this.commandCounter;
    const teamId = input.team_id ?? this.teamId;
    const responseUrl = `${this.url}/actions/${teamId}/${n}/${randomUUID().replace(/-/g, "")}`;
    const path = new URL(responseUrl).pathname;
    this.responseUrls.set(path, { issuedAt: this.now(), uses: 0 });
    this.clickUrls.set(path, { channel: message.channel, ts: message.ts, user: input.user_id });
    const name = `user-${input.user_id.toLowerCase()}`;
    return {
      type: "block_actions",
      user: { id: input.user_id, username: name, name, team_id: teamId },
      api_app_id: "A0FAKEAPP1",
      token: "deprecated-verification-token",
      container: {
        type: "message",
        message_ts: message.ts,
        channel_id: message.channel,
        is_ephemeral: false,
      },
      trigger_id: `${n}.${Date.now()}.fake`,
      team: { id: teamId, domain: "fake-team" },
      enterprise: null,
      is_enterprise_install: false,
      channel: { id: message.channel, name: this.channel(message.channel)?.name ?? "finance" },
      message: {
        type: "message",
        bot_id: "B0BALANCEBOT",
        ts: message.ts,
        text: message.text ?? "",
        blocks: message.blocks ?? [],
        ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
      },
      state: { values: {} },
      response_url: responseUrl,
      actions: [
        {
          action_id: button.action_id,
          block_id: block.block_id ?? "fake-block",
          text: { type: "plain_text", text: button.text.text, emoji: true },
          value: input.value ?? button.value,
          ...(button.style ? { style: button.style } : {}),
          type: "button",
          action_ts: `${Date.now() / 1000}`,
        },
      ],
    };
  }

  /**
   * Pushes a click over Socket Mode (envelope type `interactive`) and resolves with the ack time.
   * Rejects when the ack misses Slack's 3 s (INTERACTION_ACK_MS): the user would see an error.
   */
  async sendBlockActions(payload: BlockActionsPayload): Promise<{ receivedAfterMs: number }> {
    const socket = [...this.sockets].at(-1);
    if (!socket) throw new Error("fake Slack: no Socket Mode client is connected");
    const envelopeId = randomUUID();
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waitingAcks.delete(envelopeId);
        reject(new Error(`fake Slack: the click was not acknowledged within ${INTERACTION_ACK_MS} ms`));
      }, INTERACTION_ACK_MS);
      this.waitingAcks.set(envelopeId, () => {
        clearTimeout(timer);
        resolve({ receivedAfterMs: performance.now() - started });
      });
      socket.send(
        JSON.stringify({
          envelope_id: envelopeId,
          type: "interactive",
          accepts_response_payload: false,
          payload,
        }),
      );
    });
  }

  /**
   * Pushes an `app_home_opened` event (Events API over Socket Mode: envelope type `events_api`,
   * payload an event_callback; docs.slack.dev/reference/events/app_home_opened) for `user`.
   */
  async sendAppHomeOpened(user: string): Promise<void> {
    const socket = [...this.sockets].at(-1);
    if (!socket) throw new Error("fake Slack: no Socket Mode client is connected");
    const envelopeId = randomUUID();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("fake Slack: the event was not acknowledged")), 3000);
      this.waitingAcks.set(envelopeId, () => {
        clearTimeout(timer);
        resolve();
      });
      socket.send(
        JSON.stringify({
          envelope_id: envelopeId,
          type: "events_api",
          accepts_response_payload: false,
          retry_attempt: 0,
          retry_reason: "",
          payload: {
            token: "deprecated-verification-token",
            team_id: this.teamId,
            api_app_id: "A0FAKEAPP1",
            type: "event_callback",
            event_id: `Ev${randomUUID().replace(/-/g, "").slice(0, 10)}`,
            event_time: Math.floor(Date.now() / 1000),
            event: {
              type: "app_home_opened",
              user,
              channel: `D0${user.slice(-8)}`,
              tab: "home",
              event_ts: `${Date.now() / 1000}`,
            },
            authorizations: [{ team_id: this.teamId, user_id: "U0BALANCEBOT", is_bot: true }],
          },
        }),
      );
    });
  }

  /** Resolves once a Socket Mode client has received `hello`. */
  /** Socket Mode connections open now (one per replica). */
  get socketCount(): number {
    return this.sockets.size;
  }

  async waitForSocket(timeoutMs = 5000): Promise<void> {
    await this.waitFor(() => this.sockets.size > 0, timeoutMs, "a Socket Mode connection");
  }

  /**
   * Pushes a `slash_commands` envelope over Socket Mode and resolves with the client's ack and how
   * long it took (Slack's deadline is 3000 ms; the fake waits longer so a test can measure).
   */
  sendSlashCommand(
    input: { text: string; user_id: string; channel_id: string; team_id?: string },
    options: { timeoutMs?: number } = {},
  ): Promise<SlashCommandAck & { response_url: string }> {
    const socket = [...this.sockets].at(-1);
    if (!socket) return Promise.reject(new Error("fake Slack: no Socket Mode client is connected"));
    const payload = this.slashCommandPayload(input);
    const envelopeId = randomUUID();
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waitingAcks.delete(envelopeId);
        reject(
          new Error(`fake Slack: no ack for envelope ${envelopeId} within ${options.timeoutMs ?? 10_000} ms`),
        );
      }, options.timeoutMs ?? 10_000);
      this.waitingAcks.set(envelopeId, (ack) => {
        clearTimeout(timer);
        const body = ack.payload as { blocks?: unknown } | undefined;
        const problems = body?.blocks !== undefined ? blockKitProblems(body.blocks) : [];
        if (problems.length > 0) {
          reject(new Error(`fake Slack: the ack carried invalid blocks: ${problems.join("; ")}`));
          return;
        }
        const result: SlashCommandAck = {
          envelope_id: envelopeId,
          payload: (ack.payload as Record<string, unknown> | undefined) ?? {},
          receivedAfterMs: performance.now() - started,
        };
        this.acks.push(result);
        resolve({ ...result, response_url: payload.response_url! });
      });
      socket.send(
        JSON.stringify({
          envelope_id: envelopeId,
          type: "slash_commands",
          accepts_response_payload: true,
          payload,
        }),
      );
    });
  }

  /** Posts to a response_url (path) recorded so far. */
  responsesTo(responseUrl: string): ResponseUrlPost[] {
    const path = new URL(responseUrl).pathname;
    return this.responses.filter((r) => r.path === path);
  }

  async waitFor(predicate: () => boolean, timeoutMs = 5000, what = "a condition"): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`fake Slack: timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async close(): Promise<void> {
    // Let a client that is shutting down finish its close handshake before the sockets go.
    await this.waitFor(() => this.sockets.size === 0, 1000).catch(() => {});
    for (const socket of this.sockets) socket.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on("close", () => this.sockets.delete(ws));
    ws.on("message", (data, isBinary) => {
      if (isBinary) return;
      let message: Record<string, unknown>;
      try {
        message = JSON.parse(String(data)) as Record<string, unknown>;
      } catch {
        return;
      }
      const id = typeof message.envelope_id === "string" ? message.envelope_id : undefined;
      const waiting = id ? this.waitingAcks.get(id) : undefined;
      if (id && waiting) {
        this.waitingAcks.delete(id);
        waiting(message);
      }
    });
    ws.send(
      JSON.stringify({
        type: "hello",
        num_connections: this.sockets.size,
        debug_info: { host: "fake-slack", approximate_connection_time: 18060 },
        connection_info: { app_id: "A0FAKEAPP1" },
      }),
    );
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", this.url).pathname;
    const raw = await readBody(req);
    if (req.method === "POST" && path.startsWith("/api/")) return this.api(path.slice(5), req, raw, res);
    if (req.method === "POST" && path.startsWith("/upload/v1/"))
      return this.workspace.upload(path.slice(11), req, raw, res);
    if (req.method === "POST" && (path.startsWith("/commands/") || path.startsWith("/actions/")))
      return this.responseUrl(path, req, raw, res);
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  }

  private async api(method: string, req: IncomingMessage, raw: Buffer, res: ServerResponse): Promise<void> {
    const args = parseApiArgs(req.headers["content-type"], raw);
    const authorization = req.headers.authorization;
    this.calls.push({ method, args, authorization, at: Date.now() });
    const json = (
      status: number,
      body: Record<string, unknown>,
      headers: Record<string, string> = {},
    ): void => {
      res
        .writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers })
        .end(JSON.stringify(body));
    };

    const queued = this.failures.get(method);
    const failure = queued?.shift();
    if (failure) {
      if ("error" in failure) return json(200, { ok: false, error: failure.error });
      if (failure.status === 429) {
        return json(429, { ok: false, error: "ratelimited" }, { "retry-after": String(failure.retryAfter) });
      }
      return void res
        .writeHead(failure.status, { "content-type": "text/html" })
        .end("<html>upstream error</html>");
    }

    const token = authorization?.startsWith("Bearer ") ? authorization.slice(7) : args.token;
    if (!token) return json(200, { ok: false, error: "not_authed" });
    if (method === "apps.connections.open") {
      if (!token.startsWith("xapp-")) return json(200, { ok: false, error: "not_allowed_token_type" });
      if (token !== this.appToken) return json(200, { ok: false, error: "invalid_auth" });
      return json(200, {
        ok: true,
        url: `ws://127.0.0.1:${this.port}/link/?ticket=${randomUUID()}&app_id=A0FAKEAPP1`,
      });
    }
    if (token.startsWith("xapp-")) return json(200, { ok: false, error: "not_allowed_token_type" });
    if (token !== this.botToken) return json(200, { ok: false, error: "invalid_auth" });
    const channel = args.channel ?? args.channel_id;
    const needed = neededScopes(method, this.workspace.kindOf(channel));
    if (needed && !needed.some((scope) => this.scopes.has(scope))) {
      // Web API "missing_scope" answers name what was needed and what the token has.
      return json(200, {
        ok: false,
        error: "missing_scope",
        needed: needed.join(","),
        provided: [...this.scopes].join(","),
      });
    }
    const wait = this.limiter?.admit(method, channel, this.now());
    if (wait !== undefined) {
      this.rateLimited.push({ method, channel, retryAfter: wait });
      return json(429, { ok: false, error: "ratelimited" }, { "retry-after": String(wait) });
    }
    const result = this.workspace.call(method, args);
    // Tests can hold the answer after Slack has done the work (a bot killed mid-request).
    if (this.afterCall) await this.afterCall(method, result);
    return json(200, result);
  }

  private responseUrl(path: string, req: IncomingMessage, raw: Buffer, res: ServerResponse): void {
    if (!(req.headers["content-type"] ?? "").startsWith("application/json")) {
      return void res.writeHead(400, { "content-type": "text/plain" }).end("invalid_payload");
    }
    const issued = this.responseUrls.get(path);
    if (!issued) return void res.writeHead(404, { "content-type": "text/plain" }).end("invalid_url");
    // Up to 5 uses within 30 minutes (RESPONSE_URL_TTL_MS); the answer texts are UNCERTAIN.
    if (this.now() - issued.issuedAt > RESPONSE_URL_TTL_MS) {
      return void res.writeHead(404, { "content-type": "text/plain" }).end("expired_url");
    }
    issued.uses += 1;
    if (issued.uses > RESPONSE_URL_USES)
      return void res.writeHead(404, { "content-type": "text/plain" }).end("used_url");
    const body = JSON.parse(raw.toString("utf8") || "{}") as Record<string, unknown>;
    if (body.blocks !== undefined && blockKitProblems(body.blocks).length > 0) {
      return void res.writeHead(400, { "content-type": "text/plain" }).end("invalid_blocks");
    }
    this.responses.push({ path, body, at: this.now() });
    const click = this.clickUrls.get(path);
    if (click) {
      // A click's response_url either redraws the message (replace_original: true) or, as an
      // ephemeral, answers only the clicker (docs.slack.dev/interactivity/handling-user-interaction,
      // "Responding to interactions"); replace_original must be a boolean.
      if (body.replace_original !== undefined && typeof body.replace_original !== "boolean") {
        return void res.writeHead(400, { "content-type": "text/plain" }).end("invalid_payload");
      }
      const replace = body.replace_original === true;
      if (replace) {
        const original = this.workspace.messages.find(
          (m) => m.channel === click.channel && m.ts === click.ts,
        );
        if (!original)
          return void res.writeHead(404, { "content-type": "text/plain" }).end("message_not_found");
        original.text = typeof body.text === "string" ? body.text : original.text;
        original.blocks = Array.isArray(body.blocks) ? body.blocks : original.blocks;
      }
      this.interactions.push({
        kind: replace ? "replaced" : body.response_type === "in_channel" ? "in_channel" : "ephemeral",
        user: click.user,
        channel: click.channel,
        messageTs: click.ts,
        body,
      });
    }
    res.writeHead(200, { "content-type": "text/plain" }).end("ok");
  }
}
