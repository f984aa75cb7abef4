import type { Reply, Sent } from "./discord-http.ts";
import {
  INITIAL_RESPONSE_DEADLINE_MS,
  type InteractionEvent,
  type InteractionRecord,
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
import { isEmptyMessage } from "./discord-rules.ts";

/** An interaction still accepting responses, by token. */
export interface Pending {
  record: InteractionRecord;
  acknowledged: boolean;
  deferred: boolean;
  /** Called when a final answer arrived; resolves sendInteraction after a short settle. */
  finish: () => void;
}

/** Who the fake answers as, and its clock (performance timeline, advanceable by tests). */
export interface ResponderContext {
  bot: { id: string; username: string };
  applicationId: string;
  now: () => number;
}

/**
 * receiving-and-responding.mdx: "Interaction tokens are valid for 15 minutes". Discord then
 * answers the webhook routes 401 with 50027 Invalid Webhook Token (code from
 * opcodes-and-status-codes.mdx; that this is the answer to an expired token is UNCERTAIN).
 */
export const INTERACTION_TOKEN_TTL_MS = 15 * 60_000;

/** POST /interactions/:id/:token/callback: the initial response, due within 3 s. */
export function answerCallback(
  ctx: ResponderContext,
  pending: Pending | undefined,
  body: Json,
  files: FakeFile[],
  withResponse: boolean,
  reply: Reply,
): Sent {
  if (!pending) return reply(404, apiError(10062, "Unknown interaction"));
  const { record } = pending;
  const at = ctx.now() - record.sentAt;
  const type = Number(body?.type);
  const data = (body?.data ?? {}) as Json;
  const event: InteractionEvent = { at, kind: "callback", status: 204, type, data, files };
  record.events.push(event);
  const fail = (status: number, code: number, message: string): Sent => {
    event.status = status;
    event.error = message;
    return reply(status, apiError(code, message));
  };
  if (at > INITIAL_RESPONSE_DEADLINE_MS) return fail(404, 10062, "Unknown interaction");
  if (pending.acknowledged) return fail(400, 40060, "Interaction has already been acknowledged.");
  if (type === 8) {
    if (!record.autocomplete) return fail(400, 50035, "Invalid Form Body");
    const choices = (data.choices ?? []) as { name: string; value: string | number }[];
    if (choices.length > 25) return fail(400, 50035, "Invalid Form Body");
    pending.acknowledged = true;
    record.choices = choices;
    pending.finish();
    return reply(204);
  }
  // receiving-and-responding.mdx: 6 DEFERRED_UPDATE_MESSAGE and 7 UPDATE_MESSAGE are "only valid
  // for component-based interactions"; they act on the message the component is on.
  if (record.component && (type === 6 || type === 7)) {
    const problems = type === 7 ? messageProblems(data) : [];
    if (problems.length > 0) return fail(400, 50035, `Invalid Form Body: ${problems.join("; ")}`);
    pending.acknowledged = true;
    pending.deferred = type === 6;
    if (type === 7 && record.original) {
      if (Array.isArray(data.embeds)) record.original.embeds = data.embeds as Json[];
      if (Array.isArray(data.components)) record.original.components = data.components as Json[];
      if (typeof data.content === "string") record.original.content = data.content;
      pending.finish();
    }
    return reply(204);
  }
  if (type !== 4 && type !== 5) return fail(400, 50035, "Invalid Form Body");
  if (type === 4 && isEmptyMessage(data, files)) return fail(400, 50006, "Cannot send an empty message");
  const problems = type === 4 ? messageProblems(data) : [];
  if (problems.length > 0) return fail(400, 50035, `Invalid Form Body: ${problems.join("; ")}`);
  pending.acknowledged = true;
  pending.deferred = type === 5;
  record.original = newMessage(record.payload.channel_id as string, data, files, type === 5);
  if (type === 4) pending.finish();
  if (!withResponse) return reply(204);
  return reply(200, {
    interaction: {
      id: record.id,
      type: 2,
      response_message_id: record.original.id,
      response_message_loading: type === 5,
      response_message_ephemeral: (record.original.flags & 64) !== 0,
    },
    resource: { type, message: messageObject(record.original, ctx.bot, ctx.applicationId) },
  });
}

/** /webhooks/:app/:token (follow-ups) and /webhooks/:app/:token/messages/@original (GET, PATCH, DELETE). */
export function answerWebhook(
  ctx: ResponderContext,
  pending: Pending | undefined,
  request: { method: string; messages: string | undefined; target: string | undefined },
  body: Json,
  files: FakeFile[],
  reply: Reply,
): Sent {
  const { method, messages, target } = request;
  if (!pending) return reply(404, apiError(10015, "Unknown Webhook"));
  const { record } = pending;
  const at = ctx.now() - record.sentAt;
  const channelId = record.payload.channel_id as string;
  if (at > INTERACTION_TOKEN_TTL_MS) {
    record.events.push({ at, kind: "followup", status: 401, files, error: "Invalid Webhook Token" });
    return reply(401, apiError(50027, "Invalid Webhook Token"));
  }
  if (!messages) {
    if (method !== "POST") return reply(405, apiError(0, "405: Method Not Allowed"));
    const problems = messageProblems(body);
    const event: InteractionEvent = { at, kind: "followup", status: 200, data: body, files };
    record.events.push(event);
    if (!pending.acknowledged) return reply(404, apiError(10015, "Unknown Webhook"));
    if (isEmptyMessage(body, files)) {
      event.status = 400;
      return reply(400, apiError(50006, "Cannot send an empty message"));
    }
    if (problems.length > 0) {
      event.status = 400;
      return reply(400, apiError(50035, `Invalid Form Body: ${problems.join("; ")}`));
    }
    const message = newMessage(channelId, body, files, false);
    record.followups.push(message);
    pending.finish();
    return reply(200, messageObject(message, ctx.bot, ctx.applicationId));
  }
  const original = record.original;
  const kind = method === "PATCH" ? "edit" : method === "DELETE" ? "delete" : "get";
  const event: InteractionEvent = {
    at,
    kind,
    status: 200,
    files,
    ...(method === "PATCH" && { data: body }),
  };
  record.events.push(event);
  const isOriginal = target === "@original" || target === original?.id;
  if (!original || original.deleted || !isOriginal) {
    event.status = 404;
    return reply(404, apiError(10008, "Unknown Message"));
  }
  if (method === "DELETE") {
    original.deleted = true;
    event.status = 204;
    return reply(204);
  }
  if (method === "PATCH") {
    // The edited message must still say something (50006 otherwise).
    const after = {
      content: typeof body.content === "string" ? body.content : original.content,
      embeds: Array.isArray(body.embeds) ? body.embeds : original.embeds,
    };
    const keptFiles =
      files.length > 0 ||
      (Array.isArray(body.attachments) ? body.attachments.length > 0 : original.files.length > 0);
    if (!keptFiles && isEmptyMessage(after, [])) {
      event.status = 400;
      return reply(400, apiError(50006, "Cannot send an empty message"));
    }
    const problems = messageProblems(body);
    if (problems.length > 0) {
      event.status = 400;
      return reply(400, apiError(50035, `Invalid Form Body: ${problems.join("; ")}`));
    }
    if (typeof body.content === "string") original.content = body.content;
    if (Array.isArray(body.embeds)) original.embeds = body.embeds as Json[];
    if (Array.isArray(body.components)) original.components = body.components as Json[];
    if (files.length > 0 || Array.isArray(body.attachments)) original.files = files;
    original.loading = false;
    pending.finish();
  }
  return reply(200, messageObject(original, ctx.bot, ctx.applicationId));
}

/** A message as the fake stores it, from a create/callback body. */
export function newMessage(channelId: string, data: Json, files: FakeFile[], loading: boolean): FakeMessage {
  return {
    id: snowflake(),
    channelId,
    content: typeof data.content === "string" ? data.content : "",
    embeds: Array.isArray(data.embeds) ? (data.embeds as Json[]) : [],
    ...(Array.isArray(data.components) && data.components.length > 0
      ? { components: data.components as Json[] }
      : {}),
    flags: Number(data.flags ?? 0),
    files,
    createdAt: Date.now(),
    ...(loading && { loading }),
  };
}
