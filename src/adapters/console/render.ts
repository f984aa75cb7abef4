import { clockedLabel, type Reply, type ReplyTable } from "../../core/reply.ts";
import { type Locale, translator } from "../../i18n/index.ts";

/**
 * Reply → aligned terminal text. Errors are one line: message, usage, example. `locale` is the
 * console's (LC_ALL/LANG): it words the "Error:" and "Chart:" prefixes; English by default.
 */
export function renderConsole(
  reply: Reply,
  options: { chartPaths?: readonly string[]; locale?: Locale } = {},
): string {
  const { t } = translator(options.locale ?? "en");
  if (reply.kind === "error") return t("terminal.error", { message: reply.summary ?? reply.title });
  const lines: string[] = [reply.title, "=".repeat(Math.min(reply.title.length, 80))];
  if (reply.headline && reply.headline.length > 0) lines.push(...reply.headline);
  // Confirmations carry their message in the summary; reports repeat it in their sections.
  if (reply.summary && reply.sections.length === 0) lines.push(reply.summary);
  const charts = (reply.charts ?? []).map((chart, i) => ({
    ...chart,
    line: t("terminal.chart", { path: options.chartPaths?.[i] ?? chart.alt }),
  }));
  reply.sections.forEach((section, index) => {
    lines.push("");
    if (section.title) lines.push(section.title, "-".repeat(Math.min(section.title.length, 80)));
    const fields = section.fields ?? [];
    const labels = fields.map((f) => clockedLabel(f));
    const labelWidth = Math.max(0, ...labels.map((l) => l.length));
    const valueWidth = Math.max(0, ...fields.map((f) => f.value.length));
    fields.forEach((f, i) => {
      const row = `  ${labels[i]!.padEnd(labelWidth)}  ${f.value.padStart(valueWidth)}`;
      lines.push(f.detail ? `${row}  (${f.detail})` : row);
    });
    if (section.table && section.table.rows.length > 0) {
      if (fields.length > 0) lines.push("");
      lines.push(...renderTable(section.table).map((l) => `  ${l}`));
    }
    for (const note of section.notes ?? []) lines.push(`  ${note}`);
    for (const chart of charts.filter((c) => c.section === index)) lines.push(`  ${chart.line}`);
  });
  const loose = charts.filter((c) => c.section === undefined || !reply.sections[c.section]);
  if (loose.length > 0) lines.push("", ...loose.map((c) => c.line));
  if (reply.footer) lines.push("", reply.footer);
  return lines.join("\n");
}

export function renderTable(table: ReplyTable): string[] {
  const widths = table.columns.map((c, i) =>
    Math.max(c.label.length, ...table.rows.map((r) => (r[i] ?? "").length)),
  );
  const cell = (text: string, i: number) =>
    table.columns[i]?.align === "right" ? text.padStart(widths[i]!) : text.padEnd(widths[i]!);
  const header = table.columns.map((c, i) => cell(c.label, i)).join("  ");
  return [
    header.trimEnd(),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...table.rows.map((r) =>
      table.columns
        .map((_, i) => cell(r[i] ?? "", i))
        .join("  ")
        .trimEnd(),
    ),
  ];
}
