import { eq, lt } from "drizzle-orm";
import type { RunCoordinator } from "node-cron";
import type { Db } from "../storage/database.ts";
import { jobRuns } from "../storage/schema/index.ts";

/**
 * node-cron's RunCoordinator on Postgres: each fire has a key (job name + scheduled minute);
 * the replica whose insert wins runs it, every other replica skips it. No home-made protocol:
 * a primary key does the election.
 */
export function createPostgresCoordinator(db: Db, owner: string): RunCoordinator {
  return {
    async shouldRun(key) {
      const rows = await db
        .insert(jobRuns)
        .values({ key, job: key.split(":")[0] ?? key, owner })
        .onConflictDoNothing()
        .returning({ key: jobRuns.key });
      return rows.length > 0;
    },
    async onComplete(key) {
      await db.update(jobRuns).set({ finishedAt: new Date() }).where(eq(jobRuns.key, key));
    },
  };
}

/** Forgets fires older than `keepMs` (the daily health job calls it). */
export async function pruneJobRuns(db: Db, now: Date, keepMs: number): Promise<void> {
  await db.delete(jobRuns).where(lt(jobRuns.startedAt, new Date(now.getTime() - keepMs)));
}
