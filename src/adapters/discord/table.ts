import type { ReplyTable } from "../../core/reply.ts";

const FENCE = "```";
/** Monospace columns a phone shows without wrapping; a wider table becomes one line per row. */
export const PHONE_TABLE_WIDTH = 44;

/**
 * A table as a monospace code block with aligned columns, cut to fit `maxChars` (fences
 * included). Returns the block and how many rows were left out.
 */
export function formatTable(table: ReplyTable, maxChars: number): { text: string; omitted: number } {
  const header = table.columns.map((c) => c.label);
  const widths = table.columns.map((_, i) =>
    Math.max(width(header[i] ?? ""), ...table.rows.map((row) => width(row[i] ?? ""))),
  );
  const line = (cells: string[]) =>
    table.columns
      .map((column, i) => pad(cells[i] ?? "", widths[i] ?? 0, column.align ?? "left"))
      .join("  ")
      .trimEnd();
  const total = widths.reduce((a, b) => a + b, 0) + 2 * Math.max(0, widths.length - 1);
  if (total > PHONE_TABLE_WIDTH) return formatList(table, maxChars);
  const head = [line(header), widths.map((w) => "-".repeat(w)).join("  ")];
  const body: string[] = [];
  let size = FENCE.length * 2 + 2 + head.join("\n").length;
  if (size > maxChars) return { text: "", omitted: table.rows.length };
  for (const row of table.rows) {
    const text = line(row);
    if (size + text.length + 1 > maxChars) break;
    body.push(text);
    size += text.length + 1;
  }
  return {
    text: `${FENCE}\n${[...head, ...body].join("\n")}\n${FENCE}`,
    omitted: table.rows.length - body.length,
  };
}

/** "• Nov 27 — $562.77 · processing · ***4826": a row a line, nothing cut mid-cell on a narrow screen. */
function formatList(table: ReplyTable, maxChars: number): { text: string; omitted: number } {
  const lines: string[] = [];
  let size = 0;
  for (const row of table.rows) {
    const [first = "", ...rest] = row;
    const more = rest.filter(Boolean).join(" · ");
    const text = `• ${first}${more ? ` — ${more}` : ""}`;
    if (size + text.length + 1 > maxChars) break;
    lines.push(text);
    size += text.length + 1;
  }
  return { text: lines.join("\n"), omitted: table.rows.length - lines.length };
}

function width(text: string): number {
  return [...text].length;
}

function pad(text: string, size: number, align: "left" | "right"): string {
  const gap = " ".repeat(Math.max(0, size - width(text)));
  return align === "right" ? gap + text : text + gap;
}
