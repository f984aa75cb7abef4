import { eq, lt } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { sandboxClock } from "../schema/index.ts";

export interface SandboxEpoch {
  worldStart: Date;
  simulatedAt: Date;
}

/** The stored sandbox clock, or null before the first run on the sandbox. */
export async function readSandboxEpoch(db: Tx): Promise<SandboxEpoch | null> {
  const [row] = await db.select().from(sandboxClock).where(eq(sandboxClock.id, 1));
  return row ? { worldStart: row.worldStart, simulatedAt: row.simulatedAt } : null;
}

/** Stores how far the sandbox clock has got; never moves it back (two replicas, one clock). */
export async function saveSandboxEpoch(db: Tx, epoch: SandboxEpoch): Promise<void> {
  await db
    .insert(sandboxClock)
    .values({ id: 1, ...epoch })
    .onConflictDoUpdate({
      target: sandboxClock.id,
      set: { simulatedAt: epoch.simulatedAt },
      // lt() binds through the column's mapper: a raw Date in sql`` breaks postgres.js.
      setWhere: lt(sandboxClock.simulatedAt, epoch.simulatedAt),
    });
}
