import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appClient } from "../../src/connect/client.ts";
import { authorizationTokenStore, upsertAuthorization } from "../../src/storage/repos/shops.ts";
import { authorizations, outbox } from "../../src/storage/schema/index.ts";
import { refreshAheadOfExpiry } from "../../src/sync/tokens.ts";
import { createTestApp, type TestApp } from "../support/app.ts";

const DAY_MS = 86_400_000;
let app: TestApp;
let authorizationId: number;

beforeAll(async () => {
  app = await createTestApp({ sandbox: { historyDays: 5, ordersPerDay: 2 } });
  await app.ask("/balance shops");
  const [row] = await app.database.db
    .select()
    .from(authorizations)
    .where(eq(authorizations.openId, "sandbox-seller"));
  authorizationId = row!.id;
});
afterAll(async () => {
  await app?.close();
});

const store = (id: number) => authorizationTokenStore(app.database.db, id, app.config.encryptionKey);
const clientFor = (id: number) =>
  appClient(app, store(id), { retry: { maxAttempts: 2, baseMs: 1, maxMs: 2 } });
const refresh = (withinMs: number) =>
  refreshAheadOfExpiry({
    db: app.database.db,
    clientFor,
    now: app.deps.clock(),
    withinMs,
    provider: "sandbox",
    sandbox: true,
  });
const status = async () =>
  (await app.database.db.select().from(authorizations).where(eq(authorizations.id, authorizationId)))[0]
    ?.status;
const notices = () => app.database.db.select().from(outbox).where(eq(outbox.kind, "reauth"));

describe("token lifecycle", () => {
  it("leaves tokens alone until they are about to expire, then stores the new pair", async () => {
    const before = await store(authorizationId).load();
    expect(await refresh(DAY_MS)).toMatchObject({ refreshed: [], flagged: [] });
    expect(await store(authorizationId).load()).toEqual(before);

    // The sandbox's access tokens live 7 days: 8 days ahead means now.
    expect((await refresh(8 * DAY_MS)).refreshed).toContain(authorizationId);
    const after = await store(authorizationId).load();
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(after.accessExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 6 * DAY_MS);
    // The sandbox retires the old pair: syncing works only because the new one was stored.
    const reports = await app.syncAll();
    expect(reports.flatMap((r) => r.errors)).toEqual([]);
  });

  it("defers a refresh that failed for a passing reason", async () => {
    app.sandbox!.faults.serverErrors(10);
    try {
      expect((await refresh(8 * DAY_MS)).deferred).toContain(authorizationId);
    } finally {
      app.sandbox!.faults.reset();
    }
    expect(await status()).toBe("active");
    expect(await notices()).toHaveLength(0);
  });

  it("marks needs_reauth on 105005 and tells the shop's channels once", async () => {
    app.sandbox!.faults.revokeScope();
    const reports = await app.syncAll();
    expect(reports.flatMap((r) => r.errors.map((e) => e.code))).toContain("105005");

    expect((await refresh(0)).flagged).toEqual([authorizationId]);
    expect(await status()).toBe("needs_reauth");
    const told = await notices();
    expect(told.map((r) => `${r.platform}:${r.channel}`)).toEqual(["console:console"]);
    expect(told[0]?.dedupeKey).toMatch(new RegExp(`^reauth:${authorizationId}:\\d+:\\d+$`));
    const text = JSON.stringify(told[0]?.payload);
    expect(text).toContain("/balance connect");
    expect(text).toContain("105005");

    expect(await refresh(0)).toMatchObject({ flagged: [], refreshed: [] });
    expect(await notices()).toHaveLength(1);
    app.sandbox!.faults.restoreScope();
  });

  it("after a reconnect, a refused refresh marks it again and tells the channels again", async () => {
    // Reconnected: fresh tokens; the earlier 105005 sync failure predates them and no longer counts.
    await upsertAuthorization(app.database.db, {
      provider: "sandbox",
      openId: "sandbox-seller",
      tokens: app.sandbox!.bootstrapTokens(),
      key: app.config.encryptionKey,
      now: app.deps.clock(),
    });
    expect(await status()).toBe("active");
    expect((await refresh(0)).flagged).toEqual([]);

    const current = await store(authorizationId).load();
    await store(authorizationId).save({
      ...current,
      refreshToken: "RTP_revoked",
      accessExpiresAt: new Date(0),
    });
    expect((await refresh(DAY_MS)).flagged).toEqual([authorizationId]);
    expect(await status()).toBe("needs_reauth");
    expect(await notices()).toHaveLength(2);
    const log = JSON.stringify(await notices());
    expect(log).not.toContain("RTP_");
    expect(log).not.toContain("TTP_");
  });
});
