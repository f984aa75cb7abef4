import { insertAlertRule, listAlertRules } from "../storage/repos/settings.ts";
import {
  ensureChannel,
  ensureWorkspace,
  linkShop,
  listShopsByProvider,
} from "../storage/repos/workspaces.ts";
import type { App } from "./app.ts";

/** On the sandbox, the console starts with payout alerts on, so a newcomer sees one land. */
export async function ensureDemoAlerts(app: App): Promise<void> {
  if (app.provider !== "sandbox") return;
  const { db } = app.database;
  const workspaceId = await ensureWorkspace(db, "console", "console", "Console");
  const channelId = await ensureChannel(db, workspaceId, "console");
  // Link now, not at the first command: the alert must find the console before anyone types.
  for (const shop of await listShopsByProvider(db, "sandbox")) await linkShop(db, workspaceId, shop.id);
  if ((await listAlertRules(db, workspaceId)).length > 0) return;
  for (const kind of ["payout", "failed"]) {
    await insertAlertRule(db, { workspaceId, channelId, kind, createdBy: "demo" });
  }
}
