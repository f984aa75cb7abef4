import type { APIActionRowComponent, APIButtonComponent, APIEmbed, APIEmbedField } from "discord.js";
import {
  clockedLabel,
  type Reply,
  type ReplyAction,
  type ReplyField,
  type ReplyKind,
  type ReplySection,
} from "../../core/reply.ts";
import { type Translator, translator } from "../../i18n/index.ts";
import { formatTable } from "./table.ts";

/** Discord message and embed limits (reference §12); exceeding any is a 400 from Discord. */
export const EMBED_TITLE_MAX = 256;
export const EMBED_DESCRIPTION_MAX = 4096;
export const EMBED_FIELDS_MAX = 25;
export const FIELD_NAME_MAX = 256;
export const FIELD_VALUE_MAX = 1024;
export const FOOTER_TEXT_MAX = 2048;
export const EMBEDS_PER_MESSAGE_MAX = 10;
/** Titles, descriptions, field names and values, and footers across every embed of one message. */
export const MESSAGE_EMBED_CHARS_MAX = 6000;
export const ATTACHMENT_DESCRIPTION_MAX = 1024;
/** Attachment names an embed can point at (attachment://name) keep to these characters. */
const SAFE_FILENAME = /[^A-Za-z0-9._-]+/g;
/** MessageFlags.Ephemeral: shown only to the person who typed the command. */
export const EPHEMERAL_FLAG = 1 << 6;
/** Kept free in the 6000-character budget so an overflow note always fits. */
const OVERFLOW_RESERVE = 60;

export const KIND_COLOUR: Record<ReplyKind, number> = {
  report: 0x5865f2,
  info: 0x3498db,
  success: 0x57f287,
  warning: 0xfee75c,
  error: 0xed4245,
  alert: 0xe67e22,
  digest: 0x1abc9c,
};

/** Message components: 5 action rows of 5 buttons; a label of 80, a custom_id of 100 characters. */
export const ACTION_ROWS_MAX = 5;
export const BUTTONS_PER_ROW_MAX = 5;
export const BUTTON_LABEL_MAX = 80;
export const CUSTOM_ID_MAX = 100;
/** Every balance-bot button's custom_id starts with this; the rest is the core's opaque token. */
export const CUSTOM_ID_PREFIX = "bb:";

/** A rendered Discord message: embeds, files to upload with it, and message flags. */
export interface DiscordMessage {
  embeds: APIEmbed[];
  /** Buttons (action rows), when the reply has any. */
  components?: APIActionRowComponent<APIButtonComponent>[];
  files: { name: string; data: Uint8Array; description?: string }[];
  flags?: number;
}

interface Draft {
  title?: string;
  lines: string[];
  fields: APIEmbedField[];
  image?: string;
}

/**
 * Renders a neutral Reply as Discord embeds within every Discord limit. The first embed carries
 * the title, summary and first section; each further section gets its own embed (up to 10). A
 * section's clocks (fields) come first; its table and notes follow in an embed of their own,
 * because Discord always shows an embed's description above its fields. A chart sits in the last
 * embed of the section it illustrates; the last embed carries the footer and timestamp. Whatever
 * does not fit is cut deliberately with "…and N more", never left for Discord to reject.
 */
export function renderDiscord(reply: Reply): DiscordMessage {
  const { t } = translator(reply.locale ?? "en");
  const footerText = footerOf(reply);
  const title = truncate(reply.title, EMBED_TITLE_MAX);
  const budget = new Budget(
    MESSAGE_EMBED_CHARS_MAX - title.length - (footerText?.length ?? 0) - OVERFLOW_RESERVE,
  );
  const drafts: Draft[] = [{ title, lines: [], fields: [] }];
  for (const line of reply.headline ?? []) addLine(drafts[0]!, `**${truncate(line, 400)}**`, budget);
  if (reply.summary) addLine(drafts[0]!, truncate(reply.summary, EMBED_DESCRIPTION_MAX), budget);

  const files = attachmentsOf(reply);
  let droppedSections = 0;
  reply.sections.forEach((section, index) => {
    if (budget.exhausted) {
      droppedSections++;
      return;
    }
    let draft = drafts[drafts.length - 1]!;
    const ownEmbed = index > 0 && drafts.length < EMBEDS_PER_MESSAGE_MAX;
    if (ownEmbed) {
      draft = { lines: [], fields: [] };
      const sectionTitle = section.title ? truncate(section.title, EMBED_TITLE_MAX) : undefined;
      if (sectionTitle && budget.take(sectionTitle.length)) draft.title = sectionTitle;
      drafts.push(draft);
    } else if (section.title) {
      addLine(draft, `**${section.title}**`, budget);
    }
    renderFields(section, draft, budget);
    const body = Boolean(section.table?.rows.length || section.notes?.length);
    if (body && draft.fields.length > 0 && drafts.length < EMBEDS_PER_MESSAGE_MAX) {
      draft = { lines: [], fields: [] };
      drafts.push(draft);
    }
    renderBody(section, draft, budget, t);
    const image = files.find((f) => f.section === index && !f.placed);
    if (image && !draft.image) {
      draft.image = image.name;
      image.placed = true;
    }
  });
  const last = drafts[drafts.length - 1]!;
  if (droppedSections > 0) addLine(last, t("chrome.moreSections", { count: droppedSections }), budget, true);

  const colour = KIND_COLOUR[reply.kind];
  const embeds: APIEmbed[] = drafts.map((d) => {
    const embed: APIEmbed = { color: colour };
    if (d.title) embed.title = d.title;
    if (d.lines.length > 0) embed.description = d.lines.join("\n");
    if (d.fields.length > 0) embed.fields = d.fields;
    if (d.image) embed.image = { url: `attachment://${d.image}` };
    return embed;
  });
  const tail = embeds[embeds.length - 1]!;
  if (footerText) tail.footer = { text: footerText };
  if (reply.timestamp) tail.timestamp = reply.timestamp.toISOString();

  // A chart without a section of its own shows in the last embed when that one has no picture yet.
  const loose = files.find((f) => !f.placed);
  if (loose && !tail.image) {
    tail.image = { url: `attachment://${loose.name}` };
    loose.placed = true;
  }
  const message: DiscordMessage = {
    embeds,
    files: files.map(({ name, data, description }) => ({
      name,
      data,
      ...(description ? { description } : {}),
    })),
  };
  if (reply.ephemeral) message.flags = EPHEMERAL_FLAG;
  if (reply.actions && reply.actions.length > 0) message.components = buttonRows(reply.actions);
  return message;
}

/**
 * The reply's buttons as action rows (5 per row). The custom_id carries the core's opaque token;
 * buttons past 25 are left out (balance-bot's messages have at most six).
 */
export function buttonRows(actions: readonly ReplyAction[]): APIActionRowComponent<APIButtonComponent>[] {
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  actions.slice(0, ACTION_ROWS_MAX * BUTTONS_PER_ROW_MAX).forEach((action, i) => {
    if (i % BUTTONS_PER_ROW_MAX === 0) rows.push({ type: 1, components: [] });
    rows.at(-1)!.components.push({
      type: 2,
      // ButtonStyle: 1 primary, 2 secondary, 4 danger.
      style: action.style === "primary" ? 1 : action.style === "danger" ? 4 : 2,
      label: truncate(action.label, BUTTON_LABEL_MAX),
      custom_id: `${CUSTOM_ID_PREFIX}${action.id}`.slice(0, CUSTOM_ID_MAX),
    });
  });
  return rows;
}

/** Every chart as an attachment with a name unique in the message. */
function attachmentsOf(
  reply: Reply,
): { name: string; data: Uint8Array; description?: string; section?: number; placed: boolean }[] {
  const seen = new Set<string>();
  return (reply.charts ?? []).map((chart, i) => {
    let name = chart.filename.replace(SAFE_FILENAME, "-") || "chart.png";
    if (!name.toLowerCase().endsWith(".png")) name = `${name}.png`;
    if (seen.has(name)) name = `${i + 1}-${name}`;
    seen.add(name);
    return {
      name,
      data: chart.png,
      ...(chart.alt ? { description: truncate(chart.alt, ATTACHMENT_DESCRIPTION_MAX) } : {}),
      ...(chart.section !== undefined ? { section: chart.section } : {}),
      placed: false,
    };
  });
}

function renderBody(section: ReplySection, draft: Draft, budget: Budget, t: Translator["t"]): void {
  const notes = section.notes ?? [];
  if (section.table) {
    const room = Math.min(EMBED_DESCRIPTION_MAX - descriptionLength(draft) - 1, budget.left);
    const { text, omitted } = formatTable(section.table, room - 40);
    if (text && addLine(draft, text, budget)) {
      if (omitted > 0) addLine(draft, t("chrome.moreRows", { count: omitted }), budget, true);
    } else if (section.table.rows.length > 0) {
      addLine(draft, t("chrome.moreRows", { count: section.table.rows.length }), budget, true);
    }
  }
  for (let i = 0; i < notes.length; i++) {
    if (!addLine(draft, notes[i]!, budget)) {
      addLine(draft, t("chrome.moreNotes", { count: notes.length - i }), budget, true);
      break;
    }
  }
}

function renderFields(section: ReplySection, draft: Draft, budget: Budget): void {
  const fields = section.fields ?? [];
  for (let i = 0; i < fields.length; i++) {
    const remaining = fields.length - i;
    const slotsLeft = EMBED_FIELDS_MAX - draft.fields.length;
    const field = fieldOf(fields[i]!);
    const lastSlot = slotsLeft === 1 && remaining > 1;
    if (slotsLeft <= 0 || lastSlot || !budget.take(field.name.length + field.value.length)) {
      const more = { name: "…", value: `and ${remaining} more`, inline: false };
      if (slotsLeft > 0 && budget.take(more.name.length + more.value.length, true)) draft.fields.push(more);
      return;
    }
    draft.fields.push(field);
  }
}

/** "Pending (est.)": every figure names its clock, without repeating a label that already does. */
function fieldOf(field: ReplyField): APIEmbedField {
  const name = clockedLabel(field) || "\u200b";
  const value = field.detail ? `${field.value}\n${field.detail}` : field.value;
  return {
    name: truncate(name, FIELD_NAME_MAX),
    value: truncate(value.trim() || "\u200b", FIELD_VALUE_MAX),
    inline: true,
  };
}

function footerOf(reply: Reply): string | undefined {
  const parts = [reply.footer?.trim()].filter((p): p is string => Boolean(p));
  if (reply.kind === "error" && reply.correlationId && !reply.footer?.includes(reply.correlationId)) {
    parts.push(`ref ${reply.correlationId}`);
  }
  return parts.length > 0 ? truncate(parts.join(" · "), FOOTER_TEXT_MAX) : undefined;
}

/** Adds one description line if it fits the embed's description and the message budget. */
function addLine(draft: Draft, line: string, budget: Budget, overflowNote = false): boolean {
  const cost = line.length + (draft.lines.length > 0 ? 1 : 0);
  if (descriptionLength(draft) + cost > EMBED_DESCRIPTION_MAX) return false;
  if (!budget.take(cost, overflowNote)) return false;
  draft.lines.push(line);
  return true;
}

function descriptionLength(draft: Draft): number {
  return draft.lines.reduce((n, l) => n + l.length, 0) + Math.max(0, draft.lines.length - 1);
}

/** The message-wide character budget; overflow notes may dip into the reserve kept for them. */
class Budget {
  private reserve = OVERFLOW_RESERVE;
  exhausted = false;
  constructor(public left: number) {}
  take(chars: number, overflowNote = false): boolean {
    if (chars <= this.left) {
      this.left -= chars;
      return true;
    }
    this.exhausted = true;
    if (overflowNote && chars <= this.left + this.reserve) {
      this.reserve -= chars - this.left;
      this.left = 0;
      return true;
    }
    return false;
  }
}

/** Cuts to `max` UTF-16 units with an ellipsis, never splitting a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}
