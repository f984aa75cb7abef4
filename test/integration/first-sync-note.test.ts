import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, textOf } from "../support/app.ts";

// A new install answers before its first sync has finished (the console in a terminal does not
// wait for it): every report then names the shops not synced yet, and stops once they are.
let app: TestApp;
const NOTE = /not synced yet: (its|their) figures are incomplete until the first sync finishes/;

beforeAll(async () => {
  app = await createTestApp({ sync: false, sandbox: { historyDays: 3, ordersPerDay: 2 } });
});
afterAll(async () => {
  await app?.close();
});

describe("a report before the first sync", () => {
  it("is not added to settings answers or errors", async () => {
    expect(textOf(await app.ask("/balance"))).toMatch(NOTE);
    const settings = await app.ask("/balance digest time 09:00");
    expect(textOf(settings)).not.toMatch(NOTE);
    const error = await app.ask("/balance earnings nonsense-period");
    expect(error.kind).toBe("error");
    expect(textOf(error)).not.toMatch(NOTE);
  });
  it("names the shops not synced yet, in the asker's language, until they are", async () => {
    const before = await app.ask("/balance earnings 7d");
    expect(before.kind).toBe("report");
    expect(before.sections[0]?.notes?.[0]).toMatch(
      /^Sandbox Outdoor \(US\), Sandbox Thời Trang \(VN\),? (and )?Sandbox Home \(UK\) are not synced yet/,
    );
    expect(textOf(before)).toMatch(NOTE);
    const inThai = await app.askAs("/balance", {
      platform: "discord",
      workspaceId: "G-th",
      workspaceName: "Guild th",
      channelId: "C-th",
      locale: "th",
    });
    expect(textOf(inThai)).toContain("ยังไม่ได้ซิงค์ (3 ร้านค้า): ตัวเลขยังไม่ครบ");

    const reports = await app.syncAll();
    expect(reports.flatMap((r) => r.errors)).toEqual([]);
    const after = await app.ask("/balance earnings 7d");
    expect(textOf(after)).not.toMatch(NOTE);
    expect(after.sections.length).toBe(before.sections.length - 1);
  });
});
