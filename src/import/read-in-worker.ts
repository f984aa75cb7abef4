/**
 * Runs `readExport` in a worker thread with a heap cap and a wall-clock cap, so that a file that
 * escapes every counted limit still cannot stall the bot or exhaust its memory: the thread is
 * ended and the seller gets a message naming the limit.
 */
import { Worker } from "node:worker_threads";
import { ImportError, say } from "../providers/csv/import-error.ts";
import { DEFAULT_LIMITS, type ImportLimits, LimitError, limitMessages } from "../providers/csv/limits.ts";
import type { ReadExport, ReadExportOptions } from "../providers/csv/read-export.ts";
import type { WorkerReply } from "./read-worker-main.ts";

// From the sources, a small .mjs entry loads tsx first; compiled (dist/), the worker's own module.
const ENTRY = import.meta.url.endsWith(".ts")
  ? new URL("./read-worker.mjs", import.meta.url)
  : new URL("./read-worker-main.js", import.meta.url);
/** Worker start-up (loading tsx and the parser) is not the file's fault: it gets its own time. */
const STARTUP_GRACE_MS = 10_000;

export function readExportInWorker(bytes: Uint8Array, options: ReadExportOptions = {}): Promise<ReadExport> {
  const limits: ImportLimits = options.limits ?? DEFAULT_LIMITS;
  // A copy the worker owns outright (the caller's bytes may be a view into a shared pool).
  const copy = new Uint8Array(bytes);
  return new Promise((resolve, reject) => {
    const worker = new Worker(ENTRY, {
      workerData: { bytes: copy, options: { ...options, limits } },
      transferList: [copy.buffer],
      resourceLimits: { maxOldGenerationSizeMb: limits.workerHeapMb, maxYoungGenerationSizeMb: 32 },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () => finish(() => reject(limitMessages.seconds(limits))),
      limits.seconds * 1000 + STARTUP_GRACE_MS,
    );
    worker.once("message", (reply: WorkerReply) =>
      finish(() => {
        if (reply.ok) resolve(reply.result);
        else if (reply.internal) reject(new Error(`import worker: ${say(reply.summary)}`));
        else if (reply.limit) reject(new LimitError(reply.limit as keyof ImportLimits, reply.summary));
        else reject(new ImportError(reply.summary, reply.said));
      }),
    );
    worker.once("error", (error: Error & { code?: string }) =>
      finish(() =>
        reject(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? limitMessages.workerHeapMb(limits) : error),
      ),
    );
    worker.once("exit", (code) =>
      finish(() => reject(new Error(`import worker exited with code ${code} before answering`))),
    );
  });
}
