import type { types } from "@slack/bolt";
import {
  clockedLabel,
  type Reply,
  type ReplyAction,
  type ReplyField,
  type ReplySection,
  type ReplyTable,
} from "../../core/reply.ts";
import { type Translator, translator } from "../../i18n/index.ts";

/** A Block Kit block as posted by chat.postMessage, a slash-command ack or a response_url. */
export type SlackBlock = types.KnownBlock;

/** Block Kit limits (docs.slack.dev block reference; @slack/types doc comments). */
export const MAX_BLOCKS = 50;
export const MAX_SECTION_TEXT = 3000;
export const MAX_FIELD_TEXT = 2000;
export const MAX_FIELDS_PER_SECTION = 10;
export const MAX_HEADER_TEXT = 150;
export const MAX_CONTEXT_TEXT = 3000;
/** The notification fallback; Slack truncates `text` at 40,000, but a preview only needs a line. */
export const MAX_FALLBACK_TEXT = 3000;
/** Wider than this, a monospace table wraps on a phone; it is shown as one line per row instead. */
export const MAX_MONOSPACE_WIDTH = 44;
/** A cell in the one-line-per-row layout. */
export const MAX_LIST_CELL = 300;
/** A long table may take this many section blocks before "…and N more rows". */
export const MAX_TABLE_SECTIONS = 4;

/** Buttons: at most 25 elements in an actions block, 75 characters of button text, a value of 2000. */
export const MAX_ACTIONS = 25;
export const MAX_BUTTON_TEXT = 75;
/** Every balance-bot button's action_id starts with this; the listener matches it. */
export const ACTION_ID_PREFIX = "balance_bot_action:";
export const ACTIONS_BLOCK_ID = "balance_bot_actions";

/** What a Slack message needs: the notification fallback and the blocks. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/**
 * Renders a neutral Reply as Block Kit, within Slack's limits. Pure: the chart bytes are not
 * rendered here (they are uploaded as a file), only a line saying a chart comes with the message.
 */
export function renderSlack(reply: Reply): SlackMessage {
  const text = truncate(
    escapeMrkdwn(
      reply.summary
        ? `${reply.title}: ${reply.summary}`
        : reply.headline?.length
          ? `${reply.title}: ${reply.headline.join(" | ")}`
          : reply.title,
    ),
    MAX_FALLBACK_TEXT,
  );
  if (reply.kind === "error") return { text, blocks: [renderError(reply)] };
  const { t } = translator(reply.locale ?? "en");

  const body: SlackBlock[] = [header(reply.title)];
  if (reply.headline && reply.headline.length > 0)
    body.push(
      section(truncate(reply.headline.map((l) => `*${escapeMrkdwn(l)}*`).join("\n"), MAX_SECTION_TEXT)),
    );
  if (reply.summary) body.push(section(escapeMrkdwn(reply.summary)));
  for (const part of reply.sections) body.push(...renderSection(part, t));

  const tail: SlackBlock[] = [];
  for (const chart of reply.charts ?? [])
    tail.push(context(t("chrome.chartAttached", { alt: escapeMrkdwn(chart.alt) })));
  if (reply.footer) tail.push(context(escapeMrkdwn(reply.footer)));
  if (reply.actions && reply.actions.length > 0) tail.push(buttons(reply.actions));
  return { text, blocks: fitBlocks(body, tail, t) };
}

function renderError(reply: Reply): SlackBlock {
  const lines = [`:warning: *${escapeMrkdwn(reply.title)}*`];
  if (reply.summary) lines.push(escapeMrkdwn(reply.summary));
  for (const part of reply.sections) {
    for (const f of part.fields ?? []) lines.push(`${escapeMrkdwn(f.label)}: ${escapeMrkdwn(f.value)}`);
    for (const note of part.notes ?? []) lines.push(escapeMrkdwn(note));
  }
  if (reply.correlationId && !lines.some((l) => l.includes(reply.correlationId!))) {
    lines.push(`ref ${escapeMrkdwn(reply.correlationId)}`);
  }
  return section(lines.join("\n"));
}

function renderSection(part: ReplySection, t: Translator["t"]): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  const title = part.title ? `*${escapeMrkdwn(part.title)}*` : undefined;
  const fields = (part.fields ?? []).map(renderField);
  if (fields.length === 0 && title) blocks.push(section(title));
  for (let i = 0; i < fields.length; i += MAX_FIELDS_PER_SECTION) {
    const chunk = fields.slice(i, i + MAX_FIELDS_PER_SECTION).map((f) => mrkdwn(f));
    blocks.push({
      type: "section",
      ...(i === 0 && title ? { text: mrkdwn(title) } : {}),
      fields: chunk,
    });
  }
  if (part.table) blocks.push(...renderTable(part.table, t).map(section));
  if (part.notes && part.notes.length > 0) blocks.push(section(part.notes.map(escapeMrkdwn).join("\n")));
  return blocks;
}

/** "*label* (clock)\nvalue\ndetail": every figure says which clock it is on. */
export function renderField(field: ReplyField): string {
  const label = `*${escapeMrkdwn(clockedLabel(field))}*`;
  const lines = [label, escapeMrkdwn(field.value)];
  if (field.detail) lines.push(escapeMrkdwn(field.detail));
  return truncate(lines.join("\n"), MAX_FIELD_TEXT);
}

/**
 * A table as section texts (one per block, each within the section limit), cut after
 * MAX_TABLE_SECTIONS with "…and N more rows". Slack has no table layout that renders everywhere:
 * a narrow table becomes a monospace block with aligned columns; a table too wide for a chat
 * column becomes one line per row, so nothing is cut off mid-cell.
 */
export function renderTable(table: ReplyTable, t: Translator["t"] = translator("en").t): string[] {
  const head = table.columns.map((c) => escapeMrkdwn(c.label));
  const body = table.rows.map((row) => table.columns.map((_, i) => escapeMrkdwn(row[i] ?? "")));
  const natural = head.map((h, i) => Math.max(width(h), ...body.map((r) => width(r[i] ?? ""))));
  const monospace = natural.reduce((a, b) => a + b, 0) + 2 * (natural.length - 1) <= MAX_MONOSPACE_WIDTH;
  if (!monospace) {
    const lines = body.map((r) => {
      const [first = "", ...rest] = r.map((cell) => truncate(cell, MAX_LIST_CELL));
      const more = rest.filter(Boolean).join(" · ");
      return `• ${first}${more ? ` — ${more}` : ""}`;
    });
    return chunkLines([], lines, "", "", t);
  }
  const line = (row: string[]) =>
    row
      .map((cell, i) => pad(cell, natural[i] ?? 0, table.columns[i]?.align ?? "left"))
      .join("  ")
      .trimEnd();
  const header = [line(head), natural.map((w) => "-".repeat(w)).join("  ")];
  return chunkLines(header, body.map(line), "```\n", "\n```", t);
}

/** Packs lines into section texts; the first carries the header; the last says how many rows did not fit. */
function chunkLines(
  header: string[],
  lines: string[],
  open: string,
  close: string,
  t: Translator["t"],
): string[] {
  const chunks: string[][] = [[...header]];
  const size = (chunk: string[]) => open.length + close.length + chunk.join("\n").length;
  let shown = 0;
  for (const next of lines) {
    const left = lines.length - shown - 1;
    const note = left > 0 ? `\n${t("chrome.moreRows", { count: left })}`.length : 0;
    let current = chunks[chunks.length - 1]!;
    const isLast = chunks.length === MAX_TABLE_SECTIONS;
    if (size([...current, next]) + (isLast ? note : 0) > MAX_SECTION_TEXT) {
      if (isLast || current.length === 0) break;
      current = [];
      chunks.push(current);
      if (size([next]) + (chunks.length === MAX_TABLE_SECTIONS ? note : 0) > MAX_SECTION_TEXT) break;
    }
    current.push(next);
    shown++;
  }
  const rest = lines.length - shown;
  const texts = chunks.filter((c) => c.length > 0).map((c) => `${open}${c.join("\n")}${close}`);
  if (rest > 0) texts[texts.length - 1] += `\n${t("chrome.moreRows", { count: rest })}`;
  return texts;
}

/** Keeps the tail (chart line, footer) and as much of the body as fits, saying what was left out. */
function fitBlocks(body: SlackBlock[], tail: SlackBlock[], t: Translator["t"]): SlackBlock[] {
  if (body.length + tail.length <= MAX_BLOCKS) return [...body, ...tail];
  const room = MAX_BLOCKS - tail.length - 1;
  const left = body.length - room;
  return [
    ...body.slice(0, room),
    context(t("chrome.slackMoreBlocks", { count: left, max: MAX_BLOCKS })),
    ...tail,
  ];
}

/**
 * The message's buttons as one actions block. The value is the opaque token the core looks up on a
 * click; action_id only has to be unique in the message (Bolt routes on its prefix).
 */
function buttons(actions: readonly ReplyAction[]): SlackBlock {
  return {
    type: "actions",
    block_id: ACTIONS_BLOCK_ID,
    elements: actions.slice(0, MAX_ACTIONS).map((a, i) => ({
      type: "button" as const,
      action_id: `${ACTION_ID_PREFIX}${i}`,
      text: { type: "plain_text" as const, text: truncate(a.label, MAX_BUTTON_TEXT), emoji: true },
      value: a.id,
      ...(a.style ? { style: a.style } : {}),
    })),
  };
}

function header(title: string): SlackBlock {
  return {
    type: "header",
    text: { type: "plain_text", text: truncate(title, MAX_HEADER_TEXT) || " ", emoji: true },
  };
}

function section(text: string): SlackBlock {
  return { type: "section", text: mrkdwn(truncate(text, MAX_SECTION_TEXT)) };
}

function context(text: string): SlackBlock {
  return { type: "context", elements: [mrkdwn(truncate(text, MAX_CONTEXT_TEXT))] };
}

function mrkdwn(text: string): types.MrkdwnElement {
  return { type: "mrkdwn", text: text || " " };
}

/** Slack parses &, < and > in every mrkdwn text (e.g. "<amount>" in a usage line would vanish). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Cuts to `max` characters with "…", never leaving half an HTML entity or half a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  cut = cut.replace(/&[a-z]*$/, "");
  // A cut code block would swallow everything after it.
  if ((cut.match(/```/g)?.length ?? 0) % 2 === 1) cut = `${cut.slice(0, Math.max(0, max - 5))}\n\`\`\``;
  return `${cut}…`;
}

function width(text: string): number {
  return [...text.replace(/&(amp|lt|gt);/g, "x")].length;
}

function pad(text: string, to: number, align: "left" | "right"): string {
  const gap = " ".repeat(Math.max(0, to - width(text)));
  return align === "right" ? gap + text : text + gap;
}
