import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";
import { blockKitProblems } from "./slack-blocks.ts";
import { parseApiArgs, parseMultipart, readBody } from "./slack-wire.ts";

export { signedSlashCommandRequest, signSlackRequest } from "./slack-wire.ts";

/**
 * A loopback Slack for end-to-end tests, written from reference/chat-platforms.md §1–8: the Web API
 * under /api/<method>, the three-step file upload, response_url endpoints and a Socket Mode
 * WebSocket on the same port. Everything the bot sends is recorded for assertions.
 */
export interface FakeSlackOptions {
  teamId?: string;
  botToken?: string;
  appToken?: string;
  /** Users whose users.info says is_admin. */
  admins?: string[];
  /** Users whose users.info says is_owner. */
  owners?: string[];
}

export interface ApiCall {
  method: string;
  args: Record<string, string>;
  authorization: string | undefined;
  at: number;
}

export interface PostedMessage {
  channel: string;
  ts: string;
  text: string | undefined;
  blocks: unknown[] | undefined;
  metadata: { event_type: string; event_payload: Record<string, unknown> } | undefined;
  threadTs: string | undefined;
  teamId: string | undefined;
}

export interface SharedFile {
  fileId: string;
  filename: string;
  title: string | undefined;
  bytes: Buffer;
  channelId: string | undefined;
  threadTs: string | undefined;
  initialComment: string | undefined;
}

export interface ResponseUrlPost {
  path: string;
  body: Record<string, unknown>;
  at: number;
}

export interface SlashCommandAck {
  envelope_id: string;
  payload: Record<string, unknown>;
  receivedAfterMs: number;
}

/** A canned failure for the next calls of a method: an HTTP status (429 with Retry-After) or an `ok:false` error. */
export type Failure = { status: 429; retryAfter: number } | { status: 500 | 502 | 503 } | { error: string };

interface PendingUpload {
  fileId: string;
  filename: string;
  length: number;
  bytes?: Buffer;
}

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly messages: PostedMessage[] = [];
  readonly files: SharedFile[] = [];
  readonly responses: ResponseUrlPost[] = [];
  readonly acks: SlashCommandAck[] = [];
  /** Channels where chat.postMessage answers not_in_channel. */
  readonly notInChannel = new Set<string>();
  /** Channels that do not exist. */
  readonly missingChannels = new Set<string>();
  readonly teamId: string;
  readonly botToken: string;
  readonly appToken: string;
  readonly admins: Set<string>;
  readonly owners: Set<string>;

  private readonly server: Server;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<WebSocket>();
  private readonly failures = new Map<string, Failure[]>();
  private readonly uploads = new Map<string, PendingUpload>();
  private readonly responseUrlUses = new Map<string, number>();
  private readonly waitingAcks = new Map<string, (ack: Record<string, unknown>) => void>();
  private tsCounter = 100;
  private fileCounter = 0;
  private commandCounter = 0;
  private port = 0;

  private constructor(options: FakeSlackOptions) {
    this.teamId = options.teamId ?? "T0FAKE0001";
    this.botToken = options.botToken ?? "xoxb-fake-bot-token";
    this.appToken = options.appToken ?? "xapp-1-fake-app-token";
    this.admins = new Set(options.admins ?? []);
    this.owners = new Set(options.owners ?? []);
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
      response_url: `${this.url}/commands/${teamId}/${n}/${randomUUID().replace(/-/g, "")}`,
      trigger_id: `${n}.${Date.now()}.fake`,
    };
  }

  /** Resolves once a Socket Mode client has received `hello`. */
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
      return this.upload(path.slice(11), req, raw, res);
    if (req.method === "POST" && path.startsWith("/commands/")) return this.responseUrl(path, req, raw, res);
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
    return json(200, this.botMethod(method, args));
  }

  private botMethod(method: string, args: Record<string, string>): Record<string, unknown> {
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          url: "https://fake-team.slack.com/",
          team: "Fake Team",
          user: "balance-bot",
          team_id: this.teamId,
          user_id: "U0BALANCEBOT",
          bot_id: "B0BALANCEBOT",
          is_enterprise_install: false,
        };
      case "users.info": {
        const id = args.user;
        if (!id) return { ok: false, error: "user_not_found" };
        const isOwner = this.owners.has(id);
        return {
          ok: true,
          user: {
            id,
            team_id: this.teamId,
            name: `user-${id.toLowerCase()}`,
            deleted: false,
            is_admin: this.admins.has(id) || isOwner,
            is_owner: isOwner,
            is_primary_owner: false,
            is_bot: false,
          },
        };
      }
      case "chat.postMessage":
        return this.postMessage(args);
      case "conversations.history":
        return this.history(args);
      case "files.getUploadURLExternal": {
        const length = Number(args.length);
        if (!args.filename || !Number.isInteger(length) || length <= 0)
          return { ok: false, error: "invalid_arguments" };
        const fileId = `F0FAKE${String(++this.fileCounter).padStart(4, "0")}`;
        this.uploads.set(fileId, { fileId, filename: args.filename, length });
        return { ok: true, upload_url: `${this.url}/upload/v1/${fileId}`, file_id: fileId };
      }
      case "files.completeUploadExternal":
        return this.completeUpload(args);
      default:
        return { ok: false, error: "unknown_method" };
    }
  }

  private channelProblem(channel: string | undefined): string | undefined {
    if (!channel) return "channel_not_found";
    if (this.missingChannels.has(channel)) return "channel_not_found";
    if (this.notInChannel.has(channel)) return "not_in_channel";
    return undefined;
  }

  private postMessage(args: Record<string, string>): Record<string, unknown> {
    const problem = this.channelProblem(args.channel);
    if (problem) return { ok: false, error: problem };
    let blocks: unknown[] | undefined;
    let metadata: PostedMessage["metadata"];
    try {
      blocks = args.blocks ? (JSON.parse(args.blocks) as unknown[]) : undefined;
    } catch {
      return { ok: false, error: "invalid_blocks_format" };
    }
    if (blocks) {
      const problems = blockKitProblems(blocks);
      if (problems.length > 0) return { ok: false, error: "invalid_blocks", errors: problems };
    }
    if (!args.text && !blocks) return { ok: false, error: "no_text" };
    if (args.metadata) {
      try {
        metadata = JSON.parse(args.metadata) as PostedMessage["metadata"];
      } catch {
        return { ok: false, error: "invalid_metadata_format" };
      }
      if (
        !metadata ||
        typeof metadata.event_type !== "string" ||
        typeof metadata.event_payload !== "object"
      ) {
        return { ok: false, error: "invalid_metadata_schema" };
      }
    }
    const ts = `1700000000.${String(++this.tsCounter).padStart(6, "0")}`;
    const message: PostedMessage = {
      channel: args.channel!,
      ts,
      text: args.text,
      blocks,
      metadata,
      threadTs: args.thread_ts,
      teamId: args.team_id,
    };
    this.messages.push(message);
    return {
      ok: true,
      channel: message.channel,
      ts,
      message: { type: "message", bot_id: "B0BALANCEBOT", ts, text: message.text ?? "", blocks },
    };
  }

  private history(args: Record<string, string>): Record<string, unknown> {
    const problem = this.channelProblem(args.channel);
    if (problem) return { ok: false, error: problem };
    const withMetadata = args.include_all_metadata === "true" || args.include_all_metadata === "1";
    const limit = Math.min(Number(args.limit) || 100, 999);
    const messages = this.messages
      .filter((m) => m.channel === args.channel && !m.threadTs)
      .reverse()
      .slice(0, limit)
      .map((m) => ({
        type: "message",
        bot_id: "B0BALANCEBOT",
        ts: m.ts,
        text: m.text ?? "",
        ...(m.blocks ? { blocks: m.blocks } : {}),
        ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}),
      }));
    return { ok: true, messages, has_more: false, pin_count: 0 };
  }

  private completeUpload(args: Record<string, string>): Record<string, unknown> {
    let files: { id: string; title?: string }[];
    try {
      files = JSON.parse(args.files ?? "[]") as { id: string; title?: string }[];
    } catch {
      return { ok: false, error: "invalid_arguments" };
    }
    if (args.channel_id) {
      const problem = this.channelProblem(args.channel_id);
      if (problem) return { ok: false, error: problem };
    }
    const done: Record<string, unknown>[] = [];
    for (const file of files) {
      const upload = this.uploads.get(file.id);
      if (!upload?.bytes) return { ok: false, error: "file_not_found" };
      if (upload.bytes.length !== upload.length) return { ok: false, error: "file_upload_size_mismatch" };
      this.uploads.delete(file.id);
      this.files.push({
        fileId: file.id,
        filename: upload.filename,
        title: file.title,
        bytes: upload.bytes,
        channelId: args.channel_id,
        threadTs: args.thread_ts,
        initialComment: args.initial_comment,
      });
      done.push({ id: file.id, title: file.title ?? upload.filename, name: upload.filename });
    }
    return { ok: true, files: done };
  }

  private upload(fileId: string, req: IncomingMessage, raw: Buffer, res: ServerResponse): void {
    const pending = this.uploads.get(fileId);
    if (!pending)
      return void res.writeHead(404, { "content-type": "text/plain" }).end("upload url not found");
    const type = req.headers["content-type"] ?? "";
    // Slack accepts the raw bytes or a multipart body; the SDK sends one part named "body".
    const bytes = type.startsWith("multipart/form-data")
      ? (parseMultipart(type, raw).find((p) => p.filename !== undefined)?.data ?? Buffer.alloc(0))
      : raw;
    pending.bytes = bytes;
    res.writeHead(200, { "content-type": "text/plain" }).end(`OK - ${bytes.length}`);
  }

  private responseUrl(path: string, req: IncomingMessage, raw: Buffer, res: ServerResponse): void {
    if (!(req.headers["content-type"] ?? "").startsWith("application/json")) {
      return void res.writeHead(400, { "content-type": "text/plain" }).end("invalid_payload");
    }
    // Slack lets a response_url be used 5 times.
    const uses = (this.responseUrlUses.get(path) ?? 0) + 1;
    this.responseUrlUses.set(path, uses);
    if (uses > 5) return void res.writeHead(404, { "content-type": "text/plain" }).end("used_url");
    const body = JSON.parse(raw.toString("utf8") || "{}") as Record<string, unknown>;
    if (body.blocks !== undefined && blockKitProblems(body.blocks).length > 0) {
      return void res.writeHead(400, { "content-type": "text/plain" }).end("invalid_blocks");
    }
    this.responses.push({ path, body, at: Date.now() });
    res.writeHead(200, { "content-type": "text/plain" }).end("ok");
  }
}
