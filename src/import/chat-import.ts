import type { StatementImporter } from "../core/importer.ts";
import { ImportError, say } from "../providers/csv/import-error.ts";
import type { Db } from "../storage/database.ts";
import { ensureWorkspace } from "../storage/repos/workspaces.ts";
import { IMPORT_FILE_BYTES, importStatementExport } from "./import-export.ts";

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
        return { ok: true, summary };
      } catch (error) {
        if (!(error instanceof ImportError)) throw error;
        const { summary, said } = error;
        return {
          ok: false,
          message: (words) => say(summary, words),
          problems: (words) => said.map((p) => say(p, words)),
        };
      }
    },
  };
}
