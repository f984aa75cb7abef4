/**
 * The `balance-bot import <file> [--shop NAME]` command: runs an import and words the outcome
 * for a terminal (every bad row on its own line).
 */
import type { Logger } from "../log.ts";
import { ImportError } from "../providers/csv/import-error.ts";
import type { Db } from "../storage/database.ts";
import { type ImportSummary, importStatementExport } from "./import-export.ts";

export interface ImportArgs {
  file: string;
  shop?: string | undefined;
  /** IANA zone of the file's times (and of a new shop's days). */
  timezone?: string | undefined;
  /** Only needed when the file has no currency column. */
  currency?: string | undefined;
  /** How to read slash dates when the file and its language don't say. */
  dateOrder?: "dmy" | "mdy" | undefined;
}

export interface ImportDeps {
  db: Db;
  log: Logger;
  now: Date;
}

/** What the seller should know about how the file was read (encoding, zone, payouts). */
export function importNotes(s: ImportSummary): string[] {
  const notes: string[] = [];
  if (s.withdrawals > 0)
    notes.push(`  ${s.withdrawals} withdrawal${s.withdrawals === 1 ? "" : "s"} stored as payouts`);
  if (s.encoding) {
    const legacy = s.encoding.endsWith("not UTF-8");
    notes.push(`  read as ${s.encoding}${legacy ? ": check that product names look right" : ""}`);
  }
  const source = s.readZoneSource === "option" ? "--timezone option" : s.readZoneSource;
  if (s.readZoneSource !== "shop") notes.push(`  times read in ${s.readZone} (from the ${source})`);
  return notes;
}

/** Exit code 0 and a summary, or 1 and the reasons (nothing written). */
export async function runImportCommand(
  args: ImportArgs,
  deps: ImportDeps,
): Promise<{ exitCode: number; output: string }> {
  try {
    const s = await importStatementExport(deps.db, {
      file: args.file,
      shopName: args.shop,
      now: deps.now,
      timezone: args.timezone,
      currency: args.currency,
      dateOrder: args.dateOrder,
    });
    deps.log.info({ file: args.file, ...s }, "export imported");
    const span = s.firstDay === s.lastDay ? `${s.firstDay}` : `${s.firstDay}..${s.lastDay}`;
    const lines = [
      `Imported ${args.file}${s.sheet ? ` (sheet "${s.sheet}")` : ""} into shop "${s.shop}" (${s.currency}, days in ${s.timezone}):`,
      `  ${s.rows} row${s.rows === 1 ? "" : "s"}, ${s.newRows} new · ${s.days} day${s.days === 1 ? "" : "s"}${s.firstDay ? `, ${span.replace("..", " to ")}` : ""}`,
      ...importNotes(s),
    ];
    if (s.firstDay) {
      const shopHint = /\s/.test(s.shop) ? "" : ` shop:${s.shop}`;
      lines.push(`Try: balance-bot ask "/balance earnings ${span}${shopHint}"`);
    }
    return { exitCode: 0, output: lines.join("\n") };
  } catch (error) {
    if (error instanceof ImportError) {
      const output = [
        `Could not import ${args.file}: ${error.message}`,
        ...error.problems.map((p) => `  ${p}`),
      ];
      if (error.problems.length > 0)
        output.push("Fix these rows in the spreadsheet and import the file again.");
      return { exitCode: 1, output: output.join("\n") };
    }
    const code = (error as { code?: unknown }).code;
    if (code === "ENOENT" || code === "EISDIR" || code === "EACCES") {
      const reason =
        code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : "permission denied";
      return { exitCode: 1, output: `Could not import ${args.file}: ${reason}` };
    }
    throw error;
  }
}
