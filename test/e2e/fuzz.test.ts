import { count } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleInvocation } from "../../src/adapters/console/index.ts";
import { renderConsole } from "../../src/adapters/console/render.ts";
import { buildDiscordCommands } from "../../src/adapters/discord/commands-json.ts";
import { type DiscordAdapter, startDiscord } from "../../src/adapters/discord/index.ts";
import { registerCommands } from "../../src/adapters/discord/register.ts";
import { type SlackAdapter, startSlack } from "../../src/adapters/slack/index.ts";
import { alertRules, goals } from "../../src/storage/schema/index.ts";
import { FakeDiscord } from "../fakes/discord.ts";
import { FakeSlack, signedSlashCommandRequest } from "../fakes/slack.ts";
import { createTestApp, type TestApp } from "../support/app.ts";

/**
 * 5,000 random and hostile command strings through each adapter's entry point: the console
 * dispatcher, Slack over signed HTTP (real Bolt), Discord interactions (real discord.js). No
 * crash, every one answered, and nothing written by people who may not change settings.
 */
const RUNS = 5000;
const HOSTILE = [
  "'; drop table goals; --",
  '" or 1=1 --',
  "<script>alert(1)</script>",
  "<!channel> <@U123> *bold* `code`",
  "$" + "{process.env.SECRET}",
  "../../etc/passwd",
  "1e309",
  "-0",
  "99999999999999999999999999999",
  "0.0000001",
  "NaN",
  "💸💸💸",
  "\u202Egnp.exe",
  "\u0000\u0007\u001b[31m",
  "Z̴̡̛a̸l̷g̶o̵",
  "2026-02-30",
  "9999-99",
  "shop:",
  "shop:' or ''='",
  "x".repeat(10_000),
];
const WORDS = [
  "earnings",
  "breakdown",
  "payouts",
  "statements",
  "statement",
  "products",
  "chart",
  "goal",
  "set",
  "list",
  "remove",
  "alerts",
  "add",
  "below",
  "above",
  "recover",
  "digest",
  "on",
  "off",
  "time",
  "tz",
  "preview",
  "shops",
  "status",
  "help",
  "7d",
  "mtd",
  "2026-10",
  "25:99",
  "Mars/Base",
];

function samples(seed: number): string[] {
  const text = fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .array(
          fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...HOSTILE), fc.string({ maxLength: 12 })),
          { maxLength: 6 },
        )
        .map((w) => w.join(" ")),
    },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 300 }) },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE) },
  );
  return fc.sample(text, { numRuns: RUNS, seed });
}

async function inParallel<T>(items: T[], width: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ sandbox: { historyDays: 20, ordersPerDay: 3 } });
});
afterAll(async () => {
  await app?.close();
});

async function settingsCount() {
  const db = app.database.db;
  return {
    goals: (await db.select({ n: count() }).from(goals))[0]!.n,
    alerts: (await db.select({ n: count() }).from(alertRules))[0]!.n,
  };
}

describe("fuzz: hostile command strings through every adapter", () => {
  it("console: every string gets a rendered reply", { timeout: 120_000 }, async () => {
    const before = await settingsCount();
    for (const text of samples(1)) {
      const reply = await app.core.dispatch({ ...consoleInvocation(text), isAdmin: false });
      const out = renderConsole(reply);
      expect(out.length).toBeGreaterThan(0);
      expect(out).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
    }
    expect(await settingsCount()).toEqual(before);
  });

  it("Slack (signed HTTP, real Bolt): every string is acknowledged with an answer", {
    timeout: 180_000,
  }, async () => {
    const secret = "fuzz-signing-secret-0123456789";
    const fake = await FakeSlack.start();
    const slack: SlackAdapter = await startSlack({
      core: app.core,
      config: {
        mode: "http",
        botToken: fake.botToken,
        signingSecret: secret,
        apiUrl: fake.apiUrl,
        admins: [],
        port: 0,
      },
      log: app.deps.log,
    });
    try {
      const before = await settingsCount();
      const url = `http://127.0.0.1:${slack.httpPort}/slack/events`;
      let answered = 0;
      await inParallel(samples(2), 8, async (text) => {
        const params = fake.slashCommandPayload({ text, user_id: "U0MEMBER01", channel_id: "C0FUZZ" });
        const res = await signedSlashCommandRequest(url, secret, params);
        expect(res.status).toBe(200);
        if (res.body) {
          const body = JSON.parse(res.body) as { text?: string; blocks?: unknown[] };
          expect(body.text ?? body.blocks).toBeTruthy();
          answered += 1;
        } else {
          await fake.waitFor(
            () => fake.responsesTo(params.response_url!).length > 0,
            10_000,
            "a delayed answer",
          );
          answered += 1;
        }
      });
      expect(answered).toBe(RUNS);
      expect(await settingsCount()).toEqual(before);
    } finally {
      await slack.stop();
      await fake.close();
    }
  });

  it("Discord (gateway interactions, real discord.js): every option value is answered", {
    timeout: 180_000,
  }, async () => {
    const fake = await FakeDiscord.start();
    await registerCommands({
      token: fake.token,
      applicationId: fake.applicationId,
      apiUrl: fake.apiUrl,
      guildId: fake.guildId,
      commands: app.core.commands,
    });
    const bot: DiscordAdapter = await startDiscord({
      core: app.core,
      config: { token: fake.token, applicationId: fake.applicationId, apiUrl: fake.apiUrl },
      log: app.deps.log,
    });
    try {
      const before = await settingsCount();
      // Every subcommand path with its string options, from the JSON Discord was given.
      const [root] = buildDiscordCommands(app.core.commands);
      const routes: { path: string[]; options: { name: string; type: number }[] }[] = [];
      for (const o of root!.options ?? []) {
        if (o.type === 1)
          routes.push({ path: [o.name], options: (o.options ?? []) as { name: string; type: number }[] });
        if (o.type === 2)
          for (const s of o.options ?? [])
            routes.push({
              path: [o.name, s.name],
              options: (s.options ?? []) as { name: string; type: number }[],
            });
      }
      const values = samples(3);
      let answered = 0;
      await inParallel(
        values.map((v, i) => ({ v, route: routes[i % routes.length]! })),
        // The fake waits a moment after each final answer for stray follow-ups: go wide, but not so
        // wide that two busy cores miss Discord's 3 s deadline for reasons of their own.
        24,
        async ({ v, route }) => {
          const options: Record<string, string | number> = {};
          const attachments: Record<string, { filename: string; bytes: Buffer }> = {};
          for (const o of route.options) {
            if (o.type === 3) options[o.name] = v.slice(0, 6000);
            if (o.type === 4) options[o.name] = v.length * (v.length % 2 ? -1 : 1_000_000);
            // A hostile file too: the attachment's name and bytes are the fuzz string.
            if (o.type === 11)
              attachments[o.name] = { filename: `${v.slice(0, 60)}.csv`, bytes: Buffer.from(v) };
          }
          const record = await fake.sendInteraction({
            path: route.path,
            options,
            ...(Object.keys(attachments).length ? { attachments } : {}),
          });
          expect(record.events.length).toBeGreaterThan(0);
          expect(record.events[0]!.at).toBeLessThan(3000);
          answered += 1;
        },
      );
      expect(answered).toBe(RUNS);
      expect(await settingsCount()).toEqual(before);
    } finally {
      await bot.stop();
      await fake.close();
    }
  });
});
