import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { consoleInvocation } from "../../src/adapters/console/index.ts";
import { type App, type AppOptions, createApp } from "../../src/cli/app.ts";
import { loadConfig, secretsOf } from "../../src/config.ts";
import type { Invocation } from "../../src/core/invocation.ts";
import { authorizationTokenStore } from "../../src/storage/repos/shops.ts";
import { createTestDatabase } from "./db.ts";
import { captureLogger } from "./log-capture.ts";

export interface TestApp extends App {
  /** Runs a command as the console workspace (admin). */
  ask(text: string): ReturnType<App["core"]["dispatch"]>;
  /** Runs a command as someone else, e.g. another workspace or a non-admin. */
  askAs(text: string, who: Partial<Invocation>): ReturnType<App["core"]["dispatch"]>;
}

/**
 * The real composition root on a fresh test database (PGlite, or Postgres with
 * TEST_DATABASE_URL) and the in-process sandbox shop, synced once unless `sync: false`.
 */
export async function createTestApp(
  options: { env?: Record<string, string>; sync?: boolean } & Omit<AppOptions, "log" | "database"> & {
      log?: AppOptions["log"];
      /** Sees every SQL statement the app sends (see OpenOptions.onQuery). */
      onQuery?: (query: string) => void;
    } = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), "balance-bot-test-"));
  // One shop at a time: a fault switch hits the next request, and these tests aim each at one sync.
  const config = loadConfig({ DATA_DIR: dataDir, SYNC_CONCURRENCY: "1", ...options.env });
  const database = await createTestDatabase(options.onQuery ? { onQuery: options.onQuery } : {});
  const capture = captureLogger(secretsOf(config));
  const app = await createApp(config, {
    log: options.log ?? capture.log,
    database,
    retry: { baseMs: 5, maxMs: 50, ...options.retry },
    ...(options.sandbox ? { sandbox: options.sandbox } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.forceSandbox ? { forceSandbox: true } : {}),
  });
  if (app.sandbox) {
    const tokens = await authorizationTokenStore(app.database.db, 1, config.encryptionKey)
      .load()
      .catch(() => undefined);
    capture.addSecrets([app.sandbox.appSecret, tokens?.accessToken ?? "", tokens?.refreshToken ?? ""]);
  }
  if (options.sync !== false) {
    const reports = await app.syncAll();
    const errors = reports.flatMap((r) => r.errors);
    if (errors.length > 0) throw new Error(`initial sync failed: ${JSON.stringify(errors)}`);
  }
  return {
    ...app,
    ask: (text) => app.core.dispatch(consoleInvocation(text)),
    askAs: (text, who) =>
      app.core.dispatch({ ...consoleInvocation(text), correlationId: randomUUID(), ...who }),
  };
}

/** All the text a person would read in a reply (title, summary, fields, tables, notes, footer). */
export function textOf(reply: Awaited<ReturnType<TestApp["ask"]>>): string {
  return [
    reply.title,
    reply.summary ?? "",
    ...reply.sections.flatMap((s) => [
      s.title ?? "",
      ...(s.fields ?? []).flatMap((f) => [f.label, f.value, f.detail ?? ""]),
      ...(s.table
        ? [s.table.columns.map((c) => c.label).join(" "), ...s.table.rows.map((r) => r.join(" "))]
        : []),
      ...(s.notes ?? []),
    ]),
    reply.footer ?? "",
  ].join("\n");
}
