/** Payload builders and Discord's message checks for the fake Discord (reference §10–§12). */

export type Json = Record<string, unknown>;

/** A file received in a multipart body. */
export interface FakeFile {
  field: string;
  name: string;
  contentType: string;
  data: Uint8Array;
}

/** A message as the fake stores it (channel message, interaction original or follow-up). */
export interface FakeMessage {
  id: string;
  channelId: string;
  content: string;
  embeds: Json[];
  /** Action rows of buttons (message components). */
  components?: Json[];
  flags: number;
  files: FakeFile[];
  nonce?: string | number;
  /** The interaction's "thinking…" state after a deferral, until the original is edited. */
  loading?: boolean;
  deleted?: boolean;
  createdAt: number;
}

const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/** A real-looking snowflake (18–19 digits) so @discordjs/rest finds major parameters. */
export function snowflake(): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
}

/** A message object discord.js can build a Message from (reference §12). */
export function messageObject(
  message: FakeMessage,
  bot: { id: string; username: string },
  applicationId: string,
): Json {
  return {
    id: message.id,
    channel_id: message.channelId,
    type: 0,
    content: message.content,
    author: { id: bot.id, username: bot.username, discriminator: "0000", avatar: null, bot: true },
    timestamp: new Date(message.createdAt).toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: message.files.map((f, i) => ({
      id: `${message.id.slice(0, -2)}${String(i).padStart(2, "0")}`,
      filename: f.name,
      size: f.data.byteLength,
      content_type: f.contentType,
      url: `https://cdn.discordapp.com/attachments/${message.channelId}/${message.id}/${f.name}`,
      proxy_url: `https://media.discordapp.net/attachments/${message.channelId}/${message.id}/${f.name}`,
    })),
    embeds: message.embeds,
    components: message.components ?? [],
    pinned: false,
    flags: message.flags,
    ...(message.nonce !== undefined && { nonce: message.nonce }),
    webhook_id: applicationId,
    application_id: applicationId,
  };
}

/** Discord's JSON error body. */
export function apiError(code: number, message: string, errors?: Json): Json {
  return errors ? { code, message, errors } : { code, message };
}

const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  total: 6000,
  nonce: 25,
};

/**
 * Discord's checks on a message body (message.mdx limits). Returns the problems; any problem is
 * answered with 400 / 50035 Invalid Form Body, as Discord does.
 */
export function messageProblems(body: Json): string[] {
  const problems: string[] = [];
  const content = body.content;
  if (typeof content === "string" && content.length > LIMITS.content) problems.push("content over 2000");
  const embeds = Array.isArray(body.embeds) ? (body.embeds as Json[]) : [];
  if (embeds.length > LIMITS.embeds) problems.push("more than 10 embeds");
  let total = 0;
  const text = (value: unknown, max: number, what: string, required = false) => {
    if (value === undefined || value === null) {
      if (required) problems.push(`${what} is required`);
      return;
    }
    if (typeof value !== "string") return problems.push(`${what} must be a string`);
    if (required && value.trim().length === 0) problems.push(`${what} must not be empty`);
    if (value.length > max) problems.push(`${what} over ${max}`);
    total += value.length;
  };
  embeds.forEach((embed, i) => {
    text(embed.title, LIMITS.title, `embeds[${i}].title`);
    text(embed.description, LIMITS.description, `embeds[${i}].description`);
    const fields = Array.isArray(embed.fields) ? (embed.fields as Json[]) : [];
    if (fields.length > LIMITS.fields) problems.push(`embeds[${i}] has more than 25 fields`);
    fields.forEach((field, j) => {
      text(field.name, LIMITS.fieldName, `embeds[${i}].fields[${j}].name`, true);
      text(field.value, LIMITS.fieldValue, `embeds[${i}].fields[${j}].value`, true);
    });
    text((embed.footer as Json | undefined)?.text, LIMITS.footer, `embeds[${i}].footer.text`);
    text((embed.author as Json | undefined)?.name, LIMITS.author, `embeds[${i}].author.name`);
    if (typeof embed.color === "number" && (embed.color < 0 || embed.color > 0xffffff))
      problems.push("bad color");
  });
  if (total > LIMITS.total) problems.push(`embeds total ${total} characters (max 6000)`);
  problems.push(...componentProblems(body.components));
  const nonce = body.nonce;
  if (nonce !== undefined && nonce !== null) {
    const ok = (typeof nonce === "string" && nonce.length <= LIMITS.nonce) || Number.isSafeInteger(nonce);
    if (!ok) problems.push("nonce must be an integer or a string of at most 25 characters");
  }
  return problems;
}

/**
 * components/reference.mdx: a message has at most 5 action rows (type 1) of at most 5 buttons
 * (type 2); a button's label is at most 80 characters; a non-link button (styles 1–4) needs a
 * custom_id of 1–100 characters, unique in the message.
 */
function componentProblems(components: unknown): string[] {
  if (components === undefined || components === null) return [];
  if (!Array.isArray(components)) return ["components must be an array"];
  const problems: string[] = [];
  if (components.length > 5) problems.push("more than 5 action rows");
  const ids = new Set<string>();
  for (const [i, row] of (components as Json[]).entries()) {
    if (row?.type !== 1) {
      problems.push(`components[${i}] must be an action row`);
      continue;
    }
    const buttons = Array.isArray(row.components) ? (row.components as Json[]) : [];
    if (buttons.length < 1 || buttons.length > 5) problems.push(`components[${i}] needs 1-5 components`);
    buttons.forEach((b, j) => {
      const at = `components[${i}].components[${j}]`;
      if (b.type !== 2) return;
      if (typeof b.label === "string" && b.label.length > 80) problems.push(`${at}.label over 80`);
      const style = Number(b.style);
      if (style < 1 || style > 6) problems.push(`${at}.style invalid`);
      if (style >= 1 && style <= 4) {
        const id = b.custom_id;
        if (typeof id !== "string" || id.length < 1 || id.length > 100)
          problems.push(`${at}.custom_id must be 1-100 characters`);
        else if (ids.has(id)) problems.push(`${at}.custom_id must be unique`);
        else ids.add(id);
      }
    });
  }
  return problems;
}
