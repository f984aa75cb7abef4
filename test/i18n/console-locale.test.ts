import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runConsole } from "../../src/adapters/console/index.ts";
import { sandboxClockNote } from "../../src/cli/sync-if-stale.ts";
import { loadConfig } from "../../src/config.ts";
import { createTestApp, type TestApp } from "../support/app.ts";

describe("the console's language", () => {
  it("comes from LC_ALL, then LC_MESSAGES, then LANG", () => {
    expect(loadConfig({ LANG: "th_TH.UTF-8" }).consoleLocale).toBe("th_TH.UTF-8");
    expect(loadConfig({ LANG: "th_TH.UTF-8", LC_ALL: "vi_VN.UTF-8" }).consoleLocale).toBe("vi_VN.UTF-8");
    expect(loadConfig({ LANG: "en_US.UTF-8", LC_MESSAGES: "id_ID" }).consoleLocale).toBe("id_ID");
    expect(loadConfig({}).consoleLocale).toBeUndefined();
  });

  it("says in each language that the sandbox's clock runs fast (and nothing at real speed)", () => {
    expect(sandboxClockNote("id", 60)).toBe(
      "Toko sandbox memakai jam yang berjalan 60× lebih cepat dari waktu nyata, jadi “menit lalu” dalam jawabannya berlalu dalam hitungan detik.",
    );
    expect(sandboxClockNote("vi", 1440)).toContain("nhanh gấp 1.440 lần");
    expect(sandboxClockNote("th", 60)).toContain("60 เท่า");
    expect(sandboxClockNote("en", 1)).toBeUndefined();
  });

  describe("runConsole", () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await createTestApp({ sync: false });
    });
    afterAll(async () => {
      await app?.close();
    });

    it("answers in the terminal's language", async () => {
      const input = new PassThrough();
      const output = new PassThrough();
      let written = "";
      output.on("data", (chunk: Buffer) => {
        written += chunk.toString("utf8");
      });
      const done = runConsole(app.core, {
        input,
        output,
        dataDir: app.config.dataDir,
        locale: "vi_VN.UTF-8",
      });
      input.end("/balance language\n");
      await done;
      expect(written).toContain("Ngôn ngữ");
      expect(written).toContain("Tiếng Việt (đang dùng)");
    });
  });
});
