import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DiscordAdapter, startDiscord } from "../../src/adapters/discord/index.ts";
import { registerCommands } from "../../src/adapters/discord/register.ts";
import { FakeDiscord, type InteractionRecord } from "../fakes/discord.ts";
import { createTestApp, type TestApp } from "../support/app.ts";

/** Importing a Seller Center export from chat: a Discord attachment option, real discord.js. */
const MANAGE_GUILD = "32";
const FIXTURES = resolve(import.meta.dirname, "../fixtures/exports");

let fake: FakeDiscord;
let bot: DiscordAdapter;
let app: TestApp;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  app = await createTestApp({ sync: false });
  await registerCommands({
    token: fake.token,
    applicationId: fake.applicationId,
    apiUrl: fake.apiUrl,
    guildId: fake.guildId,
    commands: app.core.commands,
  });
  bot = await startDiscord({
    core: app.core,
    config: { token: fake.token, applicationId: fake.applicationId, apiUrl: fake.apiUrl },
    log: app.deps.log,
  });
});
afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  await app?.close();
});

function shownText(record: InteractionRecord): string {
  return JSON.stringify(record.events.map((e) => (e as { body?: unknown }).body ?? e));
}

describe("/balance import from Discord", () => {
  it("imports an attached export into a shop of this server only", async () => {
    const record = await fake.sendInteraction({
      path: ["import"],
      permissions: MANAGE_GUILD,
      options: { shop: "mystore" },
      attachments: {
        file: {
          filename: "income-en.csv",
          bytes: readFileSync(`${FIXTURES}/income-en.csv`),
          contentType: "text/csv",
        },
      },
    });
    expect(shownText(record)).toContain('6 rows (6 new) into shop \\"mystore\\"');
    const earnings = await fake.sendInteraction({
      path: ["earnings"],
      options: { period: "2026-06", shop: "mystore" },
    });
    expect(shownText(earnings)).toContain("$3,270.01");
    // The console workspace (another tenant) does not see it.
    expect((await app.ask("/balance earnings 2026-06 shop:mystore")).kind).toBe("error");
  });

  it("lists the bad rows and imports nothing from a bad file", async () => {
    const record = await fake.sendInteraction({
      path: ["import"],
      permissions: MANAGE_GUILD,
      attachments: {
        file: { filename: "income-bad.csv", bytes: readFileSync(`${FIXTURES}/income-bad.csv`) },
      },
    });
    const text = shownText(record);
    expect(text).toContain("Nothing was imported");
    expect(text).toContain('row 4: Total settlement amount \\"12,5O\\" is not a number');
    const shops = await fake.sendInteraction({ path: ["shops"] });
    expect(shownText(shops)).not.toContain("income-bad");
  });

  it("refuses a member without Manage Server", async () => {
    const record = await fake.sendInteraction({
      path: ["import"],
      permissions: "0",
      attachments: { file: { filename: "x.csv", bytes: Buffer.from("a,b\n") } },
    });
    expect(shownText(record)).toMatch(/only a workspace admin/i);
    // Discord's own rule for who is an admin, named by the adapter's syntax.
    expect(shownText(record)).toContain("Manage Server permission");
  });
});
