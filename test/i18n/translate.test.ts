import { describe, expect, it } from "vitest";
import { matchLocale, translator } from "../../src/i18n/index.ts";
import { money } from "../../src/money/index.ts";

// Intl puts a no-break space (U+00A0) between some symbols and digits; the tests spell it out.
const NBSP = "\u00a0";

describe("matchLocale", () => {
  it.each([
    ["id", "id"],
    ["id-ID", "id"], // Slack
    ["in", "id"], // legacy code Android sends
    ["vi", "vi"],
    ["vi-VN", "vi"],
    ["th", "th"], // Discord, LINE
    ["th-TH", "th"],
    ["en-US", "en"], // Discord
    ["en-GB", "en"],
    ["th_TH.UTF-8", "th"], // POSIX LANG
    ["id_ID@euro", "id"],
  ])("%s → %s", (tag, locale) => {
    expect(matchLocale(tag)).toBe(locale);
  });

  it.each(["ja", "pt-BR", "C", "POSIX", "", "  ", undefined, null])("%s → none", (tag) => {
    expect(matchLocale(tag)).toBeUndefined();
  });
});

describe("formatting by each language's rules (Node 20 ICU)", () => {
  it("money: dots group in id and vi, the dong sign after the number", () => {
    expect(translator("vi").fmt.money(money("53973760", "VND"))).toBe(`53.973.760${NBSP}₫`);
    expect(translator("id").fmt.money(money("1234567", "IDR"))).toBe(`Rp${NBSP}1.234.567`);
    expect(translator("th").fmt.money(money("1234567.5", "THB"))).toBe("฿1,234,567.50");
    expect(translator("en").fmt.money(money("1234.5", "USD"))).toBe("$1,234.50");
    expect(translator("vi").fmt.money(money("1234.5", "USD"))).toBe(`1.234,50${NBSP}$`);
    expect(translator("id").fmt.money(money("-30", "USD"), { signed: true })).toBe("-$30,00");
    expect(translator("en").fmt.amount("12.5", "USD", { signed: true })).toBe("+$12.50");
  });

  it("an amount too precise for a float stays exact", () => {
    expect(translator("id").fmt.money(money("9007199254740993", "IDR"))).toBe(
      `Rp${NBSP}9.007.199.254.740.993`,
    );
  });

  it("percentages from exact tenths", () => {
    expect(translator("en").fmt.percent(123n)).toBe("12.3%");
    expect(translator("id").fmt.percent(123n)).toBe("12,3%");
    expect(translator("vi").fmt.percent(-5n)).toBe("-0,5%");
    expect(translator("th").fmt.percent(1000n)).toBe("100.0%");
  });

  it("dates and times in the shop's zone", () => {
    const at = new Date("2026-12-02T20:42:00Z"); // Dec 3, 03:42 in Bangkok
    expect(translator("en").fmt.date(at, "Asia/Bangkok", "weekday")).toBe("Thu Dec 3");
    expect(translator("id").fmt.date(at, "Asia/Jakarta", "weekday")).toBe("Kam, 3 Des");
    expect(translator("vi").fmt.date(at, "Asia/Ho_Chi_Minh")).toBe("3 thg 12");
    // Thai dates count years in the Buddhist era, as Intl does for th.
    expect(translator("th").fmt.date(at, "Asia/Bangkok", "dayYear")).toBe("3 ธ.ค. 2569");
    expect(translator("th").fmt.date("2026-10-01", "Asia/Bangkok", "month")).toBe("ตุลาคม 2569");
    expect(translator("en").fmt.date("2026-10-01", "America/Los_Angeles", "month")).toBe("October 2026");
    expect(translator("id").fmt.time(at, "Asia/Jakarta")).toBe("03.42");
    expect(translator("vi").fmt.time(at, "UTC")).toBe("20:42");
  });

  it("numbers and lists", () => {
    expect(translator("vi").fmt.number(1234567)).toBe("1.234.567");
    expect(translator("en").fmt.list(["a", "b", "c"])).toBe("a, b, c");
    expect(translator("th").fmt.list([])).toBe("");
    // Shop names with spaces stay apart in every language.
    expect(translator("th").fmt.list(["Bangkok Shop", "Chiang Mai"])).toBe("Bangkok Shop และ Chiang Mai");
    expect(translator("th").fmt.list(["A a", "B b", "C c"])).toBe("A a, B b และ C c");
    expect(translator("vi").fmt.list(["A a", "B b", "C c"])).toBe("A a, B b và C c");
    expect(translator("id").fmt.list(["A a", "B b"])).toBe("A a dan B b");
  });

  it("an exchange rate keeps every digit, with the language's decimal mark", () => {
    expect(translator("en").fmt.decimal("1.265885")).toBe("1.265885");
    // In id and vi a dot groups thousands: "1.265885" would read as a million.
    expect(translator("vi").fmt.decimal("1.265885")).toBe("1,265885");
    expect(translator("id").fmt.decimal("25410.50")).toBe("25.410,50");
    expect(translator("th").fmt.decimal("0.000039")).toBe("0.000039");
    expect(translator("vi").fmt.decimal("not a number")).toBe("not a number");
  });
});

describe("t", () => {
  it("fills placeholders, with numbers in the language's digits grouping", () => {
    expect(translator("en").t("shops.title", { count: 1200 })).toBe("Linked shops (1,200)");
    expect(translator("id").t("shops.title", { count: 1200 })).toBe("Toko terhubung (1.200)");
  });

  it("keeps usage placeholders such as shop:<name> literal", () => {
    expect(translator("en").t("shops.pickNote")).toBe("Pick one in any command with shop:<name>.");
  });

  it("throws when a placeholder has no value instead of printing it", () => {
    expect(() => translator("vi").t("shops.shop", { name: "A", region: "VN" })).toThrow(/currency/);
    expect(() => translator("th").t("shops.title")).toThrow(/count/);
  });
});
