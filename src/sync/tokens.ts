/**
 * Token lifecycle: refresh access tokens before they expire (TikTok: every 7 days), and turn a
 * refusal that only the seller can fix into `needs_reauth` plus one notice to the shop's channels.
 */
import { and, eq, gt, inArray } from "drizzle-orm";
import { ProviderError } from "../core/errors.ts";
import type { Logger } from "../log.ts";
import type { TikTokClient } from "../providers/tiktok/client.ts";
import type { Db } from "../storage/database.ts";
import { activeAuthorizations } from "../storage/repos/connections.ts";
import { authorizations, shops, syncState } from "../storage/schema/index.ts";
import { requireReauthorization } from "./reauth.ts";

export interface RefreshDeps {
  db: Db;
  /** A client whose token store is the authorization's row (what it refreshes is stored at once). */
  clientFor: (authorizationId: number) => Pick<TikTokClient, "refresh">;
  now: Date;
  /** Refresh when the access token expires within this many ms (or its expiry is unknown). */
  withinMs: number;
  /** Only this provider's authorizations ("tiktok" or "sandbox"); default all. */
  provider?: string;
  log?: Logger;
  sandbox?: boolean;
}

export interface RefreshReport {
  refreshed: number[];
  /** Moved to needs_reauth by this run. */
  flagged: number[];
  /** Transient failures, tried again next run. */
  deferred: number[];
}

/** The finance scope is missing: only the seller can grant it (reference §2.2). */
const SCOPE_MISSING = "105005";
/** Default: the job runs hourly; a day ahead leaves many tries before the 7-day token lapses. */
export const REFRESH_AHEAD_MS = 24 * 3_600_000;

/**
 * Refreshes the active authorizations whose access token expires within `withinMs`. A refusal
 * (105005, an invalid or expired refresh token) marks the authorization `needs_reauth` and tells
 * its channels once; a network error or TikTok outage is left for the next run. Shops whose last
 * sync was refused with 105005 are flagged the same way, since refreshing cannot grant a scope.
 */
export async function refreshAheadOfExpiry(deps: RefreshDeps): Promise<RefreshReport> {
  const report: RefreshReport = { refreshed: [], flagged: [], deferred: [] };
  const all = deps.provider
    ? await activeAuthorizations(deps.db, deps.provider)
    : (await activeAuthorizations(deps.db, "tiktok")).concat(await activeAuthorizations(deps.db, "sandbox"));
  const reauth = { db: deps.db, clock: () => deps.now, sandbox: deps.sandbox ?? false };
  const scopeless = await authorizationsRefusedScope(
    deps.db,
    all.map((a) => a.id),
  );
  for (const authorization of all) {
    if (scopeless.has(authorization.id)) {
      await requireReauthorization(reauth, authorization.id, { kind: "scope" });
      report.flagged.push(authorization.id);
      continue;
    }
    const expires = authorization.accessExpiresAt?.getTime();
    if (expires !== undefined && expires - deps.now.getTime() > deps.withinMs) continue;
    try {
      await deps.clientFor(authorization.id).refresh();
      report.refreshed.push(authorization.id);
    } catch (error) {
      if (!(error instanceof ProviderError)) {
        // Not TikTok's answer (e.g. a token that cannot be decrypted): re-authorizing is not the fix.
        deps.log?.error({ err: error, authorizationId: authorization.id }, "token refresh failed");
        report.deferred.push(authorization.id);
        continue;
      }
      const refreshLapsed =
        (authorization.refreshExpiresAt?.getTime() ?? Number.POSITIVE_INFINITY) <= deps.now.getTime();
      if (error.upstream.retryable && !refreshLapsed) {
        deps.log?.warn({ err: error, authorizationId: authorization.id }, "token refresh deferred");
        report.deferred.push(authorization.id);
        continue;
      }
      const code = error.upstream.code?.toString();
      await requireReauthorization(
        reauth,
        authorization.id,
        code === SCOPE_MISSING ? { kind: "scope" } : { kind: "refused", code },
      );
      deps.log?.warn({ code, authorizationId: authorization.id }, "authorization needs the seller again");
      report.flagged.push(authorization.id);
    }
  }
  return report;
}

/**
 * Authorizations with a shop whose sync is failing with 105005 since the tokens last changed
 * (a failure from before a reconnect says nothing about the new grant).
 */
async function authorizationsRefusedScope(db: Db, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ id: shops.authorizationId })
    .from(syncState)
    .innerJoin(shops, eq(shops.id, syncState.shopId))
    .innerJoin(authorizations, eq(authorizations.id, shops.authorizationId))
    .where(
      and(
        inArray(shops.authorizationId, ids),
        eq(syncState.lastErrorCode, SCOPE_MISSING),
        gt(syncState.consecutiveFailures, 0),
        gt(syncState.lastAttemptAt, authorizations.updatedAt),
      ),
    );
  return new Set(rows.map((r) => r.id).filter((id): id is number => id !== null));
}
