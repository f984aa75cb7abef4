import type { IncomingMessage, ServerResponse } from "node:http";
import { blockKitProblems } from "./slack-blocks.ts";
import { parseMultipart } from "./slack-wire.ts";

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

interface PendingUpload {
  fileId: string;
  filename: string;
  length: number;
  bytes?: Buffer;
}

/**
 * The workspace behind the fake Web API: what the bot posted, the files it shared, who is an
 * admin, and which channels the bot is missing from. Answers the bot-token methods.
 */
export class SlackWorkspace {
  readonly messages: PostedMessage[] = [];
  readonly files: SharedFile[] = [];
  /** Channels where posting answers not_in_channel. */
  readonly notInChannel = new Set<string>();
  /** Channels that do not exist. */
  readonly missingChannels = new Set<string>();
  private readonly uploads = new Map<string, PendingUpload>();
  private tsCounter = 100;
  private fileCounter = 0;

  constructor(
    readonly teamId: string,
    readonly admins: Set<string>,
    readonly owners: Set<string>,
    private readonly baseUrl: () => string,
  ) {}

  call(method: string, args: Record<string, string>): Record<string, unknown> {
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
        return { ok: true, upload_url: `${this.baseUrl()}/upload/v1/${fileId}`, file_id: fileId };
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

  upload(fileId: string, req: IncomingMessage, raw: Buffer, res: ServerResponse): void {
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
}
