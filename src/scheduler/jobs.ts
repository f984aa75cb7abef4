import cron, { type ScheduledTask } from "node-cron";
import type { Logger } from "../log.ts";
import type { Db } from "../storage/database.ts";
import { createPostgresCoordinator } from "./coordinator.ts";

/** A scheduled job: a plain function that tests and the CLI call directly, and a cron expression. */
export interface Job {
  name: string;
  cron: string;
  /** Elected on one replica per fire (sync, digests, health); false for work shared with SKIP LOCKED. */
  once: boolean;
  run(): Promise<unknown>;
}

/** The next time `expression` fires after now (node-cron's own parser, so it agrees with the schedule). */
export function nextFire(expression: string): Date {
  const task = cron.createTask(expression, () => {});
  try {
    const [next] = task.getNextRuns(1);
    if (!next) throw new Error(`cron expression never fires: ${expression}`);
    return next;
  } finally {
    void task.destroy();
  }
}

export interface Scheduler {
  stop(): Promise<void>;
}

/**
 * Runs the job table with node-cron: no overlap within a process, and each fire of a `once` job
 * on exactly one replica through the Postgres RunCoordinator. Per run: catch, log, continue.
 */
export function startScheduler(jobs: Job[], options: { db: Db; owner: string; log: Logger }): Scheduler {
  const coordinator = createPostgresCoordinator(options.db, options.owner);
  const tasks: ScheduledTask[] = jobs.map((job) =>
    cron.schedule(
      job.cron,
      async () => {
        const started = Date.now();
        try {
          await job.run();
          options.log.debug({ job: job.name, ms: Date.now() - started }, "job finished");
        } catch (error) {
          options.log.error({ job: job.name, err: error }, "job failed");
        }
      },
      {
        name: job.name,
        noOverlap: true,
        suppressMissedWarning: true,
        ...(job.once
          ? { distributed: true, runCoordinator: coordinator, distributedLease: 10 * 60_000 }
          : {}),
      },
    ),
  );
  return {
    async stop() {
      await Promise.all(tasks.map(async (t) => t.stop()));
    },
  };
}
