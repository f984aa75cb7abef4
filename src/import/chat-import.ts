import type { StatementImporter } from "../core/importer.ts";
import { ImportError } from "../providers/csv/import-error.ts";
import type { Db } from "../storage/database.ts";
import { ensureWorkspace } from "../storage/repos/workspaces.ts";
import { IMPORT_FILE_BYTES, importStatementExport } from "./import-export.ts";
import { importNotes } from "./run-import.ts";

/**
 * The importer behind `/balance import`. The console workspace imports into the same shops as
 * `balance-bot import` (one local user); a chat workspace gets shops of its own.
 */
export function createStatementImporter(db: Db): StatementImporter {
  return {
    maxBytes: IMPORT_FILE_BYTES,
    async importExport({ file, shopName, workspaceId, now }) {
      const cliWorkspace = await ensureWorkspace(db, "console", "console", "Console");
      try {
        const summary = await importStatementExport(db, {
          file: file.name,
          bytes: file.bytes,
          shopName: shopName ?? file.name.replace(/\.(csv|xlsx?)$/i, ""),
          now,
          workspaceId: workspaceId === cliWorkspace ? undefined : workspaceId,
        });
        return { ok: true, summary, notes: importNotes(summary).map((note) => note.trim()) };
      } catch (error) {
        if (!(error instanceof ImportError)) throw error;
        return { ok: false, message: error.message, problems: error.problems };
      }
    },
  };
}
