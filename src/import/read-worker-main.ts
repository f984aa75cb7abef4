/**
 * The import worker: reads one export (providers/csv `readExport`) and posts the checked rows
 * back, or the reason it can't. Runs in its own thread so a large file never blocks replies.
 */
import { parentPort, workerData } from "node:worker_threads";
import { ImportError, type Said } from "../providers/csv/import-error.ts";
import { LimitError } from "../providers/csv/limits.ts";
import { type ReadExportOptions, readExport } from "../providers/csv/read-export.ts";

export type WorkerReply =
  | { ok: true; result: Awaited<ReturnType<typeof readExport>> }
  | {
      ok: false;
      /** What went wrong and every bad row, as data (worded in the asker's language later). */
      summary: Said;
      said: readonly Said[];
      limit: string | null;
      internal: boolean;
    };

const { bytes, options } = workerData as { bytes: Uint8Array; options: ReadExportOptions };

async function run(): Promise<WorkerReply> {
  try {
    return { ok: true, result: await readExport(bytes, options) };
  } catch (error) {
    if (error instanceof ImportError) {
      return {
        ok: false,
        summary: error.summary,
        said: error.said,
        limit: error instanceof LimitError ? error.limit : null,
        internal: false,
      };
    }
    return { ok: false, summary: (error as Error).message, said: [], limit: null, internal: true };
  }
}

parentPort?.postMessage(await run());
