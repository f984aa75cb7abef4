import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { commands } from "../../commands/index.ts";
import { createChartRenderer } from "../charts/index.ts";
import type { Config } from "../config.ts";
import type { AppCredentials } from "../connect/client.ts";
import { createCallbackRegistry } from "../core/callbacks.ts";
import type { CoreDeps } from "../core/deps.ts";
import { type Core, createCore } from "../core/dispatcher.ts";
import { createStatementImporter } from "../import/chat-import.ts";
import type { Logger } from "../log.ts";
import { observeSync } from "../metrics.ts";
import { type SandboxOptions, type SandboxShop, startSandboxShop } from "../providers/sandbox/index.ts";
import { createTikTokClient, type RetryPolicy, type TikTokClient } from "../providers/tiktok/client.ts";
import { noRateLimit, type RateLimiter, sharedRateLimiter } from "../providers/tiktok/rate-limit.ts";
import { syncScheduleOf } from "../scheduler/job-table.ts";
import { nextFire } from "../scheduler/jobs.ts";
import { type Database, openDatabase } from "../storage/database.ts";
import { readShopAuthorization } from "../storage/repos/orders.ts";
import { readSandboxEpoch, saveSandboxEpoch } from "../storage/repos/sandbox-clock.ts";
import { authorizationTokenStore, listAuthorizations, upsertAuthorization } from "../storage/repos/shops.ts";
import { ensureWorkspace, listShopsByProvider } from "../storage/repos/workspaces.ts";
import { createOrderFetcher } from "../sync/fetch-order.ts";
import { syncDueShops } from "../sync/leased-sync.ts";
import { linkAuthorizedShops } from "../sync/link-shops.ts";
import type { SyncReport } from "../sync/sync-shop.ts";

/** Everything a running bot is made of; built once (composition root), closed once. */
export interface App {
  config: Config;
  database: Database;
  core: Core;
  deps: CoreDeps;
  provider: "sandbox" | "tiktok";
  sandboxUrl: string | undefined;
  /** The in-process sandbox shop, when running on it (tests flip its fault switches). */
  sandbox: SandboxShop | undefined;
  /** The TikTok app the bot talks to: the sandbox's, TIKTOK_APP_KEY/SECRET, or none. */
  credentials: AppCredentials | undefined;
  /** Syncs every shop now (a shop another process holds is waited for until its lease ends). */
  syncAll(): Promise<SyncReport[]>;
  /** Syncs the shops that are due, sharing them with the other replicas through leases. */
  syncDue(): Promise<SyncReport[]>;
  close(): Promise<void>;
}

export interface AppOptions {
  log: Logger;
  /** `demo`: the sandbox shop whatever the environment. */
  forceSandbox?: boolean;
  clock?: () => Date;
  /** An already open database (tests); otherwise DATABASE_URL or PGlite in DATA_DIR. */
  database?: Database;
  /** Sandbox options beyond seed and speed (tests: volume, injected clock, a wrong secret). */
  sandbox?: Partial<SandboxOptions>;
  /** TikTok client retry policy (tests shorten the waits). */
  retry?: Partial<RetryPolicy>;
  /** The sandbox enforces no limit unless asked (`sandbox.qps`): then its clients keep to 50/s too. */
  rateLimiter?: RateLimiter;
}

const SANDBOX = "sandbox";
const TIKTOK = "tiktok";

export async function createApp(config: Config, options: AppOptions): Promise<App> {
  const { log } = options;
  // Names this process in the sync leases it holds; the random part tells apart two containers
  // that both run as pid 1 on hosts of the same name.
  const owner = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  let clock = options.clock ?? (() => new Date());
  const database =
    options.database ?? (await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir }));
  const closers: (() => Promise<void>)[] = [() => database.close()];
  try {
    await database.migrate();
    const { db } = database;
    const useSandbox = options.forceSandbox || !config.tiktok;
    let sandboxClockSaver: (() => Promise<void>) | undefined;
    let clientFor: (authorizationId: number) => TikTokClient;
    let sandboxUrl: string | undefined;
    let sandboxShop: SandboxShop | undefined;

    if (useSandbox) {
      // One clock for the whole bot: the sandbox's, continued from where the last run stopped.
      const epoch = options.sandbox?.startAt ? null : await readSandboxEpoch(db);
      const sandbox = await startSandboxShop({
        seed: config.sandbox.seed,
        speed: config.sandbox.speed,
        ...(epoch ? { startAt: epoch.worldStart, resumeAt: epoch.simulatedAt } : {}),
        ...options.sandbox,
      });
      if (!options.clock) clock = () => sandbox.clock();
      const worldStart = epoch?.worldStart ?? options.sandbox?.startAt ?? sandbox.clock();
      const saveClock = () => saveSandboxEpoch(db, { worldStart, simulatedAt: sandbox.clock() });
      await saveClock();
      closers.unshift(async () => {
        await saveClock();
        await sandbox.close();
      });
      sandboxClockSaver = saveClock;
      sandboxShop = sandbox;
      sandboxUrl = sandbox.url;
      clientFor = (id) =>
        createTikTokClient({
          appKey: sandbox.appKey,
          appSecret: sandbox.appSecret,
          apiUrl: sandbox.url,
          authUrl: sandbox.url,
          tokens: authorizationTokenStore(db, id, config.encryptionKey),
          log,
          rateLimiter: options.rateLimiter ?? (options.sandbox?.qps ? sharedRateLimiter : noRateLimit),
          ...(options.retry ? { retry: options.retry } : {}),
        });
      // The sandbox keeps its tokens in memory: hand this run's tokens to the stored authorization.
      const tokens = sandbox.bootstrapTokens();
      const authorizationId = await upsertAuthorization(db, {
        provider: SANDBOX,
        openId: "sandbox-seller",
        tokens,
        key: config.encryptionKey,
        sellerName: "Sandbox Seller",
        now: clock(),
      });
      await linkAuthorizedShops(
        db,
        SANDBOX,
        authorizationId,
        await clientFor(authorizationId).listShops(),
        undefined,
      );
    } else {
      const tiktok = config.tiktok!;
      clientFor = (id) =>
        createTikTokClient({
          appKey: tiktok.appKey,
          appSecret: tiktok.appSecret,
          apiUrl: tiktok.apiUrl,
          authUrl: tiktok.authUrl,
          tokens: authorizationTokenStore(db, id, config.encryptionKey),
          log,
        });
      const existing = (await listAuthorizations(db)).filter((a) => a.provider === TIKTOK);
      if (tiktok.bootstrap && existing.length === 0) {
        // First start with bootstrap tokens: store them (encrypted), then keep refreshing them from the database.
        const authorizationId = await upsertAuthorization(db, {
          provider: TIKTOK,
          openId: "bootstrap",
          tokens: { ...tiktok.bootstrap, accessExpiresAt: null, refreshExpiresAt: null },
          key: config.encryptionKey,
        });
        const consoleWorkspace = await ensureWorkspace(db, "console", "console", "Console");
        await linkAuthorizedShops(
          db,
          TIKTOK,
          authorizationId,
          await clientFor(authorizationId).listShops(),
          consoleWorkspace,
        );
      }
    }

    const provider = useSandbox ? SANDBOX : TIKTOK;
    const syncSchedule = syncScheduleOf(provider, config.syncCron);
    const leasedSync = async (shopIds?: number[]) => {
      await sandboxClockSaver?.();
      return syncDueShops(
        {
          db,
          log,
          clock: () => clock(),
          provider,
          owner,
          leaseMs: config.syncLeaseMs,
          concurrency: config.syncConcurrency,
          providerFor: clientFor,
          // Due at the next fire of the schedule, a little early so that fire finds it due
          // even if this host's clock is a little ahead of the database's.
          nextDueAt: () => new Date(nextFire(syncSchedule).getTime() - 2000),
          onSynced: (report, ms) => observeSync(report, ms),
        },
        shopIds,
      );
    };
    const deps: CoreDeps = {
      db,
      charts: createChartRenderer({
        renderer: config.charts.renderer,
        quickchartUrl: config.charts.quickchartUrl,
      }),
      dataDir: config.dataDir,
      log,
      clock,
      sandbox: useSandbox,
      callbacks: createCallbackRegistry(),
      importer: createStatementImporter(db),
      orders: createOrderFetcher({
        db,
        log,
        clock: () => clock(),
        async providerFor(shop) {
          if (shop.provider !== provider) return null;
          const authorizationId = await readShopAuthorization(db, shop.id);
          return authorizationId === null ? null : clientFor(authorizationId);
        },
      }),
      ...(useSandbox ? { autoLinkProvider: SANDBOX } : {}),
    };
    return {
      config,
      database,
      deps,
      core: createCore(deps, commands),
      provider,
      sandboxUrl,
      sandbox: sandboxShop,
      credentials: sandboxShop
        ? {
            appKey: sandboxShop.appKey,
            appSecret: sandboxShop.appSecret,
            apiUrl: sandboxShop.url,
            authUrl: sandboxShop.url,
          }
        : config.tiktok,
      async syncAll() {
        return leasedSync((await listShopsByProvider(db, provider)).map((s) => s.id));
      },
      syncDue: () => leasedSync(),
      async close() {
        for (const close of closers)
          await close().catch((error) => log.warn({ err: error }, "error while closing"));
      },
    };
  } catch (error) {
    for (const close of closers) await close().catch(() => {});
    throw error;
  }
}
