import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizeLinks } from "../../src/connect/links.ts";
import { type HttpServer, startHttpServer } from "../../src/http/server.ts";
import { createOAuthState } from "../../src/storage/repos/oauth-states.ts";
import { ensureWorkspace, listLinkedShops } from "../../src/storage/repos/workspaces.ts";
import { authorizations, oauthStates, outbox, shops } from "../../src/storage/schema/index.ts";
import { createTestApp, type TestApp, textOf } from "../support/app.ts";
import { connectCore, firstUrl, storedCounts } from "../support/connect.ts";

const NOW = new Date("2026-03-10T12:00:00Z");
const ADMIN = {
  platform: "slack",
  workspaceId: "T-ACME",
  workspaceName: "Acme",
  channelId: "C-FIN",
  userId: "U1",
  isAdmin: true,
} as const;

let app: TestApp;
let server: HttpServer;
let as: ReturnType<typeof connectCore>["as"];

beforeAll(async () => {
  app = await createTestApp({
    clock: () => NOW,
    sandbox: { startAt: NOW, now: () => NOW, historyDays: 20, ordersPerDay: 6 },
  });
  as = connectCore(app).as;
});
afterAll(async () => {
  await server?.close();
  await app?.close();
});

/** GET without following redirects; the page text. */
async function get(url: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { redirect: "manual" });
  return { status: response.status, text: await response.text() };
}

/** Asks for a link as the Acme admin and returns it, with its state. */
async function connectLink(): Promise<{ link: string; state: string }> {
  const reply = await as("/balance connect", ADMIN);
  expect(reply.kind, textOf(reply)).toBe("info");
  expect(reply.ephemeral).toBe(true);
  const link = firstUrl(reply.summary ?? "");
  return { link, state: new URL(link).searchParams.get("state") ?? "" };
}

/** The sandbox consent page's Authorize (or Decline) link. */
async function consent(link: string, choice: "approve" | "decline"): Promise<string> {
  const page = await get(link);
  expect(page.status).toBe(200);
  const href = new RegExp(`id="${choice}" href="([^"]+)"`).exec(page.text)?.[1] ?? "";
  return href.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)));
}

describe("/balance connect without the HTTP server", () => {
  it("explains which variables to set and stores no state", async () => {
    const reply = await as("/balance connect", ADMIN);
    expect(reply.kind).toBe("warning");
    expect(reply.ephemeral).toBe(true);
    expect(textOf(reply)).toMatch(/PORT/);
    expect(await app.database.db.select().from(oauthStates)).toHaveLength(0);
  });

  it("builds each Partner Center's link from its own service id, or one by region", () => {
    const settings = {
      publicUrl: "https://bot.example",
      serviceIds: { global: "7123456789", us: "7999000111" },
      sandbox: undefined,
    };
    const both = authorizeLinks(settings, "s1", undefined);
    expect("links" in both && both.links.map((l) => l.url)).toEqual([
      "https://services.tiktokshop.com/open/authorize?service_id=7123456789&state=s1",
      "https://services.tiktokshops.us/open/authorize?service_id=7999000111&state=s1",
    ]);
    const us = authorizeLinks(settings, "s1", "us");
    expect("links" in us && us.links.map((l) => l.url)).toEqual([
      "https://services.tiktokshops.us/open/authorize?service_id=7999000111&state=s1",
    ]);
    // Only the global app configured: no region gives its link alone; region:us names the variable.
    const globalOnly = { ...settings, serviceIds: { global: "7123456789", us: undefined } };
    const plain = authorizeLinks(globalOnly, "s1", undefined);
    expect("links" in plain && plain.links.map((l) => l.label)).toEqual(["Sellers outside the US"]);
    const noUs = authorizeLinks(globalOnly, "s1", "us");
    expect("missing" in noUs && noUs.missing.map((m) => m.split(":")[0])).toEqual(["TIKTOK_US_SERVICE_ID"]);
    const missing = authorizeLinks(
      { ...settings, serviceIds: { global: undefined, us: undefined }, publicUrl: undefined },
      "s1",
      undefined,
    );
    expect("missing" in missing && missing.missing.map((m) => m.split(":")[0])).toEqual([
      "TIKTOK_SERVICE_ID",
      "PUBLIC_URL",
    ]);
  });
});

describe("/balance connect for a real app in two Partner Centers", () => {
  it("region:us uses TIKTOK_US_SERVICE_ID, and names it when it is missing", async () => {
    const settings = {
      publicUrl: "https://bot.example",
      serviceIds: { global: "7123456789", us: undefined as string | undefined },
      sandbox: undefined,
    };
    app.deps.callbacks.announce(settings);
    try {
      const refused = await as("/balance connect region:us", ADMIN);
      expect(refused.kind).toBe("warning");
      expect(refused.summary).toContain("Set TIKTOK_US_SERVICE_ID");
      settings.serviceIds.us = "7999000111";
      const us = await as("/balance connect region:us", ADMIN);
      expect(us.kind).toBe("info");
      const link = new URL(firstUrl(us.summary ?? ""));
      expect(`${link.origin}${link.pathname}`).toBe("https://services.tiktokshops.us/open/authorize");
      expect(link.searchParams.get("service_id")).toBe("7999000111");
    } finally {
      app.deps.callbacks.withdraw(settings);
    }
  });
});

describe("connecting the sandbox shop from chat, end to end", () => {
  let used: { callback: string; state: string };

  beforeAll(async () => {
    server = await startHttpServer({
      app,
      port: 0,
      host: "127.0.0.1",
      client: { retry: { baseMs: 1, maxMs: 5 } },
    });
  });

  it("is for admins only", async () => {
    const reply = await as("/balance connect", { ...ADMIN, isAdmin: false });
    expect(reply.title).toBe("Not allowed");
  });

  it("links the authorized shops to the workspace that asked, syncs them and confirms in its channel", async () => {
    const workspaceId = await ensureWorkspace(app.database.db, "slack", "T-ACME");
    expect(await listLinkedShops(app.database.db, workspaceId)).toHaveLength(0);
    expect(textOf(await as("/balance", ADMIN))).toMatch(/no shop is linked/i);

    const { link, state } = await connectLink();
    expect(link.startsWith(app.sandbox!.url)).toBe(true);
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const callback = await consent(link, "approve");
    expect(callback.startsWith(`${server.url}/tiktok/callback?`)).toBe(true);

    const page = await get(callback);
    expect(page.status, page.text).toBe(200);
    expect(page.text).toContain("TikTok Shop connected");
    expect(page.text).toContain("Sandbox Outdoor (US)");
    used = { callback, state };

    const linked = await listLinkedShops(app.database.db, workspaceId);
    expect(linked.map((s) => s.name).sort()).toEqual(app.sandbox!.shops.map((s) => s.name).sort());
    const [authorization] = await app.database.db
      .select()
      .from(authorizations)
      .where(eq(authorizations.openId, "sbx-open-id-7f3a"));
    expect(authorization?.status).toBe("active");
    // Stored as issued, never as the state or code; the sandbox runs without ENCRYPTION_KEY.
    expect(authorization?.accessToken).toMatch(/^plain:TTP_/);

    const reports = await app.syncAll();
    expect(reports.flatMap((r) => r.errors)).toEqual([]);
    const balance = await as("/balance shop:outdoor", ADMIN);
    expect(balance.kind, textOf(balance)).toBe("report");
    expect(textOf(balance)).toMatch(/\$[\d,]+\.\d\d/);

    const [confirmation] = await app.database.db.select().from(outbox).where(eq(outbox.kind, "connected"));
    expect(confirmation?.dedupeKey).toMatch(new RegExp(`^connected:${authorization?.id}:\\d+:[0-9a-f]{16}$`));
    expect(confirmation).toMatchObject({ platform: "slack", channel: "C-FIN", status: "pending" });
    expect(JSON.stringify(confirmation?.payload)).toContain("Sandbox Outdoor (US)");
    expect(JSON.stringify(confirmation?.payload)).not.toContain(state);
  });

  it("refuses a forged state, storing nothing", async () => {
    const before = await storedCounts(app.database.db);
    const page = await get(
      `${server.url}/tiktok/callback?code=${app.sandbox!.newAuthCode()}&state=forged-state`,
    );
    expect(page.status).toBe(400);
    expect(page.text).toContain("This link is not valid");
    expect(await storedCounts(app.database.db)).toEqual(before);
  });

  it("refuses a state used before, storing nothing", async () => {
    const before = await storedCounts(app.database.db);
    const page = await get(used.callback);
    expect(page.status).toBe(410);
    expect(page.text).toContain("already used");
    expect(await storedCounts(app.database.db)).toEqual(before);
  });

  it("refuses an expired state, storing nothing", async () => {
    const workspaceId = await ensureWorkspace(app.database.db, "slack", "T-ACME");
    const state = await createOAuthState(app.database.db, {
      workspaceId,
      platform: "slack",
      channel: "C-FIN",
      createdBy: "U1",
      expiresAt: new Date(NOW.getTime() - 1000),
    });
    const before = await storedCounts(app.database.db);
    const page = await get(`${server.url}/tiktok/callback?code=${app.sandbox!.newAuthCode()}&state=${state}`);
    expect(page.status).toBe(410);
    expect(page.text).toContain("expired");
    expect(await storedCounts(app.database.db)).toEqual(before);
  });

  it("refuses a code TikTok already exchanged, storing nothing, and the link still works after", async () => {
    const { link, state } = await connectLink();
    const usedCode = new URL(used.callback).searchParams.get("code") ?? "";
    const before = await storedCounts(app.database.db);
    const page = await get(`${server.url}/tiktok/callback?code=${usedCode}&state=${state}`);
    expect(page.status).toBe(400);
    expect(page.text).toContain("TikTok Shop refused this authorization");
    expect(page.text).not.toContain(usedCode);
    expect(await storedCounts(app.database.db)).toEqual(before);

    // TikTok issues a fresh code for the same state when the seller opens the link again.
    const retry = await get(await consent(link, "approve"));
    expect(retry.status, retry.text).toBe(200);
  });

  it("ends a declined authorization with a clear page, storing nothing", async () => {
    const { link } = await connectLink();
    const declined = await consent(link, "decline");
    expect(new URL(declined).searchParams.get("error")).toBe("access_denied");
    const before = await storedCounts(app.database.db);
    const page = await get(declined);
    expect(page.status).toBe(403);
    expect(page.text).toContain("Authorization declined");
    expect(await storedCounts(app.database.db)).toEqual(before);
  });

  it("answers an incomplete callback with a page", async () => {
    const page = await get(`${server.url}/tiktok/callback?state=abc`);
    expect(page.status).toBe(400);
    expect(page.text).toContain("incomplete");
  });
});

describe("/balance disconnect", () => {
  it("unlinks the shop and keeps credentials another workspace still uses", async () => {
    // The console workspace links the same shops (and so the same authorization).
    await app.ask("/balance shops");
    const reply = await as("/balance disconnect outdoor", ADMIN);
    expect(reply.kind, textOf(reply)).toBe("success");
    expect(textOf(reply)).toMatch(/credentials stay/);
    const workspaceId = await ensureWorkspace(app.database.db, "slack", "T-ACME");
    expect((await listLinkedShops(app.database.db, workspaceId)).map((s) => s.name)).not.toContain(
      "Sandbox Outdoor (US)",
    );
  });

  it("deletes the stored credentials once no workspace links the authorization", async () => {
    const db = app.database.db;
    const [shop] = await db.select().from(shops).where(eq(shops.name, "Sandbox Outdoor (US)"));
    const authorizationId = shop?.authorizationId;
    expect(authorizationId).toBeTypeOf("number");
    const console = {
      platform: "console",
      workspaceId: "console",
      channelId: "console",
      isAdmin: true,
    } as const;
    let last = "";
    for (const [who, names] of [
      [console, app.sandbox!.shops.map((s) => s.name)],
      [ADMIN, app.sandbox!.shops.map((s) => s.name).filter((n) => n !== "Sandbox Outdoor (US)")],
    ] as const) {
      for (const name of names) last = textOf(await as(`/balance disconnect "${name}"`, who));
    }
    expect(last).toMatch(/credentials were deleted/);
    expect(await db.select().from(authorizations).where(eq(authorizations.id, authorizationId!))).toEqual([]);
  });

  it("is for admins only", async () => {
    const reply = await as("/balance disconnect outdoor", {
      platform: "console",
      workspaceId: "console",
      isAdmin: false,
    });
    expect(reply.title).toBe("Not allowed");
  });
});
