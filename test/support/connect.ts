import { randomUUID } from "node:crypto";
import { count } from "drizzle-orm";
import connect from "../../commands/connect.ts";
import disconnect from "../../commands/disconnect.ts";
import { commands } from "../../commands/index.ts";
import { consoleInvocation } from "../../src/adapters/console/index.ts";
import type { Core } from "../../src/core/dispatcher.ts";
import { createCore } from "../../src/core/dispatcher.ts";
import type { Invocation } from "../../src/core/invocation.ts";
import type { Db } from "../../src/storage/database.ts";
import { authorizations, outbox, workspaceShops } from "../../src/storage/schema/index.ts";
import type { TestApp } from "./app.ts";

/**
 * The app's commands plus connect and disconnect (until commands/index.ts lists them), on the
 * app's own services, without the sandbox's auto-link: a new workspace sees only what it connects.
 */
export function connectCore(app: TestApp): {
  core: Core;
  as: (text: string, who?: Partial<Invocation>) => ReturnType<Core["dispatch"]>;
} {
  const { autoLinkProvider: _auto, ...deps } = app.deps;
  const core = createCore(deps, [
    ...commands.filter((c) => c.name !== "connect" && c.name !== "disconnect"),
    connect,
    disconnect,
  ]);
  return {
    core,
    as: (text, who = {}) =>
      core.dispatch({ ...consoleInvocation(text), correlationId: randomUUID(), ...who }),
  };
}

/** Rows that a connect or a refusal could change. */
export async function storedCounts(db: Db) {
  const [a] = await db.select({ n: count() }).from(authorizations);
  const [l] = await db.select({ n: count() }).from(workspaceShops);
  const [o] = await db.select({ n: count() }).from(outbox);
  return { authorizations: a?.n ?? 0, links: l?.n ?? 0, outbox: o?.n ?? 0 };
}

/** The first URL in a text. */
export function firstUrl(text: string): string {
  const match = /https?:\/\/\S+/.exec(text);
  if (!match) throw new Error(`no URL in: ${text}`);
  return match[0];
}
