import { clockedLabel, type Reply, type ReplyKind, type ReplySection } from "../../core/reply.ts";
import { type Translator, translator } from "../../i18n/index.ts";
import { renderTable } from "../console/render.ts";

/**
 * Telegram's limits (core.telegram.org/bots/api#sendmessage, #sendphoto): a message's text is
 * 1–4096 characters after entities parsing, a photo's caption 0–1024. We measure the HTML source,
 * which is never shorter than the parsed text, so a part that fits here fits Telegram.
 */
export const TELEGRAM_TEXT_MAX = 4096;
export const TELEGRAM_CAPTION_MAX = 1024;
/** A digest or alert is at most this many messages; what does not fit is cut with a note. */
export const TELEGRAM_PARTS_MAX = 3;

const KIND_MARK: Record<ReplyKind, string> = {
  report: "",
  info: "ℹ️ ",
  success: "✅ ",
  warning: "⚠️ ",
  error: "⛔ ",
  alert: "🔔 ",
  digest: "📊 ",
};

/** A reply as Telegram messages: HTML texts (parse_mode HTML) sent in order, then the charts as photos. */
export interface TelegramMessage {
  parts: string[];
  photos: { filename: string; data: Uint8Array; caption: string }[];
}

/** Escapes text for Telegram's HTML parse mode (bots/api#html-style: only <, > and & need it). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Renders a neutral Reply as Telegram HTML: the title in bold, headline lines, each section's
 * clocked fields as "label: value", tables in <pre> (Telegram shows them monospaced), notes, then
 * the footer in italics. Long replies are split between blocks (never inside a tag) into at most
 * `maxParts` messages; a block too long for one message is cut by lines with a note saying so.
 */
export function renderTelegram(reply: Reply, options: { maxParts?: number } = {}): TelegramMessage {
  const { t } = translator(reply.locale ?? "en");
  const blocks = blocksOf(reply);
  const parts = pack(blocks, options.maxParts ?? Number.POSITIVE_INFINITY, t);
  const photos = (reply.charts ?? []).map((chart) => ({
    filename: chart.filename,
    data: chart.png,
    caption: cut(chart.alt, TELEGRAM_CAPTION_MAX),
  }));
  return { parts, photos };
}

/** Each block is whole HTML (its tags open and close inside it), as lines. */
function blocksOf(reply: Reply): string[][] {
  if (reply.kind === "error") {
    return [[`${KIND_MARK.error}${escapeHtml(reply.summary ?? reply.title)}`]];
  }
  const head = [`${KIND_MARK[reply.kind]}<b>${escapeHtml(reply.title)}</b>`];
  for (const line of reply.headline ?? []) head.push(`<b>${escapeHtml(line)}</b>`);
  if (reply.summary && reply.sections.length === 0) head.push(escapeHtml(reply.summary));
  const blocks = [head];
  reply.sections.forEach((section) => {
    blocks.push(sectionLines(section));
  });
  if (reply.footer) blocks.push([`<i>${escapeHtml(reply.footer)}</i>`]);
  return blocks.filter((b) => b.length > 0);
}

function sectionLines(section: ReplySection): string[] {
  const lines: string[] = [];
  if (section.title) lines.push(`<b>${escapeHtml(section.title)}</b>`);
  for (const field of section.fields ?? []) {
    const line = `${escapeHtml(clockedLabel(field))}: <b>${escapeHtml(field.value)}</b>`;
    lines.push(field.detail ? `${line} <i>(${escapeHtml(field.detail)})</i>` : line);
  }
  if (section.table && section.table.rows.length > 0) {
    // The table is one monospaced <pre> over its lines (header, rule, rows: always at least two).
    const rows = renderTable(section.table).map(escapeHtml);
    lines.push(`<pre>${rows[0]}`, ...rows.slice(1, -1), `${rows.at(-1)}</pre>`);
  }
  for (const note of section.notes ?? []) lines.push(escapeHtml(note));
  return lines;
}

/** Joins blocks into messages of at most TELEGRAM_TEXT_MAX characters, blank lines between blocks. */
function pack(blocks: string[][], maxParts: number, t: Translator["t"]): string[] {
  const parts: string[] = [];
  let current = "";
  let dropped = 0;
  for (const block of blocks) {
    const text = fitBlock(block, t);
    const joined = current ? `${current}\n\n${text}` : text;
    if (joined.length <= TELEGRAM_TEXT_MAX) {
      current = joined;
      continue;
    }
    if (parts.length + 1 >= maxParts) {
      dropped++;
      continue;
    }
    parts.push(current);
    current = text;
  }
  if (current) parts.push(current);
  if (dropped > 0) {
    const note = `\n\n<i>${escapeHtml(t("chrome.telegramMoreSections", { count: dropped }))}</i>`;
    const last = parts.length - 1;
    parts[last] = parts[last]!.length + note.length <= TELEGRAM_TEXT_MAX ? parts[last] + note : parts[last]!;
  }
  return parts.length > 0 ? parts : [" "];
}

/** A block that alone exceeds the limit loses lines from its end, and says how many. */
function fitBlock(lines: string[], t: Translator["t"]): string {
  const text = lines.join("\n");
  if (text.length <= TELEGRAM_TEXT_MAX) return text;
  const kept: string[] = [];
  let length = 0;
  const reserve = 120;
  for (const line of lines) {
    if (length + line.length + 1 > TELEGRAM_TEXT_MAX - reserve) break;
    kept.push(line);
    length += line.length + 1;
  }
  // Close a <pre> the cut left open.
  const open = kept.filter((l) => l.startsWith("<pre>")).length;
  const closed = kept.filter((l) => l.endsWith("</pre>")).length;
  if (open > closed) kept[kept.length - 1] = `${kept.at(-1)}</pre>`;
  const more = lines.length - kept.length;
  return `${kept.join("\n")}\n<i>${escapeHtml(t("chrome.telegramMoreLines", { count: more }))}</i>`;
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The text a person reads of Telegram HTML: tags dropped, the four entities we write decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** What a person reads of the rendered messages, for the renderer contract tests. */
export function telegramVisibleText(message: TelegramMessage): string {
  return [...message.parts.map(htmlToText), ...message.photos.map((p) => p.caption)].join("\n");
}
