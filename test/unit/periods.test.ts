import { describe, expect, it } from "vitest";
import { UserError } from "../../src/core/errors.ts";
import { daysOf, localDate, resolvePeriod } from "../../src/core/periods.ts";

// Saturday 2026-11-28 10:00 UTC = 02:00 in Los Angeles (still the 28th), 17:00 in Ho Chi Minh City.
const now = new Date("2026-11-28T10:00:00Z");

describe("periods", () => {
  it("computes days in the shop's zone", () => {
    expect(resolvePeriod("today", "America/Los_Angeles", new Date("2026-11-28T05:00:00Z")).start).toBe(
      "2026-11-27",
    );
    expect(resolvePeriod("today", "Asia/Ho_Chi_Minh", new Date("2026-11-28T20:00:00Z")).start).toBe(
      "2026-11-29",
    );
  });

  it("compares a day with the same weekday last week", () => {
    const p = resolvePeriod("yesterday", "UTC", now);
    expect([p.start, p.end]).toEqual(["2026-11-27", "2026-11-27"]);
    expect([p.prior.start, p.prior.end]).toEqual(["2026-11-20", "2026-11-20"]);
    expect(p.prior.label).toContain("same weekday last week");
  });

  it("compares a month with the previous month and mtd with the same days of it", () => {
    const month = resolvePeriod("2026-03", "UTC", now);
    expect([month.start, month.end, month.prior.start, month.prior.end]).toEqual([
      "2026-03-01",
      "2026-03-31",
      "2026-02-01",
      "2026-02-28",
    ]);
    const leap = resolvePeriod("2024-03", "UTC", now);
    expect(leap.prior.end).toBe("2024-02-29");
    const mtd = resolvePeriod("mtd", "UTC", new Date("2026-03-31T12:00:00Z"));
    expect([mtd.start, mtd.end, mtd.prior.start, mtd.prior.end]).toEqual([
      "2026-03-01",
      "2026-03-31",
      "2026-02-01",
      "2026-02-28",
    ]);
    expect(resolvePeriod("last-month", "UTC", now).start).toBe("2026-10-01");
  });

  it("covers N days ending today, against the N days before", () => {
    const p = resolvePeriod("7d", "UTC", now);
    expect([p.start, p.end, p.prior.start, p.prior.end]).toEqual([
      "2026-11-22",
      "2026-11-28",
      "2026-11-15",
      "2026-11-21",
    ]);
    expect(daysOf(p)).toHaveLength(7);
  });

  it("accepts explicit ranges and rejects bad ones with a clear message", () => {
    const p = resolvePeriod("2026-11-01..2026-11-10", "UTC", now);
    expect(daysOf(p)).toHaveLength(10);
    expect(p.prior).toMatchObject({ start: "2026-10-22", end: "2026-10-31" });
    for (const [spec, message] of [
      ["2026-13", /not a valid month/],
      ["2026-02-30", /not a valid date/],
      ["2026-11-10..2026-11-01", /ends before it starts/],
      ["2030-01", /in the future/],
      ["lastweek", /not a period/],
      ["0d", /between 1d/],
    ] as const) {
      expect(() => resolvePeriod(spec, "UTC", now)).toThrow(UserError);
      expect(() => resolvePeriod(spec, "UTC", now)).toThrow(message);
    }
  });

  it("dates a 00:00 UTC statement stamp on the shop's local day", () => {
    const stamp = new Date("2026-11-27T00:00:00Z");
    expect(localDate(stamp, "America/Los_Angeles")).toBe("2026-11-26");
    expect(localDate(stamp, "Asia/Ho_Chi_Minh")).toBe("2026-11-27");
  });
});
