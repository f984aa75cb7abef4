import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lt } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { oauthStates } from "../schema/index.ts";

/**
 * Single-use OAuth `state` values. Only a SHA-256 of the state is stored, so a copy of the
 * database cannot be used to finish someone else's authorization.
 */
export type StateRow = typeof oauthStates.$inferSelect;

/** Why a state cannot be used. */
export type StateProblem = "unknown" | "used" | "expired";

const digest = (state: string) => createHash("sha256").update(state, "utf8").digest("hex");

/** Creates a state (32 random bytes, base64url) for one workspace, channel and person. */
export async function createOAuthState(
  db: Tx,
  input: { workspaceId: number; platform: string; channel: string; createdBy: string; expiresAt: Date },
): Promise<string> {
  const state = randomBytes(32).toString("base64url");
  await db.insert(oauthStates).values({ ...input, state: digest(state) });
  return state;
}

/**
 * Marks a state used, atomically: of two callbacks with the same state, exactly one gets the row.
 * Otherwise says why not.
 */
export async function claimOAuthState(
  db: Tx,
  state: string,
  now: Date,
): Promise<{ row: StateRow } | { problem: StateProblem }> {
  const key = digest(state);
  const [row] = await db
    .update(oauthStates)
    .set({ usedAt: now })
    .where(and(eq(oauthStates.state, key), isNull(oauthStates.usedAt), gt(oauthStates.expiresAt, now)))
    .returning();
  if (row) return { row };
  const [found] = await db.select().from(oauthStates).where(eq(oauthStates.state, key));
  if (!found) return { problem: "unknown" };
  return { problem: found.usedAt ? "used" : "expired" };
}

/** Gives a claimed state back after a failure that was not the seller's doing (e.g. TikTok down). */
export async function releaseOAuthState(db: Tx, state: string): Promise<void> {
  await db
    .update(oauthStates)
    .set({ usedAt: null })
    .where(eq(oauthStates.state, digest(state)));
}

/** Deletes states that expired before `before` (housekeeping). */
export async function pruneOAuthStates(db: Tx, before: Date): Promise<number> {
  const rows = await db
    .delete(oauthStates)
    .where(lt(oauthStates.expiresAt, before))
    .returning({ state: oauthStates.state });
  return rows.length;
}
