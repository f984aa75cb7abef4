import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import type { SandboxShop } from "../../src/providers/sandbox/index.ts";

/**
 * What the multi-process tests (real bot processes on one real Postgres) share: a scratch
 * database on the TEST_DATABASE_URL server, a free port, and the environment that points a bot
 * at a sandbox shop as a real TikTok app (bootstrap tokens, encryption key, its own DATA_DIR).
 */

/** Creates `<prefix>_<pid>_<random>` on the server of `adminUrl`; `drop` removes it, even with connections left. */
export async function createScratchDatabase(
  adminUrl: string,
  prefix: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${process.pid}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** A port nothing listens on right now (for a bot's PORT). */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The environment of a bot whose "real" TikTok shop is the sandbox, on `databaseUrl`. */
export function sandboxShopEnv(
  sandbox: SandboxShop,
  databaseUrl: string,
  dataDirPrefix: string,
): Record<string, string> {
  const tokens = sandbox.bootstrapTokens();
  return {
    DATABASE_URL: databaseUrl,
    DATA_DIR: mkdtempSync(join(tmpdir(), dataDirPrefix)),
    TIKTOK_APP_KEY: sandbox.appKey,
    TIKTOK_APP_SECRET: sandbox.appSecret,
    TIKTOK_API_URL: sandbox.url,
    TIKTOK_AUTH_URL: sandbox.url,
    TIKTOK_ACCESS_TOKEN: tokens.accessToken,
    TIKTOK_REFRESH_TOKEN: tokens.refreshToken,
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  };
}
