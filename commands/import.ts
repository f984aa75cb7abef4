import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { z } from "zod";
import type { CommandContext } from "../src/core/define-command.ts";
import { defineCommand } from "../src/core/define-command.ts";
import { UserError } from "../src/core/errors.ts";
import { reply } from "../src/core/reply.ts";
import { IMPORT_FILE_BYTES, ImportError, importStatementExport } from "../src/import/import-export.ts";
import { importNotes } from "../src/import/run-import.ts";

/** Seller Center exports are a few MB; anything far larger is not one. */
const MAX_BYTES = IMPORT_FILE_BYTES;
const SHOWN_PROBLEMS = 15;

export default defineCommand({
  name: "import",
  description: "Import a Seller Center statement export (CSV/XLSX) into a shop of this workspace",
  example: "/balance import income-2026-06.xlsx shop:mystore",
  admin: true,
  options: z.object({
    file: z
      .string()
      .min(1)
      .max(500)
      .meta({ kind: "attachment", description: "The export (CSV or XLSX) from Seller Center → Finance" }),
    shop: z
      .string()
      .max(60)
      .optional()
      .meta({ named: true, kind: "text", description: "Shop to import into (default: the file's name)" }),
  }),
  async run(ctx, args) {
    const { path, name, cleanup } = await obtainFile(ctx, args.file);
    try {
      const summary = await importStatementExport(ctx.db, {
        file: path,
        shopName: args.shop ?? name.replace(/\.(csv|xlsx?)$/i, ""),
        now: ctx.now,
        // The console imports as the CLI does; a chat workspace gets a shop of its own.
        workspaceId: ctx.invocation.platform === "console" ? undefined : ctx.scope.workspaceId,
      });
      return reply({
        kind: "success",
        title: `Imported ${name}`,
        summary: `${summary.rows} rows (${summary.newRows} new) into shop "${summary.shop}" (${summary.currency}, days in ${summary.timezone}): ${summary.days} days, ${summary.firstDay ?? "—"} to ${summary.lastDay ?? "—"}. Try /balance earnings ${summary.firstDay && summary.lastDay ? `${summary.firstDay}..${summary.lastDay}` : "30d"} shop:${summary.shop}`,
        sections: importNotes(summary).length
          ? [{ notes: importNotes(summary).map((note) => note.trim()) }]
          : [],
        ephemeral: true,
      });
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      const problems = error.problems ?? [];
      return reply({
        kind: "error",
        title: "Nothing was imported",
        summary: `${error.message}${problems.length ? `: ${problems.slice(0, 3).join("; ")}${problems.length > 3 ? "; …" : ""}` : ""}`,
        sections: problems.length
          ? [
              {
                notes: [
                  ...problems.slice(0, SHOWN_PROBLEMS),
                  ...(problems.length > SHOWN_PROBLEMS
                    ? [`…and ${problems.length - SHOWN_PROBLEMS} more`]
                    : []),
                  "Fix these rows in the spreadsheet and import the file again.",
                ],
              },
            ]
          : [],
        ephemeral: true,
      });
    } finally {
      cleanup();
    }
  },
});

/** The attached file (downloaded to a private temp folder), or in the console a local path. */
async function obtainFile(
  ctx: CommandContext,
  file: string,
): Promise<{ path: string; name: string; cleanup: () => void }> {
  const attachment =
    ctx.invocation.attachments?.find((a) => a.name === file) ?? ctx.invocation.attachments?.[0];
  if (attachment) {
    if (attachment.size > MAX_BYTES)
      throw new UserError(
        `${attachment.name} is ${Math.round(attachment.size / 1e6)} MB; an export is at most ${MAX_BYTES / 1e6} MB`,
      );
    const response = await fetch(attachment.url, { signal: AbortSignal.timeout(30_000) });
    if (!response.ok)
      throw new UserError(`could not download ${attachment.name} (HTTP ${response.status}); attach it again`);
    const bytes = Buffer.from(await response.arrayBuffer());
    if (bytes.length > MAX_BYTES) throw new UserError(`${attachment.name} is too large for an export`);
    const dir = mkdtempSync(join(tmpdir(), "balance-import-"));
    const name = basename(attachment.name).replace(/[^\w.\- ()]/g, "_") || "export.csv";
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return { path, name, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  }
  if (ctx.invocation.platform === "console")
    return { path: resolve(file), name: basename(file), cleanup: () => {} };
  throw new UserError(
    ctx.invocation.platform === "slack"
      ? "Slack slash commands can't carry a file: import it on the server with `balance-bot import <file>`, or from Discord's /balance import"
      : "attach the export file to the command's file option",
  );
}
