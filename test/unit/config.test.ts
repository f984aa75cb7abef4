import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, secretsOf } from "../../src/config.ts";

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("config", () => {
  it("runs on the embedded defaults with an empty environment", () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe("./.data");
    expect(config.slack).toBeUndefined();
    expect(config.discord).toBeUndefined();
    expect(config.tiktok).toBeUndefined();
    expect(config.charts.renderer).toBe("local");
  });

  it("lists every problem at once, each with its fix, and never echoes a value", () => {
    const env = {
      SLACK_BOT_TOKEN: "not-a-slack-token-secret",
      PORT: "eighty",
      TIKTOK_APP_KEY: "abcd",
      CHART_RENDERER: "excel",
      DATABASE_URL: "mysql://x",
      DISCORD_TOKEN: "discord-secret-token",
    };
    const list = problems(env);
    expect(list).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^SLACK_BOT_TOKEN must start with "xoxb-"/),
        expect.stringMatching(/^PORT must be a port number/),
        expect.stringMatching(/^CHART_RENDERER must be "local"/),
        expect.stringMatching(/^DATABASE_URL must be a postgres:\/\/ URL/),
        expect.stringMatching(/^SLACK_APP_TOKEN is needed with SLACK_BOT_TOKEN/),
        expect.stringMatching(/^TIKTOK_APP_SECRET is needed with TIKTOK_APP_KEY/),
        expect.stringMatching(/^DISCORD_APPLICATION_ID is needed with DISCORD_TOKEN/),
        expect.stringMatching(/^ENCRYPTION_KEY is required with real TikTok credentials/),
      ]),
    );
    const message = new ConfigError(list).message;
    expect(message).not.toContain("not-a-slack-token-secret");
    expect(message).not.toContain("discord-secret-token");
  });

  it("chooses Socket Mode or HTTP for Slack from the variables set", () => {
    expect(
      loadConfig({ SLACK_BOT_TOKEN: "xoxb-123456789", SLACK_APP_TOKEN: "xapp-123456789" }).slack?.mode,
    ).toBe("socket");
    expect(
      loadConfig({ SLACK_BOT_TOKEN: "xoxb-123456789", SLACK_SIGNING_SECRET: "abcdef123456" }).slack?.mode,
    ).toBe("http");
  });

  it("treats empty values as unset and validates the encryption key", () => {
    expect(loadConfig({ DATABASE_URL: "", PORT: " " }).databaseUrl).toBeUndefined();
    expect(problems({ ENCRYPTION_KEY: "short" })).toEqual([
      expect.stringMatching(/^ENCRYPTION_KEY must be 32 random bytes in base64/),
    ]);
    const key = Buffer.alloc(32, 7).toString("base64");
    const config = loadConfig({
      TIKTOK_APP_KEY: "app-key",
      TIKTOK_APP_SECRET: "app-secret-1234",
      ENCRYPTION_KEY: key,
    });
    expect(config.tiktok?.appKey).toBe("app-key");
    expect(secretsOf(config)).toEqual(expect.arrayContaining(["app-secret-1234", key]));
  });
});
