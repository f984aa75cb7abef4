import type { ServerResponse } from "node:http";
import { and, eq, max, sql } from "drizzle-orm";
import { TOKEN_UNREADABLE } from "../storage/crypto.ts";
import { type Db, ping } from "../storage/database.ts";
import { authorizations, shops, syncState } from "../storage/schema/index.ts";
import { sendJson, sendText } from "./io.ts";

export interface ReadinessOptions {
  db: Db;
  clock: () => Date;
  /** Whether each chat adapter is connected, e.g. { slack: true, discord: false }. */
  adapters?: (() => Record<string, boolean>) | undefined;
  /** The newest sync attempt may be at most this old. */
  maxSyncAgeMs: number;
  /** A database that does not answer within this is down. */
  pingTimeoutMs?: number;
}

/** GET /healthz: the process is up and serving. */
export function healthz(res: ServerResponse): void {
  sendText(res, 200, "ok\n");
}

/**
 * GET /readyz: 200 when the database answers, every adapter is connected and the sync loop ran
 * recently without every shop failing to decrypt its tokens, else 503; the JSON says which, in
 * words that name no workspace or shop (the endpoint is public). Only shops with an active
 * authorization count: a shop waiting for its seller must not take the bot out of service (it
 * serves the reconnect).
 */
export async function readyz(options: ReadinessOptions, res: ServerResponse): Promise<void> {
  const problems: string[] = [];
  let database = "ok";
  let lastSyncAt: Date | null = null;
  let syncing = false;
  try {
    await withTimeout(ping(options.db), options.pingTimeoutMs ?? 2000);
    const [row] = await withTimeout(
      options.db
        .select({
          last: max(syncState.lastAttemptAt),
          shops: sql<number>`count(distinct ${shops.id})::int`,
          // Shops whose latest attempt could not even read their tokens.
          undecryptable: sql<number>`count(distinct ${shops.id}) filter (where ${syncState.lastErrorCode} = ${TOKEN_UNREADABLE} and ${syncState.consecutiveFailures} > 0)::int`,
        })
        .from(shops)
        .innerJoin(
          authorizations,
          and(eq(authorizations.id, shops.authorizationId), eq(authorizations.status, "active")),
        )
        .leftJoin(syncState, eq(syncState.shopId, shops.id)),
      options.pingTimeoutMs ?? 2000,
    );
    syncing = (row?.shops ?? 0) > 0;
    lastSyncAt = row?.last ?? null;
    // Attempts keep "running" while every one fails: without this, the bot looks ready forever.
    if (syncing && row?.undecryptable === row?.shops)
      problems.push("every sync is failing: stored tokens cannot be decrypted with this ENCRYPTION_KEY");
  } catch {
    database = "unreachable";
    problems.push("database unreachable");
  }
  const adapters = options.adapters?.() ?? {};
  for (const [name, connected] of Object.entries(adapters))
    if (!connected) problems.push(`${name} not connected`);
  const now = options.clock().getTime();
  const ageMs = lastSyncAt ? now - lastSyncAt.getTime() : null;
  if (database === "ok" && syncing && (ageMs === null || ageMs > options.maxSyncAgeMs)) {
    problems.push(ageMs === null ? "no sync has run yet" : `last sync ${Math.round(ageMs / 1000)} s ago`);
  }
  sendJson(res, problems.length === 0 ? 200 : 503, {
    status: problems.length === 0 ? "ready" : "not ready",
    problems,
    database,
    adapters,
    lastSyncAt: lastSyncAt?.toISOString() ?? null,
    syncAgeSeconds: ageMs === null ? null : Math.round(ageMs / 1000),
    maxSyncAgeSeconds: Math.round(options.maxSyncAgeMs / 1000),
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
