import { createHash } from "node:crypto";
import { workspaceLocales } from "../alerts/locale.ts";
import { ProviderError } from "../core/errors.ts";
import { enqueueView } from "../delivery/enqueue.ts";
import { alertView } from "../delivery/payload.ts";
import { type Locale, translator } from "../i18n/index.ts";
import type { Logger } from "../log.ts";
import type { AuthorizedShop, TokenStore } from "../providers/port.ts";
import type { TikTokClient, TokenGrant } from "../providers/tiktok/client.ts";
import type { Db } from "../storage/database.ts";
import { claimOAuthState, releaseOAuthState, type StateProblem } from "../storage/repos/oauth-states.ts";
import { upsertAuthorization } from "../storage/repos/shops.ts";
import { ensureChannel } from "../storage/repos/workspaces.ts";
import { isOutboxPlatform } from "../storage/schema/index.ts";
import { connectedNotice } from "../sync/connection-notices.ts";
import { CREATOR_USER_TYPE, creatorAccountName, linkCreatorAccount } from "../sync/link-creator.ts";
import { linkAuthorizedShops } from "../sync/link-shops.ts";
import { pendingTokens } from "./client.ts";

export interface CompleteDeps {
  db: Db;
  log: Logger;
  clock: () => Date;
  sandbox: boolean;
  /** "tiktok" or "sandbox": the provider of the stored authorization and shops. */
  provider: string;
  encryptionKey: Buffer | undefined;
  /** A client of this app over a token store (the tokens do not exist in the database yet). */
  clientFor(tokens: TokenStore): TikTokClient;
}

/** What the callback page says; `status` is its HTTP status. */
export type Outcome =
  | { ok: true; status: 200; shops: string[]; seller: string | undefined }
  | { ok: false; status: number; title: string; message: string };

const STATE_PAGES: Record<StateProblem, { status: number; title: string; message: string }> = {
  unknown: {
    status: 400,
    title: "This link is not valid",
    message:
      "balance-bot did not issue this authorization request. Nothing was connected. Run /balance connect in your workspace for a fresh link.",
  },
  used: {
    status: 410,
    title: "This link was already used",
    message: "Each connect link works once. Nothing was changed. Run /balance connect again for a new link.",
  },
  expired: {
    status: 410,
    title: "This link has expired",
    message:
      "Connect links are valid for 30 minutes. Nothing was connected. Run /balance connect again for a new link.",
  },
};

/**
 * Finishes `/balance connect`: claims the state (atomically, once), exchanges the code, reads the
 * authorized shops, then stores the encrypted tokens, the shops, their links to the state's
 * workspace and the channel confirmation in one transaction. Any failure stores nothing.
 */
export async function completeAuthorization(
  deps: CompleteDeps,
  input: { code: string; state: string },
): Promise<Outcome> {
  const claimed = await claimOAuthState(deps.db, input.state, deps.clock());
  if ("problem" in claimed) return { ok: false, ...STATE_PAGES[claimed.problem] };
  const { row } = claimed;

  const tokens = pendingTokens();
  const client = deps.clientFor(tokens);
  let grant: TokenGrant;
  let shops: AuthorizedShop[];
  try {
    grant = await client.getAccessToken(input.code);
    // A creator (user type 1) authorizes no shop: its own account is what gets linked.
    shops = grant.userType === CREATOR_USER_TYPE ? [] : await client.listShops();
  } catch (error) {
    // The seller may simply open the link again: TikTok then issues a new code for the same state.
    await releaseOAuthState(deps.db, input.state);
    return failure(deps.log, error);
  }
  if (!grant.openId) {
    await releaseOAuthState(deps.db, input.state);
    return failure(deps.log, new ProviderError("TikTok Shop returned tokens without an open_id"));
  }
  const openId = grant.openId;

  await deps.db.transaction(async (tx) => {
    const authorizationId = await upsertAuthorization(tx, {
      provider: deps.provider,
      openId,
      tokens: grant,
      key: deps.encryptionKey,
      sellerName: grant.sellerName,
      region: grant.region,
      scopes: grant.scopes,
      now: deps.clock(),
    });
    if (grant.userType === CREATOR_USER_TYPE)
      await linkCreatorAccount(tx, deps.provider, authorizationId, { ...grant, openId }, row.workspaceId);
    else await linkAuthorizedShops(tx, deps.provider, authorizationId, shops, row.workspaceId);
    const channelId = await ensureChannel(tx, row.workspaceId, row.channel);
    const locale = await workspaceLocales(tx)(row.workspaceId);
    const view = connectedNotice(
      connectedNames(grant, shops, locale),
      grant.sellerName,
      deps.sandbox,
      locale,
    );
    const { platform } = row;
    if (!isOutboxPlatform(platform)) {
      deps.log.warn({ platform }, "connected a shop from a platform the outbox cannot post to");
      return;
    }
    await enqueueView(
      tx,
      { workspaceId: row.workspaceId, platform, channel: row.channel },
      alertView("connected", view),
      // One per connect: the state (hashed, never shown) tells two connects of one seller apart.
      `connected:${authorizationId}:${channelId}:${createHash("sha256").update(input.state).digest("hex").slice(0, 16)}`,
    );
  });
  deps.log.info({ shops: shops.length, workspaceId: row.workspaceId }, "tiktok shop connected");
  return { ok: true, status: 200, shops: connectedNames(grant, shops), seller: grant.sellerName };
}

/** What was connected, by name (in `locale`, English for the web page): the shops, or the creator account. */
export function connectedNames(
  grant: TokenGrant,
  shops: readonly AuthorizedShop[],
  locale: Locale = "en",
): string[] {
  return grant.userType === CREATOR_USER_TYPE
    ? [translator(locale).t("connectedAccount.creator", { name: creatorAccountName(grant) })]
    : shops.map((s) => s.name);
}

function failure(log: Logger, error: unknown): Outcome {
  const upstream = error instanceof ProviderError ? error.upstream : {};
  // The message is already free of secrets (the client redacts them); it goes to the log only.
  log.warn(
    { code: upstream.code, requestId: upstream.requestId, err: error },
    "tiktok authorization could not be completed",
  );
  const ref = upstream.requestId ? ` (TikTok request ${upstream.requestId})` : "";
  if (upstream.retryable) {
    return {
      ok: false,
      status: 502,
      title: "TikTok Shop did not answer",
      message: `balance-bot could not reach TikTok Shop to finish connecting${ref}. Nothing was stored. Open the link again in a few minutes.`,
    };
  }
  return {
    ok: false,
    status: 400,
    title: "TikTok Shop refused this authorization",
    message: `The authorization code was rejected: codes work once and expire after 30 minutes${ref}. Nothing was stored. Open the connect link again, or run /balance connect for a new one.`,
  };
}
