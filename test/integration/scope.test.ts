import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CoreDeps } from "../../src/core/deps.ts";
import type { Invocation } from "../../src/core/invocation.ts";
import { resolveScope } from "../../src/core/workspace.ts";
import type { Database } from "../../src/storage/database.ts";
import { linkShop } from "../../src/storage/repos/workspaces.ts";
import { channels, shops, workspaces } from "../../src/storage/schema/index.ts";
import { createTestDatabase } from "../support/db.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const invocation = (workspaceId: string, channelId: string) =>
  ({ platform: "slack", workspaceId, workspaceName: "Acme", channelId }) as Invocation;

async function addShop(name: string, externalId: string): Promise<number> {
  const [row] = await database.db
    .insert(shops)
    .values({ provider: "tiktok", externalId, name, region: "US", timezone: "America/New_York" })
    .returning({ id: shops.id });
  return row!.id;
}

describe("resolveScope", () => {
  it("creates a new workspace and channel once, then finds them, with no shop linked", async () => {
    const deps = { db: database.db } as CoreDeps;
    const first = await resolveScope(deps, invocation("T1", "C1"));
    expect(first.shops).toEqual([]);
    const again = await resolveScope(deps, invocation("T1", "C1"));
    expect(again).toEqual(first);
    // Another channel of the same workspace is created, in the same workspace.
    const other = await resolveScope(deps, invocation("T1", "C2"));
    expect(other.workspaceId).toBe(first.workspaceId);
    expect(other.channelId).not.toBe(first.channelId);
    expect(await database.db.select().from(workspaces)).toHaveLength(1);
    expect(await database.db.select().from(channels)).toHaveLength(2);
  });

  it("sees exactly the linked shops, oldest link first, and the workspace's language", async () => {
    const deps = { db: database.db } as CoreDeps;
    const { workspaceId } = await resolveScope(deps, invocation("T2", "C1"));
    const later = await addShop("Later Shop", "s-later");
    const earlier = await addShop("Earlier Shop", "s-earlier");
    await addShop("Someone Else's Shop", "s-other");
    await linkShop(database.db, workspaceId, earlier);
    await new Promise((r) => setTimeout(r, 5));
    await linkShop(database.db, workspaceId, later);
    await database.db.update(workspaces).set({ language: "th" });
    const scope = await resolveScope(deps, invocation("T2", "C1"));
    expect(scope.shops.map((s) => s.name)).toEqual(["Earlier Shop", "Later Shop"]);
    expect(scope.shops[0]).toMatchObject({ id: earlier, timezone: "America/New_York", kind: "seller" });
    expect(scope.language).toBe("th");
  });

  it("links the sandbox shops to a workspace that has none, when sandbox auto-linking is on", async () => {
    const sandboxShop = await database.db
      .insert(shops)
      .values({ provider: "sandbox", externalId: "sb-1", name: "Sandbox", region: "US", timezone: "UTC" })
      .returning({ id: shops.id });
    const deps = { db: database.db, autoLinkProvider: "sandbox" } as CoreDeps;
    const scope = await resolveScope(deps, invocation("T3", "C1"));
    expect(scope.shops.map((s) => s.id)).toEqual([sandboxShop[0]!.id]);
    expect((await resolveScope(deps, invocation("T3", "C1"))).shops.map((s) => s.id)).toEqual([
      sandboxShop[0]!.id,
    ]);
  });
});
