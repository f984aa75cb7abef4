import {
  ensureChannel,
  ensureWorkspace,
  linkShop,
  listLinkedShops,
  listShopsByProvider,
  type ShopRow,
} from "../storage/repos/workspaces.ts";
import type { CoreDeps } from "./deps.ts";
import type { Invocation } from "./invocation.ts";

/** What one invocation may see: its workspace, its channel, and only the shops linked to it. */
export interface WorkspaceScope {
  workspaceId: number;
  channelId: number;
  shops: ShopRow[];
}

export async function resolveScope(deps: CoreDeps, invocation: Invocation): Promise<WorkspaceScope> {
  const workspaceId = await ensureWorkspace(
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
  return { workspaceId, channelId, shops };
}
