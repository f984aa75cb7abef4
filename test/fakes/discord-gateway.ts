import type { Server } from "node:http";
import { type WebSocket, WebSocketServer } from "ws";
import type { Json } from "./discord-payloads.ts";
import { DEFAULT_BOT_PERMISSIONS, type FakeOverwrite, overwriteObject } from "./discord-permissions.ts";

/** A text channel of a fake guild; `overwrites` change what the bot may do there. */
export interface FakeChannel {
  id: string;
  name: string;
  overwrites?: FakeOverwrite[];
}

/** A guild the fake serves, with its text channels and what the bot's role was granted. */
export interface FakeGuild {
  id: string;
  name: string;
  ownerId: string;
  channels: FakeChannel[];
  /** @everyone's permissions (default 0: the bot's own role carries what it needs). */
  everyonePermissions?: bigint;
  /** The bot's managed role, as the invite granted it (default: view, send, embed, attach, history, commands). */
  botPermissions?: bigint;
}

/** The bot's managed role id in a guild (stable per guild, a valid snowflake). */
export function botRoleIdOf(guild: FakeGuild): string {
  return (BigInt(guild.id) + 1n).toString();
}

interface Session {
  socket: WebSocket;
  seq: number;
  ready: boolean;
}

/**
 * The gateway half of the fake (reference §10): HELLO → IDENTIFY → READY → GUILD_CREATE per
 * guild, heartbeat ACKs, and dispatches to every identified session. Plain JSON frames (no
 * zlib-sync), on the same port as REST.
 */
export class FakeGateway {
  readonly identifies: Json[] = [];
  private readonly wss: WebSocketServer;
  private readonly sessions = new Set<Session>();
  private readyWaiters: (() => void)[] = [];

  constructor(
    server: Server,
    private readonly state: {
      token: string;
      applicationId: string;
      bot: { id: string; username: string };
      guilds: FakeGuild[];
      url: () => string;
    },
  ) {
    this.wss = new WebSocketServer({ server });
    this.wss.on("connection", (socket) => this.accept(socket));
  }

  /** Resolves once some client has identified and received READY. */
  whenReady(): Promise<void> {
    if ([...this.sessions].some((s) => s.ready)) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Sends one dispatch (op 0) to every ready session; returns how many received it. */
  dispatch(event: string, data: Json): number {
    let sent = 0;
    for (const session of this.sessions) {
      if (!session.ready) continue;
      this.send(session, { op: 0, t: event, s: ++session.seq, d: data });
      sent++;
    }
    return sent;
  }

  close(): Promise<void> {
    for (const session of this.sessions) session.socket.terminate();
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }

  private accept(socket: WebSocket): void {
    const session: Session = { socket, seq: 0, ready: false };
    this.sessions.add(session);
    socket.on("close", () => this.sessions.delete(session));
    socket.on("message", (raw) => this.receive(session, raw.toString()));
    this.send(session, { op: 10, d: { heartbeat_interval: 45_000 }, s: null, t: null });
  }

  private receive(session: Session, raw: string): void {
    let frame: { op?: number; d?: unknown };
    try {
      frame = JSON.parse(raw) as { op?: number; d?: unknown };
    } catch {
      session.socket.close(4002, "Decode error");
      return;
    }
    switch (frame.op) {
      case 1:
        this.send(session, { op: 11, d: null, s: null, t: null });
        return;
      case 2:
        this.identify(session, frame.d as Json);
        return;
      case 6:
        // No resumable sessions: tell the client to identify again.
        this.send(session, { op: 9, d: false, s: null, t: null });
        return;
      default:
        return;
    }
  }

  private identify(session: Session, data: Json): void {
    this.identifies.push(data);
    const token = String(data.token ?? "").replace(/^Bot /, "");
    if (token !== this.state.token) {
      session.socket.close(4004, "Authentication failed.");
      return;
    }
    const { bot, applicationId, guilds } = this.state;
    this.send(session, {
      op: 0,
      t: "READY",
      s: ++session.seq,
      d: {
        v: 10,
        user: {
          id: bot.id,
          username: bot.username,
          discriminator: "0000",
          global_name: null,
          avatar: null,
          bot: true,
          flags: 0,
        },
        guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
        session_id: `session-${session.seq}-${Date.now()}`,
        resume_gateway_url: this.state.url(),
        shard: [0, 1],
        application: { id: applicationId, flags: 0 },
      },
    });
    session.ready = true;
    for (const guild of guilds) {
      this.send(session, { op: 0, t: "GUILD_CREATE", s: ++session.seq, d: guildCreate(guild, bot) });
    }
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private send(session: Session, frame: Json): void {
    if (session.socket.readyState === session.socket.OPEN) session.socket.send(JSON.stringify(frame));
  }
}

function guildCreate(guild: FakeGuild, bot: { id: string; username: string }): Json {
  const ids = { guildId: guild.id, botRoleId: botRoleIdOf(guild), botId: bot.id };
  return {
    id: guild.id,
    name: guild.name,
    unavailable: false,
    owner_id: guild.ownerId,
    roles: [
      {
        id: guild.id,
        name: "@everyone",
        permissions: String(guild.everyonePermissions ?? 0n),
        position: 0,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
      },
      {
        id: ids.botRoleId,
        name: bot.username,
        permissions: String(guild.botPermissions ?? DEFAULT_BOT_PERMISSIONS),
        position: 1,
        color: 0,
        hoist: false,
        managed: true,
        mentionable: false,
        flags: 0,
        tags: { bot_id: bot.id },
      },
    ],
    channels: guild.channels.map((c, position) => ({
      id: c.id,
      type: 0,
      name: c.name,
      position,
      permission_overwrites: (c.overwrites ?? []).map((o) => overwriteObject(o, ids)),
      nsfw: false,
      parent_id: null,
    })),
    // The bot's own member, as discord.js needs for guild.members.me. UNCERTAIN that Discord always sends
    // it without the GuildMembers intent; the adapter falls back to app_permissions when it is absent.
    members: [
      {
        user: { id: bot.id, username: bot.username, discriminator: "0000", avatar: null, bot: true },
        roles: [ids.botRoleId],
        joined_at: "2026-01-01T00:00:00.000Z",
        deaf: false,
        mute: false,
        flags: 0,
      },
    ],
    threads: [],
    presences: [],
    voice_states: [],
    emojis: [],
    stickers: [],
    features: [],
    member_count: 2,
    joined_at: "2026-01-01T00:00:00.000Z",
    large: false,
  };
}
