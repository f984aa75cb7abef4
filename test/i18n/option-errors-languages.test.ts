import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locale } from "../../src/i18n/index.ts";
import { createTestApp, type TestApp, textOf } from "../support/app.ts";

// An option's bound or format, refused in the asker's language; English word for word as before.
let app: TestApp;
const ask = (text: string, locale: Locale) =>
  app.askAs(text, {
    platform: "discord",
    workspaceId: `G-opt-${locale}`,
    workspaceName: `Guild ${locale}`,
    channelId: "C-opt",
    locale,
  });

beforeAll(async () => {
  app = await createTestApp({ sandbox: { historyDays: 2, ordersPerDay: 1 } });
});
afterAll(async () => {
  await app?.close();
});

describe("option errors in every language", () => {
  it("a count out of range or not a number says what is allowed", async () => {
    const english = await ask("/balance payouts 99", "en");
    expect(english.kind).toBe("error");
    expect(textOf(english)).toContain('Count "99" must be at most 25');
    expect(textOf(await ask("/balance payouts 99", "vi"))).toContain("Count “99” không hợp lệ: tối đa là 25");
    expect(textOf(await ask("/balance payouts 0", "id"))).toContain(
      "Count “0” tidak valid: harus paling sedikit 1",
    );
    expect(textOf(await ask("/balance payouts 99", "th"))).toContain("Count “99” ไม่ถูกต้อง: ต้องไม่เกิน 25");
    expect(textOf(await ask("/balance payouts x", "vi"))).toContain("phải là số nguyên");
  });

  it("a period the parser does not know, and an id that is not a number", async () => {
    expect(textOf(await ask("/balance earnings 9x", "en"))).toContain(
      'Period "9x" is not a period; use today, yesterday, 7d, 30d, 90d, mtd, last-month, YYYY-MM',
    );
    expect(textOf(await ask("/balance earnings 9x", "vi"))).toContain(
      "Period “9x” không hợp lệ: không phải một kỳ; hãy dùng today, yesterday, 7d",
    );
    expect(textOf(await ask("/balance alerts remove abc", "th"))).toContain("ต้องเป็นตัวเลข เช่น 3 (ดูจากรายการ)");
  });

  it("a malformed statement id is explained, with the command that lists them", async () => {
    expect(textOf(await ask("/balance statement not/an/id", "en"))).toContain(
      "is not a statement id (digits, as shown by /balance statements)",
    );
    expect(textOf(await ask("/balance statement not/an/id", "th"))).toContain(
      "ไม่ใช่รหัสใบแจ้งยอด (ตัวเลข ตามที่ /balance statements แสดง)",
    );
  });
});

describe("picking a shop, in every language", () => {
  it("an unknown or ambiguous shop: the shops to type, joined with the language's 'or'", async () => {
    expect(textOf(await ask("/balance earnings shop:nowhere", "en"))).toContain(
      'No linked shop matches "nowhere"; type shop:us (Sandbox Outdoor (US)), shop:vn (Sandbox Thời Trang (VN)) or shop:uk (Sandbox Home (UK)).',
    );
    expect(textOf(await ask("/balance earnings shop:nowhere", "vi"))).toContain(
      "Không có cửa hàng liên kết nào khớp với “nowhere”; hãy gõ shop:us (Sandbox Outdoor (US)), shop:vn (Sandbox Thời Trang (VN)) hoặc shop:uk (Sandbox Home (UK)).",
    );
    expect(textOf(await ask("/balance earnings shop:sandbox", "th"))).toContain(
      "ตรงกับ 3 ร้านค้า โปรดพิมพ์ shop:us",
    );
  });

  it("a setting that needs one shop says so", async () => {
    const answer = textOf(await ask("/balance goal set 1000 monthly", "id"));
    expect(answer).toContain(
      "Workspace ini memiliki 3 toko; tambahkan shop:us (Sandbox Outdoor (US)), shop:vn",
    );
    expect(answer).toContain("atau shop:uk (Sandbox Home (UK))");
  });
});
