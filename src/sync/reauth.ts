import { perLocale, workspaceLocales } from "../alerts/locale.ts";
import { enqueueView } from "../delivery/enqueue.ts";
import { alertView } from "../delivery/payload.ts";
import type { Db } from "../storage/database.ts";
import { flagNeedsReauth } from "../storage/repos/connections.ts";
import { shopNoticeTargets } from "../storage/repos/notice-targets.ts";
import { shopsOfAuthorization } from "../storage/repos/shops.ts";
import { type ReauthReason, reauthNotice } from "./connection-notices.ts";

export interface ReauthDeps {
  db: Db;
  clock: () => Date;
  sandbox: boolean;
}

/**
 * Marks an authorization `needs_reauth` and tells its shops' channels, in one transaction. Only
 * the call that moves it from active does both, so the notice goes out once per lapse; the key
 * carries the moment of the lapse so a later lapse (after a reconnect) is told again.
 */
export async function requireReauthorization(
  deps: ReauthDeps,
  authorizationId: number,
  reason: ReauthReason,
): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const [moved] = await flagNeedsReauth(tx, [authorizationId], deps.clock());
    if (!moved) return 0;
    const shops = await shopsOfAuthorization(tx, authorizationId);
    const viewIn = perLocale((locale) =>
      alertView(
        "reauth",
        reauthNotice(
          shops.map((s) => s.name),
          reason,
          deps.sandbox,
          locale,
        ),
      ),
    );
    const localeOf = workspaceLocales(tx);
    let queued = 0;
    for (const t of await shopNoticeTargets(
      tx,
      shops.map((s) => s.id),
    )) {
      queued += Number(
        await enqueueView(
          tx,
          t,
          viewIn(await localeOf(t.workspaceId)),
          `reauth:${authorizationId}:${t.channelId}:${moved.at.getTime()}`,
        ),
      );
    }
    return queued;
  });
}
