import type { IncomingMessage, ServerResponse } from "node:http";
import { blockKitProblems } from "./slack-blocks.ts";
import type { ConversationKind } from "./slack-rules.ts";
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

/** A conversation the fake workspace knows, and whether the bot is in it. */
export interface SlackChannel {
  id: string;
  name: string;
  kind: ConversationKind;
  botIsMember: boolean;
  archived: boolean;
}

/** How a test declares a channel: public unless `private`, the bot outside it unless `member`. */
export interface ChannelSpec {
  id: string;
  name?: string;
  private?: boolean;
  member?: boolean;
  archived?: boolean;
}

interface PendingUpload {
  fileId: string;
  filename: string;
  length: number;
  bytes?: Buffer;
}

/**
 * The workspace behind the fake Web API: its conversations (and which the bot is in), what the
 * bot posted, the files it shared and who is an admin. Answers the bot-token methods.
 */
export class SlackWorkspace {
  readonly messages: PostedMessage[] = [];
  readonly files: SharedFile[] = [];
  readonly channels = new Map<string, SlackChannel>();
  /** Leniency a test asked for: the bot may post where it is not a member (like chat:write.public). */
  postAnywhere = false;
  /** Each user's Slack locale, as users.info tells it with include_locale (default en-US). */
  readonly locales = new Map<string, string>();
  private readonly uploads = new Map<string, PendingUpload>();
  private tsCounter = 100;
  private fileCounter = 0;

  constructor(
    readonly teamId: string,
    readonly admins: Set<string>,
    readonly owners: Set<string>,
    private readonly baseUrl: () => string,
  ) {}

  addChannel(spec: ChannelSpec): SlackChannel {
    const isDm = spec.id.startsWith("D");
    const channel: SlackChannel = {
      id: spec.id,
      name: spec.name ?? spec.id.toLowerCase(),
      kind: isDm ? "im" : spec.private ? "private" : "public",
      botIsMember: spec.member ?? false,
      archived: spec.archived ?? false,
    };
    this.channels.set(spec.id, channel);
    return channel;
  }

  /** A channel someone typed a command in exists; an unknown one becomes public (or a DM), bot outside. */
  noticeChannel(id: string): void {
    if (!this.channels.has(id)) this.addChannel({ id });
  }

  /** `/invite @bot` in that channel. */
  invite(id: string): void {
    const channel = this.channels.get(id) ?? this.addChannel({ id });
    channel.botIsMember = true;
  }

  /** The bot was removed from the channel (`/remove @bot`, or an admin kicked it). */
  kick(id: string): void {
    const channel = this.channels.get(id);
    if (channel) channel.botIsMember = false;
  }

  /** The kind of a conversation the bot can see, for scope checks. */
  kindOf(id: string | undefined): ConversationKind | undefined {
    const channel = id ? this.channels.get(id) : undefined;
    return channel && this.visible(channel) ? channel.kind : undefined;
  }

  /** Home tabs published with views.publish, oldest first. */
  readonly homeViews: { userId: string; blocks: unknown[] }[] = [];

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
            // "Set this to true to receive the locale for this user" (users.info, include_locale):
            // without it the field is absent.
            ...(args.include_locale === "true" || args.include_locale === "1"
              ? { locale: this.locales.get(id) ?? "en-US" }
              : {}),
          },
        };
      }
      case "chat.postMessage":
        return this.postMessage(args);
      case "conversations.history":
        return this.history(args);
      case "conversations.info":
        return this.info(args);
      case "conversations.join":
        return this.join(args);
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
      case "views.publish": {
        // docs.slack.dev/reference/methods/views.publish: user_id and a view of type "home";
        // a Home tab holds up to 100 blocks.
        let view: { type?: string; blocks?: unknown[] } | undefined;
        try {
          view = args.view ? (JSON.parse(args.view) as typeof view) : undefined;
        } catch {
          return { ok: false, error: "invalid_arguments" };
        }
        if (!args.user_id || view?.type !== "home" || !Array.isArray(view.blocks))
          return { ok: false, error: "invalid_arguments" };
        if (view.blocks.length > 100) return { ok: false, error: "invalid_arguments" };
        this.homeViews.push({ userId: args.user_id, blocks: view.blocks });
        return {
          ok: true,
          view: { id: `V0HOME${this.homeViews.length}`, type: "home", blocks: view.blocks },
        };
      }
      default:
        return { ok: false, error: "unknown_method" };
    }
  }

  /**
   * Private channels and other people's DMs are invisible to a bot outside them: Slack answers
   * channel_not_found (chat.postMessage, conversations.info docs).
   */
  private visible(channel: SlackChannel): boolean {
    return channel.botIsMember || channel.kind === "public";
  }

  /**
   * chat.postMessage "Errors": channel_not_found for an unknown or invisible conversation,
   * not_in_channel for a public channel the bot is not in, is_archived for an archived one
   * (docs.slack.dev/reference/methods/chat.postMessage).
   */
  private channelProblem(id: string | undefined): string | undefined {
    const channel = id ? this.channels.get(id) : undefined;
    if (!channel) return "channel_not_found";
    if (this.postAnywhere && channel.kind === "public") return channel.archived ? "is_archived" : undefined;
    if (!this.visible(channel)) return "channel_not_found";
    if (!channel.botIsMember) return "not_in_channel";
    if (channel.archived) return "is_archived";
    return undefined;
  }

  private channelObject(channel: SlackChannel): Record<string, unknown> {
    return {
      id: channel.id,
      name: channel.name,
      is_channel: channel.kind === "public" || channel.kind === "private",
      is_group: false,
      is_im: channel.kind === "im",
      is_mpim: channel.kind === "mpim",
      is_private: channel.kind !== "public",
      is_archived: channel.archived,
      is_member: channel.botIsMember,
    };
  }

  /** conversations.info: channel_not_found for what the bot cannot see (docs.slack.dev/reference/methods/conversations.info). */
  private info(args: Record<string, string>): Record<string, unknown> {
    const channel = args.channel ? this.channels.get(args.channel) : undefined;
    if (!channel || !this.visible(channel)) return { ok: false, error: "channel_not_found" };
    return { ok: true, channel: this.channelObject(channel) };
  }

  /**
   * conversations.join: public channels only (method_not_supported_for_channel_type otherwise),
   * is_archived, and `warning: already_in_channel` when already in (docs.slack.dev/reference/methods/conversations.join).
   */
  private join(args: Record<string, string>): Record<string, unknown> {
    const channel = args.channel ? this.channels.get(args.channel) : undefined;
    if (!channel || !this.visible(channel)) return { ok: false, error: "channel_not_found" };
    if (channel.kind !== "public") return { ok: false, error: "method_not_supported_for_channel_type" };
    if (channel.archived) return { ok: false, error: "is_archived" };
    const already = channel.botIsMember;
    channel.botIsMember = true;
    return {
      ok: true,
      channel: this.channelObject(channel),
      ...(already && {
        warning: "already_in_channel",
        response_metadata: { warnings: ["already_in_channel"] },
      }),
    };
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
