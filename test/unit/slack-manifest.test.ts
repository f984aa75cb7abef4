import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { commands } from "../../commands/index.ts";
import { buildSlackManifest, MAX_USAGE_HINT } from "../../src/adapters/slack/manifest.ts";
import {
  MemoryReplayStore,
  readSlackStamp,
  refuseBeforeBody,
  SIGNATURE_WINDOW_MS,
} from "../../src/adapters/slack/replay-guard.ts";

interface Manifest {
  display_information: { name: string };
  features: {
    bot_user: { display_name: string };
    slash_commands: { command: string; description: string; usage_hint: string; url?: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    socket_mode_enabled: boolean;
    org_deploy_enabled: boolean;
    interactivity?: { is_enabled: boolean; request_url?: string };
  };
}

describe("buildSlackManifest", () => {
  it("declares /balance from the command definitions, within Slack's limits, in Socket Mode", () => {
    const manifest = parse(buildSlackManifest(commands)) as Manifest;
    const [command, ...others] = manifest.features.slash_commands;
    expect(others).toEqual([]);
    expect(command!.command).toBe("/balance");
    expect(command!.description).toBe(commands.find((c) => c.name === "")!.description);
    expect(command!.usage_hint.length).toBeLessThanOrEqual(MAX_USAGE_HINT);
    expect(command!.usage_hint.startsWith("[help|earnings|")).toBe(true);
    // Every subcommand is named, in registry order, until the hint is full.
    const named = command!.usage_hint
      .slice(1)
      .split(/[|\]]/)
      .map((w) => w.replace(" …", "").trim());
    const expected = [...new Set(commands.map((c) => c.name.split(" ")[0]).filter(Boolean))];
    const shown = named.filter((w) => w && w !== "…");
    expect(shown).toEqual(["help", ...expected.filter((w) => w !== "help")].slice(0, shown.length));
    expect(shown.length === expected.length || named.includes("…")).toBe(true);
    expect(command!.url).toBeUndefined();
    expect(manifest.settings).toMatchObject({ socket_mode_enabled: true, org_deploy_enabled: false });
    // Buttons on digests and alerts arrive as block_actions over the socket.
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true });
    expect(manifest.oauth_config.scopes.bot).toEqual([
      "commands",
      "chat:write",
      "files:write",
      "users:read",
      "channels:history",
      "groups:history",
      "channels:read",
      "groups:read",
      "channels:join",
    ]);
    expect(manifest.features.bot_user.display_name).toBe("balance-bot");
  });

  it("points the command at /slack/events in HTTP mode", () => {
    const manifest = parse(
      buildSlackManifest(commands, { name: "Money", httpUrl: "https://bot.example.com/" }),
    ) as Manifest;
    expect(manifest.features.slash_commands[0]!.url).toBe("https://bot.example.com/slack/events");
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.settings.interactivity).toEqual({
      is_enabled: true,
      request_url: "https://bot.example.com/slack/events",
    });
    expect(manifest.display_information.name).toBe("Money");
  });
});

describe("Slack replay stamps", () => {
  const hash = "a".repeat(64);
  const headers = (signature: string, timestamp: string) => ({
    "x-slack-signature": signature,
    "x-slack-request-timestamp": timestamp,
  });

  it("reads what Bolt verifies, so dressed-up copies of one request share a key", () => {
    const key = readSlackStamp(headers(`v0=${hash}`, "1700000000"))?.key;
    expect(key).toBe(`${hash}:1700000000`);
    expect(readSlackStamp(headers(`v0=${hash}=1`, "1700000000"))?.key).toBe(key);
    expect(readSlackStamp(headers(`v0=${hash}=`, "1700000000.0"))?.key).toBe(key);
    expect(readSlackStamp(headers(`v1=${hash}`, "1700000000"))).toBeUndefined();
    expect(readSlackStamp(headers("v0=nothex", "1700000000"))).toBeUndefined();
    expect(readSlackStamp(headers(`v0=${hash}`, "soon"))).toBeUndefined();
  });

  it("refuses a stamp more than 5 minutes away on either side before reading the body", () => {
    const now = 1_700_000_000_000;
    const at = (offsetMs: number) => ({ key: "k", timestampSec: (now + offsetMs) / 1000 });
    expect(refuseBeforeBody(at(0), now)).toBeUndefined();
    expect(refuseBeforeBody(at(SIGNATURE_WINDOW_MS), now)).toBeUndefined();
    expect(refuseBeforeBody(at(SIGNATURE_WINDOW_MS + 1000), now)).toMatch(/5 minutes/);
    expect(refuseBeforeBody(at(-SIGNATURE_WINDOW_MS - 1000), now)).toMatch(/5 minutes/);
  });

  it("the in-memory store refuses a key seen before its expiry and forgets it after", async () => {
    let now = 1_700_000_000_000;
    const store = new MemoryReplayStore(() => now);
    const until = new Date(now + SIGNATURE_WINDOW_MS);
    expect(await store.firstSighting("abc", until)).toBe(true);
    expect(await store.firstSighting("abc", until)).toBe(false);
    expect(await store.firstSighting("def", until)).toBe(true);
    now += SIGNATURE_WINDOW_MS + 1;
    expect(await store.firstSighting("ghi", new Date(now + SIGNATURE_WINDOW_MS))).toBe(true);
    expect(store.size).toBe(1);
  });
});
