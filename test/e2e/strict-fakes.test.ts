import { afterEach, describe, expect, it } from "vitest";
import { FakeDiscord, PERMISSION } from "../fakes/discord.ts";
import { snowflake } from "../fakes/discord-payloads.ts";
import { FakeSlack } from "../fakes/slack.ts";

/**
 * The fakes refuse by default what the real platforms refuse (each rule cites its doc in
 * test/fakes). Raw HTTP here, so nothing in our adapters can hide a lenient fake.
 */

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const fake of open.splice(0)) await fake.close();
});

async function slack(options: Parameters<typeof FakeSlack.start>[0] = {}): Promise<FakeSlack> {
  const fake = await FakeSlack.start(options);
  open.push(fake);
  return fake;
}

async function call(fake: FakeSlack, method: string, args: Record<string, unknown>) {
  const res = await fetch(`${fake.apiUrl}${method}`, {
    method: "POST",
    headers: { authorization: `Bearer ${fake.botToken}`, "content-type": "application/json" },
    body: JSON.stringify(args),
  });
  const body = (await res.json()) as { ok: boolean; error?: string };
  return { status: res.status, retryAfter: res.headers.get("retry-after"), ...body };
}

describe("the fake Slack is strict by default", () => {
  it("posts only where the bot is a member", async () => {
    const fake = await slack({
      channels: [{ id: "C0IN", member: true }, { id: "C0OUT" }, { id: "C0SECRET", private: true }],
    });
    expect(await call(fake, "chat.postMessage", { channel: "C0IN", text: "hi" })).toMatchObject({ ok: true });
    expect(await call(fake, "chat.postMessage", { channel: "C0OUT", text: "hi" })).toMatchObject({
      error: "not_in_channel",
    });
    expect(await call(fake, "chat.postMessage", { channel: "C0SECRET", text: "hi" })).toMatchObject({
      error: "channel_not_found",
    });
    expect(await call(fake, "chat.postMessage", { channel: "C0NEVER", text: "hi" })).toMatchObject({
      error: "channel_not_found",
    });
    expect(await call(fake, "conversations.info", { channel: "C0SECRET" })).toMatchObject({
      error: "channel_not_found",
    });
    expect(await call(fake, "conversations.join", { channel: "C0SECRET" })).toMatchObject({
      error: "channel_not_found",
    });
    fake.invite("C0SECRET");
    expect(await call(fake, "chat.postMessage", { channel: "C0SECRET", text: "hi" })).toMatchObject({
      ok: true,
    });
  });

  it("lets a test that asks for it post in public channels it is not in", async () => {
    const fake = await slack({ channels: [{ id: "C0OUT" }], lenient: { membership: true } });
    expect(await call(fake, "chat.postMessage", { channel: "C0OUT", text: "hi" })).toMatchObject({
      ok: true,
    });
  });

  it("answers five posts to one channel in the same second with 429 and Retry-After", async () => {
    const fake = await slack({ channels: [{ id: "C0IN", member: true }] });
    fake.freezeClock();
    const answers = [];
    for (let i = 0; i < 5; i++)
      answers.push(await call(fake, "chat.postMessage", { channel: "C0IN", text: `${i}` }));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429, 429]);
    expect(answers[3]).toMatchObject({ ok: false, error: "ratelimited", retryAfter: "1" });
    expect(fake.messages).toHaveLength(3);
    fake.advanceClock(1000);
    expect(await call(fake, "chat.postMessage", { channel: "C0IN", text: "later" })).toMatchObject({
      ok: true,
    });
  });

  it("refuses Block Kit over Slack's limits", async () => {
    // Seven posts to one channel in a moment: this test is about blocks, so it asks for no rate limit.
    const fake = await slack({ channels: [{ id: "C0IN", member: true }], lenient: { rateLimits: true } });
    const post = (blocks: unknown[]) =>
      call(fake, "chat.postMessage", { channel: "C0IN", text: "t", blocks });
    const context = (text: string) => ({ type: "context", elements: [{ type: "mrkdwn", text }] });
    expect(await post([{ type: "header", text: { type: "mrkdwn", text: "*Balance*" } }])).toMatchObject({
      error: "invalid_blocks",
    });
    expect(await post([context("x".repeat(3001))])).toMatchObject({ error: "invalid_blocks" });
    expect(await post(Array.from({ length: 51 }, () => ({ type: "divider" })))).toMatchObject({
      error: "invalid_blocks",
    });
    expect(await post([{ type: "section", text: { type: "mrkdwn", text: "" } }])).toMatchObject({
      error: "invalid_blocks",
    });
    expect(await post([context("x".repeat(3000))])).toMatchObject({ ok: true });
    expect(await call(fake, "chat.postMessage", { channel: "C0IN" })).toMatchObject({ error: "no_text" });
  });

  it("answers missing_scope for a method the token lacks the scope of", async () => {
    const fake = await slack({ channels: [{ id: "C0OUT" }], scopes: ["chat:write", "channels:read"] });
    expect(await call(fake, "conversations.join", { channel: "C0OUT" })).toMatchObject({
      error: "missing_scope",
    });
    expect(await call(fake, "conversations.info", { channel: "C0OUT" })).toMatchObject({ ok: true });
  });

  it("expires a response_url after 30 minutes and after 5 uses", async () => {
    const fake = await slack();
    const respond = (url: string) =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: "later" }),
      }).then(async (r) => [r.status, await r.text()] as const);
    const fresh = fake.slashCommandPayload({ text: "", user_id: "U1", channel_id: "C1" }).response_url!;
    for (let i = 0; i < 5; i++) expect(await respond(fresh)).toEqual([200, "ok"]);
    expect(await respond(fresh)).toEqual([404, "used_url"]);
    const old = fake.slashCommandPayload({ text: "", user_id: "U1", channel_id: "C1" }).response_url!;
    fake.advanceClock(30 * 60_000 + 1);
    expect(await respond(old)).toEqual([404, "expired_url"]);
  });
});

async function discord(options: Parameters<typeof FakeDiscord.start>[0] = {}): Promise<FakeDiscord> {
  const fake = await FakeDiscord.start(options);
  open.push(fake);
  return fake;
}

async function rest(fake: FakeDiscord, method: string, route: string, body?: unknown) {
  const res = await fetch(`${fake.apiUrl}/v10${route}`, {
    method,
    headers: { authorization: `Bot ${fake.token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json()) as { code?: number; global?: boolean };
  return { status: res.status, headers: res.headers, ...json };
}

describe("the fake Discord is strict by default", () => {
  it("refuses invalid command JSON on PUT with 400 / 50035", async () => {
    const fake = await discord();
    const put = (commands: unknown) =>
      rest(fake, "PUT", `/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`, commands);
    const option = (name: string, required: boolean) => ({ type: 3, name, description: name, required });
    const command = (extra: Record<string, unknown>) => ({ name: "balance", description: "Money", ...extra });
    for (const bad of [
      [command({ name: "Balance" })],
      [command({ description: "x".repeat(101) })],
      [command({ options: [option("later", false), option("first", true)] })],
      [command({ options: [{ type: 1, name: "show", description: "s" }, option("x", false)] })],
      [
        command({
          options: [
            {
              ...option("kind", false),
              choices: Array.from({ length: 26 }, (_, i) => ({ name: `c${i}`, value: `${i}` })),
            },
          ],
        }),
      ],
      [command({}), command({})],
    ]) {
      expect(await put(bad)).toMatchObject({ status: 400, code: 50035 });
    }
    expect(fake.commands.guilds.get(fake.guildId)).toBeUndefined();
    expect(await put([command({ options: [option("first", true), option("later", false)] })])).toMatchObject({
      status: 200,
    });
  });

  it("refuses an empty message with 400 / 50006", async () => {
    const fake = await discord();
    for (const body of [{}, { content: "" }, { content: "   ", embeds: [] }]) {
      expect(await rest(fake, "POST", `/channels/${fake.channelId}/messages`, body)).toMatchObject({
        status: 400,
        code: 50006,
      });
    }
    expect(fake.messagesIn(fake.channelId)).toHaveLength(0);
  });

  it("enforces the bot's channel permissions: 50001 without View Channel, 50013 without Send Messages", async () => {
    const hidden = snowflake();
    const readOnly = snowflake();
    const fake = await discord({
      guilds: [
        {
          id: snowflake(),
          name: "g",
          ownerId: snowflake(),
          channels: [
            {
              id: hidden,
              name: "hidden",
              overwrites: [{ target: "everyone", deny: PERMISSION.VIEW_CHANNEL }],
            },
            {
              id: readOnly,
              name: "ro",
              overwrites: [{ target: "bot-role", deny: PERMISSION.SEND_MESSAGES }],
            },
          ],
        },
      ],
    });
    expect(await rest(fake, "POST", `/channels/${hidden}/messages`, { content: "x" })).toMatchObject({
      status: 403,
      code: 50001,
    });
    expect(await rest(fake, "POST", `/channels/${readOnly}/messages`, { content: "x" })).toMatchObject({
      status: 403,
      code: 50013,
    });
  });

  it("rate-limits one channel's messages and the bot's 50 requests a second, with Retry-After", async () => {
    const fake = await discord();
    fake.freezeClock();
    const statuses = [];
    for (let i = 0; i < 6; i++)
      statuses.push(await rest(fake, "POST", `/channels/${fake.channelId}/messages`, { content: `${i}` }));
    expect(statuses.map((s) => s.status)).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = statuses[5]!;
    expect(limited.headers.get("retry-after")).toBe("5");
    expect(limited.headers.get("x-ratelimit-scope")).toBe("user");
    expect(statuses[4]!.headers.get("x-ratelimit-remaining")).toBe("0");
    fake.advanceClock(5_000);
    expect(
      await rest(fake, "POST", `/channels/${fake.channelId}/messages`, { content: "later" }),
    ).toMatchObject({
      status: 200,
    });
  });

  it("answers the 51st bot request within a second with a global 429", async () => {
    const fake = await discord();
    fake.freezeClock();
    const gets = [];
    for (let i = 0; i < 50; i++) gets.push((await rest(fake, "GET", "/gateway/bot")).status);
    expect(gets.every((status) => status === 200)).toBe(true);
    const over = await rest(fake, "GET", "/gateway/bot");
    expect(over).toMatchObject({ status: 429, global: true });
    expect(over.headers.get("x-ratelimit-global")).toBe("true");
    expect(over.headers.get("retry-after")).toBe("1");
    fake.advanceClock(1_000);
    expect(await rest(fake, "GET", "/gateway/bot")).toMatchObject({ status: 200 });
  });

  it("lets a test that asks for it skip rate limits", async () => {
    const fake = await discord({ lenient: { rateLimits: true } });
    fake.freezeClock();
    for (let i = 0; i < 8; i++) {
      expect(
        await rest(fake, "POST", `/channels/${fake.channelId}/messages`, { content: `${i}` }),
      ).toMatchObject({
        status: 200,
      });
    }
  });
});
