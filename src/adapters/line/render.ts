import { clockedLabel, type Reply, type ReplyKind, type ReplySection } from "../../core/reply.ts";
import { type Translator, translator } from "../../i18n/index.ts";

/**
 * LINE Messaging API limits (developers.line.biz/en/reference/messaging-api/): at most 5 message
 * objects per reply or push; a text message at most 5,000 characters; a Flex message's altText at
 * most 1,500 characters (we keep 400, the older limit, to be safe); a carousel at most 12 bubbles;
 * a bubble's JSON at most 30 KB (UNCERTAIN: the reference says "30 KB" without saying how it counts).
 */
export const LINE_MESSAGES_MAX = 5;
export const LINE_TEXT_MAX = 5_000;
export const LINE_ALT_TEXT_MAX = 400;
export const LINE_CAROUSEL_MAX = 12;
export const LINE_BUBBLE_BYTES_MAX = 30_000;
/** Rows of one table shown in a bubble; the rest are counted in a note. */
const TABLE_ROWS_MAX = 15;

const KIND_COLOUR: Record<ReplyKind, string> = {
  report: "#5865F2",
  info: "#3498DB",
  success: "#1E9E5A",
  warning: "#B7950B",
  error: "#D93025",
  alert: "#E67E22",
  digest: "#1ABC9C",
};

/** A LINE message object as the API takes it (text, flex or image). */
export type LineMessage =
  | { type: "text"; text: string }
  | { type: "flex"; altText: string; contents: FlexContainer }
  | { type: "image"; originalContentUrl: string; previewImageUrl: string };

type FlexComponent = Record<string, unknown>;
type FlexBubble = {
  type: "bubble";
  size?: string;
  header?: FlexComponent;
  body: FlexComponent;
  footer?: FlexComponent;
};
type FlexContainer = FlexBubble | { type: "carousel"; contents: FlexBubble[] };

/** The chart images of a reply, to be stored and linked (LINE fetches images from an https URL). */
export interface LineChartImage {
  filename: string;
  png: Uint8Array;
}

const text = (value: string, extra: Record<string, unknown> = {}): FlexComponent => ({
  type: "text",
  text: value.length > 0 ? value : " ",
  wrap: true,
  ...extra,
});

/**
 * Renders a neutral Reply as LINE messages: errors and short confirmations as plain text; reports,
 * digests and alerts as a Flex message (one bubble per section block, a carousel when there are
 * several), then one image message per chart, linked through `imageUrl`. Never more than five
 * messages: charts beyond what fits are named in the last bubble instead.
 */
export function renderLine(reply: Reply, imageUrl: (index: number) => string): LineMessage[] {
  const charts = reply.charts ?? [];
  if (reply.kind === "error" || (reply.sections.length === 0 && charts.length === 0)) {
    const lines = [reply.kind === "error" ? (reply.summary ?? reply.title) : reply.title];
    if (reply.kind !== "error") {
      lines.push(...(reply.headline ?? []));
      if (reply.summary) lines.push(reply.summary);
      if (reply.footer) lines.push(reply.footer);
    }
    return [{ type: "text", text: cut(lines.join("\n"), LINE_TEXT_MAX) }];
  }
  const chartSlots = Math.min(charts.length, LINE_MESSAGES_MAX - 1);
  const bubbles = bubblesOf(reply, charts.length - chartSlots, translator(reply.locale ?? "en").t);
  const contents: FlexContainer =
    bubbles.length === 1 ? bubbles[0]! : { type: "carousel", contents: bubbles.slice(0, LINE_CAROUSEL_MAX) };
  const alt = [reply.title, ...(reply.headline ?? []), reply.summary].filter(Boolean).join(" · ");
  const messages: LineMessage[] = [{ type: "flex", altText: cut(alt, LINE_ALT_TEXT_MAX), contents }];
  for (let i = 0; i < chartSlots; i++) {
    const url = imageUrl(i);
    messages.push({ type: "image", originalContentUrl: url, previewImageUrl: url });
  }
  return messages;
}

function bubblesOf(reply: Reply, chartsLeftOut: number, t: Translator["t"]): FlexBubble[] {
  const colour = KIND_COLOUR[reply.kind];
  const header: FlexComponent = {
    type: "box",
    layout: "vertical",
    backgroundColor: colour,
    paddingAll: "12px",
    contents: [text(reply.title, { weight: "bold", color: "#FFFFFF", size: "md" })],
  };
  const first: FlexComponent[] = (reply.headline ?? []).map((line) =>
    text(line, { weight: "bold", size: "sm" }),
  );
  if (reply.summary && reply.sections.length === 0) first.push(text(reply.summary, { size: "sm" }));
  const groups: FlexComponent[][] = [first];
  for (const section of reply.sections) {
    const parts = sectionContents(section, t);
    // A short reply stays one bubble; a long one gets a bubble per section (a carousel).
    if (reply.sections.length <= 2) groups[0]!.push({ type: "separator", margin: "md" }, ...parts);
    else groups.push(parts);
  }
  const notes: string[] = [];
  if (reply.sections.length > LINE_CAROUSEL_MAX - 1)
    notes.push(t("chrome.lineMoreSections", { count: reply.sections.length - (LINE_CAROUSEL_MAX - 1) }));
  if (chartsLeftOut > 0) notes.push(t("chrome.lineMoreCharts", { count: chartsLeftOut }));
  const footerLines = [reply.footer, ...notes].filter((l): l is string => !!l);
  const footer: FlexComponent | undefined =
    footerLines.length > 0
      ? {
          type: "box",
          layout: "vertical",
          contents: footerLines.map((l) => text(l, { size: "xxs", color: "#888888" })),
        }
      : undefined;
  return groups
    .filter((g, i) => i === 0 || g.length > 0)
    .slice(0, LINE_CAROUSEL_MAX)
    .map((contents, i, all) => {
      const bubble: FlexBubble = {
        type: "bubble",
        size: "giga",
        ...(i === 0 ? { header } : {}),
        body: {
          type: "box",
          layout: "vertical",
          spacing: "sm",
          contents: contents.length > 0 ? contents : [text(" ")],
        },
        ...(footer && i === all.length - 1 ? { footer } : {}),
      };
      return fitBubble(bubble, t);
    });
}

function sectionContents(section: ReplySection, t: Translator["t"]): FlexComponent[] {
  const out: FlexComponent[] = [];
  if (section.title) out.push(text(section.title, { weight: "bold", size: "sm", margin: "md" }));
  for (const field of section.fields ?? []) {
    out.push({
      type: "box",
      layout: "baseline",
      spacing: "sm",
      contents: [
        text(clockedLabel(field), { size: "xs", color: "#555555", flex: 5 }),
        text(field.value, { size: "sm", weight: "bold", align: "end", flex: 4 }),
      ],
    });
    if (field.detail) out.push(text(field.detail, { size: "xxs", color: "#888888", align: "end" }));
  }
  const table = section.table;
  if (table && table.rows.length > 0) {
    const row = (cells: string[], bold: boolean): FlexComponent => ({
      type: "box",
      layout: "horizontal",
      spacing: "sm",
      contents: table.columns.map((c, i) =>
        text(cells[i] ?? "", {
          size: "xxs",
          ...(bold ? { weight: "bold" } : {}),
          ...(c.align === "right" ? { align: "end" } : {}),
          flex: i === 0 ? 3 : 2,
        }),
      ),
    });
    out.push(
      row(
        table.columns.map((c) => c.label),
        true,
      ),
    );
    for (const cells of table.rows.slice(0, TABLE_ROWS_MAX)) out.push(row(cells, false));
    if (table.rows.length > TABLE_ROWS_MAX)
      out.push(
        text(t("chrome.lineMoreRows", { count: table.rows.length - TABLE_ROWS_MAX }), {
          size: "xxs",
          color: "#888888",
        }),
      );
  }
  for (const note of section.notes ?? []) out.push(text(note, { size: "xxs", color: "#555555" }));
  return out;
}

/** A bubble over LINE's JSON size limit loses body components from the end, with a note. */
function fitBubble(bubble: FlexBubble, t: Translator["t"]): FlexBubble {
  const size = () => Buffer.byteLength(JSON.stringify(bubble));
  const body = bubble.body.contents as FlexComponent[];
  let dropped = 0;
  while (size() > LINE_BUBBLE_BYTES_MAX - 200 && body.length > 1) {
    body.pop();
    dropped++;
  }
  if (dropped > 0)
    body.push(text(t("chrome.lineMoreLines", { count: dropped }), { size: "xxs", color: "#888888" }));
  return bubble;
}

function cut(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

/** Every text a person reads in LINE messages (Flex texts, plain texts), for contract tests. */
export function lineVisibleText(messages: readonly LineMessage[]): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) for (const n of node) walk(n);
    else if (node && typeof node === "object") {
      const record = node as Record<string, unknown>;
      if (record.type === "text" && typeof record.text === "string") out.push(record.text);
      for (const [key, value] of Object.entries(record))
        if (key !== "text" && typeof value === "object") walk(value);
    }
  };
  walk(messages);
  return out.join("\n");
}
