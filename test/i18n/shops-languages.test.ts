import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setWorkspaceLanguage } from "../../src/storage/repos/workspaces.ts";
import { createTestApp, type TestApp, textOf } from "../support/app.ts";

// The worked example of a converted command: /balance shops in each language, and which one wins.
const NOW = new Date("2026-11-28T17:30:00Z");
let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({
    clock: () => NOW,
    sandbox: { startAt: NOW, now: () => NOW, historyDays: 10, ordersPerDay: 2 },
  });
});
afterAll(async () => {
  await app?.close();
});

const who = (workspaceId: string, locale?: string) => ({
  platform: "discord" as const,
  workspaceId,
  channelId: "C1",
  ...(locale ? { locale } : {}),
});

describe("/balance shops in four languages", () => {
  it.each([
    ["en-US", "Linked shops (", "Pick one in any command with shop:<name>."],
    ["id", "Toko terhubung (", "Pilih salah satu di perintah mana pun dengan shop:<nama>."],
    ["vi", "Cửa hàng đã liên kết (", "Chọn một cửa hàng trong bất kỳ lệnh nào bằng shop:<tên>."],
    ["th", "ร้านค้าที่เชื่อมต่อ (", "เลือกร้านค้าในคำสั่งใดก็ได้ด้วย shop:<ชื่อ>"],
  ])("platform locale %s", async (locale, title, note) => {
    const answer = await app.askAs("/balance shops", who(`G-${locale}`, locale));
    expect(answer.kind).toBe("info");
    expect(answer.title.startsWith(title)).toBe(true);
    expect(answer.sections[0]?.notes).toEqual([note]);
    expect(textOf(answer)).not.toMatch(/\{|\}|undefined|NaN/);
  });

  it("a locale the bot does not speak falls back to English", async () => {
    const answer = await app.askAs("/balance shops", who("G-ja", "ja"));
    expect(answer.title).toMatch(/^Linked shops \(\d+\)$/);
  });

  it("the workspace's chosen language wins over the platform's locale", async () => {
    const first = await app.askAs("/balance shops", who("G-chosen", "vi"));
    expect(first.title).toMatch(/^Cửa hàng đã liên kết/);
    const [row] = await app.database.db.query.workspaces.findMany({
      where: (w, { eq }) => eq(w.externalId, "G-chosen"),
    });
    await setWorkspaceLanguage(app.database.db, row!.id, "th");
    const after = await app.askAs("/balance shops", who("G-chosen", "vi"));
    expect(after.title).toMatch(/^ร้านค้าที่เชื่อมต่อ/);
    expect(after.sections[0]?.table?.columns.map((c) => c.label)).toEqual([
      "ร้านค้า",
      "ภูมิภาค",
      "สกุลเงิน",
      "เขตเวลา",
      "แหล่งข้อมูล",
    ]);
  });
});

describe("/balance language", () => {
  it("shows the choices in their own names, and the asker's language when none is chosen", async () => {
    const answer = await app.askAs("/balance language", who("G-lang", "th-TH"));
    expect(answer.title).toBe("ภาษา");
    expect(answer.summary).toContain("ภาษาไทย");
    expect(answer.sections[0]?.table?.rows).toEqual([
      ["en", "English"],
      ["id", "Bahasa Indonesia"],
      ["vi", "Tiếng Việt"],
      ["th", "ภาษาไทย (ใช้อยู่)"],
    ]);
  });

  it("an admin chooses one for everybody; auto goes back to each person's", async () => {
    const set = await app.askAs("/balance language vi", { ...who("G-lang2", "en-US"), isAdmin: true });
    expect(set.kind).toBe("success");
    expect(set.title).toBe("Ngôn ngữ: Tiếng Việt");
    const other = await app.askAs("/balance shops", { ...who("G-lang2", "id-ID"), userId: "U2" });
    expect(other.title).toMatch(/^Cửa hàng đã liên kết/);
    const auto = await app.askAs("/balance language auto", { ...who("G-lang2", "id-ID"), isAdmin: true });
    expect(auto.title).toBe("Bahasa: otomatis");
    expect((await app.askAs("/balance shops", who("G-lang2", "id-ID"))).title).toMatch(/^Toko terhubung/);
  });

  it("refuses a change by a non-admin, in the workspace's language, and changes nothing", async () => {
    const refused = await app.askAs("/balance language en", { ...who("G-lang3", "vi"), isAdmin: false });
    expect(refused.kind).toBe("error");
    expect(refused.title).toBe("Không được phép");
    expect(refused.summary).toMatch(
      /^Chỉ quản trị viên workspace mới đổi được ngôn ngữ; chưa có gì thay đổi\. Cách dùng:/,
    );
    expect((await app.askAs("/balance shops", who("G-lang3", "vi"))).title).toMatch(/^Cửa hàng/);
  });

  it("an unknown code is refused with the choices in the usage", async () => {
    const answer = await app.askAs("/balance language fr", { ...who("G-lang4", "en"), isAdmin: true });
    expect(answer.summary).toMatch(
      /^"fr" is not a language here; use one of en, id, vi, th, auto\. Usage: \/balance language \[en\|id\|vi\|th\|auto\]/,
    );
  });
});
