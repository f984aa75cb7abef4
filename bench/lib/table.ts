import type { Figure } from "./figure.ts";

const fmt = (n: number | null) =>
  n === null
    ? "—"
    : Number.isInteger(n)
      ? n.toLocaleString("en")
      : n.toLocaleString("en", { maximumFractionDigits: 2 });

function metText(met: boolean | null): string {
  return met === null ? "—" : met ? "yes" : "NO";
}

/** The figures as a fixed-width text table for the terminal. */
export function textTable(figures: readonly Figure[]): string {
  const rows = [
    ["figure", "value", "limit", "ratio", "goal", "met?"],
    ...figures.map((f) => [
      f.name,
      f.value === null ? "not measured" : `${fmt(f.value)} ${f.unit}`,
      f.limit === null ? "—" : `${fmt(f.limit)} ${f.unit}`,
      fmt(f.ratio),
      f.goal,
      metText(f.met),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === 1 || i === 2 || i === 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ");
  return [line(rows[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n");
}

/** The figures as a Markdown table (the README's Benchmarks section). */
export function markdownTable(figures: readonly Figure[]): string {
  const esc = (s: string) => s.replace(/\|/g, "\\|");
  return [
    "| figure | value | limit | ratio | goal | met? |",
    "|---|---:|---:|---:|---|---|",
    ...figures.map(
      (f) =>
        `| ${esc(f.name)} | ${f.value === null ? "not measured" : `${fmt(f.value)} ${f.unit}`} | ${f.limit === null ? "—" : `${fmt(f.limit)} ${f.unit}`} | ${fmt(f.ratio)} | ${esc(f.goal)} | ${metText(f.met)} |`,
    ),
  ].join("\n");
}
