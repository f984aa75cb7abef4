import {
  ensureChannel,
  ensureWorkspaceRow,
  linkShop,
  listLinkedShops,
  listShopsByProvider,
  readScope,
  readShopSyncs,
  type ShopRow,
  type ShopSync,
} from "../storage/repos/workspaces.ts";
import type { CoreDeps } from "./deps.ts";
import type { Invocation } from "./invocation.ts";

/** What one invocation may see: its workspace, its channel, and only the shops linked to it. */
export interface WorkspaceScope {
  workspaceId: number;
  channelId: number;
  shops: ShopRow[];
  /** Each shop's sync (when its data was last complete), read with the scope. */
  syncs: ReadonlyMap<number, ShopSync>;
  /** The language chosen with `/balance language`; null: none yet (the platform's locale applies). */
  language: string | null;
}

/**
 * One read when the workspace and channel are known (every command after the first); the first
 * invocation from a workspace or channel creates them.
 */
export async function resolveScope(deps: CoreDeps, invocation: Invocation): Promise<WorkspaceScope> {
  const known = await readScope(deps.db, invocation.platform, invocation.workspaceId, invocation.channelId);
  if (known?.channelId != null && (known.shops.length > 0 || !deps.autoLinkProvider)) {
    const { workspaceId, channelId, shops, language, syncs } = known;
    return { workspaceId, channelId, shops, language, syncs };
  }
  const { id: workspaceId, language } = await ensureWorkspaceRow(
    deps.db,
    invocation.platform,
    invocation.workspaceId,
    invocation.workspaceName,
  );
  const channelId = await ensureChannel(deps.db, workspaceId, invocation.channelId);
  let shops = await listLinkedShops(deps.db, workspaceId);
  if (shops.length === 0 && deps.autoLinkProvider) {
    // Try-before-you-connect: a new workspace sees the sandbox shop until a real one is linked.
    for (const shop of await listShopsByProvider(deps.db, deps.autoLinkProvider))
      await linkShop(deps.db, workspaceId, shop.id);
    shops = await listLinkedShops(deps.db, workspaceId);
  }
  const syncs = await readShopSyncs(
    deps.db,
    shops.map((s) => s.id),
  );
  return { workspaceId, channelId, shops, language, syncs };
}

/** When a shop's data was last complete, as the invocation's scope read it; null: never yet. */
export function lastSyncIn(scope: Pick<WorkspaceScope, "syncs">, shopId: number): Date | null {
  return scope.syncs.get(shopId)?.lastSync ?? null;
}
