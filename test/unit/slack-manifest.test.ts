import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { commands } from "../../commands/index.ts";
import { buildSlackManifest, MAX_USAGE_HINT } from "../../src/adapters/slack/manifest.ts";
import { ReplayGuard, SIGNATURE_WINDOW_MS } from "../../src/adapters/slack/replay-guard.ts";

interface Manifest {
  display_information: { name: string };
  features: {
    bot_user: { display_name: string };
    slash_commands: { command: string; description: string; usage_hint: string; url?: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: { socket_mode_enabled: boolean; org_deploy_enabled: boolean };
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
    expect(manifest.oauth_config.scopes.bot).toEqual([
      "commands",
      "chat:write",
      "files:write",
      "users:read",
      "channels:history",
      "groups:history",
    ]);
    expect(manifest.features.bot_user.display_name).toBe("balance-bot");
  });

  it("points the command at /slack/events in HTTP mode", () => {
    const manifest = parse(
      buildSlackManifest(commands, { name: "Money", httpUrl: "https://bot.example.com/" }),
    ) as Manifest;
    expect(manifest.features.slash_commands[0]!.url).toBe("https://bot.example.com/slack/events");
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.display_information.name).toBe("Money");
  });
});

describe("ReplayGuard", () => {
  it("refuses a signature seen inside its window and forgets it once the timestamp is stale", () => {
    let now = 1_700_000_000_000;
    const guard = new ReplayGuard(() => now);
    const ts = now / 1000;
    expect(guard.firstSighting("v0=abc", ts)).toBe(true);
    expect(guard.firstSighting("v0=abc", ts)).toBe(false);
    expect(guard.firstSighting("v0=def", ts)).toBe(true);
    now += SIGNATURE_WINDOW_MS + 1;
    expect(guard.firstSighting("v0=ghi", now / 1000)).toBe(true);
    expect(guard.size).toBe(1);
  });

  it("keeps a future-dated signature until its own timestamp goes stale", () => {
    let now = 1_700_000_000_000;
    const guard = new ReplayGuard(() => now);
    expect(guard.firstSighting("v0=future", now / 1000 + 600)).toBe(true);
    now += SIGNATURE_WINDOW_MS + 1;
    expect(guard.firstSighting("v0=future", now / 1000 + 600)).toBe(false);
  });
});
