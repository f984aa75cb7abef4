import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorReply } from "../../src/core/error-replies.ts";
import { change, share } from "../../src/core/format.ts";
import { resolvePeriod } from "../../src/core/periods.ts";
import { clockedLabel, localizeClocks, reply } from "../../src/core/reply.ts";
import { translator } from "../../src/i18n/index.ts";
import { money } from "../../src/money/index.ts";
import { createTestApp, type TestApp } from "../support/app.ts";

describe("the core's words in each language", () => {
  it("names a field's clock in the reply's language, once", () => {
    expect(clockedLabel({ label: "Revenue", clock: "settled" })).toBe("Revenue · settled");
    expect(clockedLabel({ label: "Doanh thu", clock: "settled" }, "vi")).toBe("Doanh thu · đã quyết toán");
    expect(clockedLabel({ label: "Tertunda", clock: "pending" }, "id")).toBe("Tertunda (perkiraan)");
    const localized = localizeClocks(
      reply({ title: "x", sections: [{ fields: [{ label: "รายได้", clock: "paid", value: "฿1.00" }] }] }),
      "th",
    );
    const field = localized.sections[0]!.fields![0]!;
    expect(field.label).toBe("รายได้ · จ่ายออกแล้ว");
    // An adapter's renderer (English by default) leaves a label that already names its clock.
    expect(clockedLabel(field)).toBe("รายได้ · จ่ายออกแล้ว");
  });

  it("says how a figure moved, with the language's percent", () => {
    const id = translator("id");
    expect(change(money("110", "USD"), money("100", "USD"))).toBe("up 10.0% · better");
    expect(change(money("110", "USD"), money("100", "USD"), "income", id)).toBe("naik 10,0% · lebih baik");
    expect(change(money("-5", "USD"), money("12.72", "USD"), "income", translator("vi"))).toBe(
      "trước đó 12,72\u00a0$",
    );
    expect(share(money("1", "USD"), money("8", "USD"), translator("vi"))).toBe("12,5%");
  });

  it("error replies: title, usage and the internal error's ref", () => {
    const bad = errorReply(
      "bad_input",
      {
        correlationId: "c1",
        message: "X.",
        usage: "/balance payouts [count]",
        example: "/balance payouts 5",
      },
      "vi",
    );
    expect(bad.title).toBe("Không thể thực hiện");
    expect(bad.summary).toBe("X. Cách dùng: /balance payouts [count] Ví dụ: /balance payouts 5");
    expect(errorReply("internal", { correlationId: "c0ffee" }, "th").summary).toContain("c0ffee");
  });
});

describe("the dispatcher's replies in the asker's language", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ sync: false });
  });
  afterAll(async () => {
    await app?.close();
  });
  const who = { platform: "discord" as const, workspaceId: "G-chrome", channelId: "C1" };

  it("an unknown command", async () => {
    const answer = await app.askAs("/balance nonsense", { ...who, locale: "id" });
    expect(answer.title).toBe("Tidak dapat dilakukan");
    expect(answer.summary).toMatch(/^Perintah “nonsense” tidak dikenal\. Cara pakai: \/balance/);
  });

  it("an unexpected word, without a full stop in Thai", async () => {
    const answer = await app.askAs("/balance goal set 5000 yearly", { ...who, locale: "th" });
    expect(answer.summary).toMatch(/^ไม่เข้าใจ “yearly” วิธีใช้: \/balance goal set <amount>/);
  });

  it("a refusal to a non-admin", async () => {
    const answer = await app.askAs("/balance goal set 5000", { ...who, locale: "vi", isAdmin: false });
    expect(answer.title).toBe("Không được phép");
    expect(answer.summary).toMatch(
      /^Chỉ quản trị viên workspace mới dùng được \/balance goal set; chưa có gì thay đổi\./,
    );
  });
});

describe("period labels in each language", () => {
  const now = new Date("2026-11-28T10:00:00Z"); // Nov 28, 17:00 in Ho Chi Minh City
  const zone = "Asia/Ho_Chi_Minh";

  it("keeps English as it was", () => {
    expect(resolvePeriod("7d", zone, now).label).toBe("last 7 days (Nov 22 – Nov 28, 2026)");
    expect(resolvePeriod("today", zone, now).prior.label).toBe("Sat Nov 21 (same weekday last week)");
  });

  it("names days, months and ranges the language's way", () => {
    expect(resolvePeriod("7d", zone, now, translator("vi")).label).toBe(
      "7 ngày qua (22 thg 11 – 28 thg 11, 2026)",
    );
    expect(resolvePeriod("2026-10", zone, now, translator("id")).label).toBe("Oktober 2026");
    expect(resolvePeriod("yesterday", zone, now, translator("th")).label).toBe("เมื่อวาน (ศุกร์ 27 พ.ย.)");
    expect(resolvePeriod("mtd", zone, now, translator("id")).prior.label).toBe("1 Okt – 28 Okt 2026");
  });

  it("says what is wrong with a period in the language", () => {
    expect(() => resolvePeriod("2027-01", zone, now, translator("vi"))).toThrow(
      "“2027-01” nằm trong tương lai",
    );
    expect(() => resolvePeriod("soon", zone, now, translator("id"))).toThrow(
      /^“soon” bukan periode \(gunakan today,/,
    );
  });
});
