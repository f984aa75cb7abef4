import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.ts";

// Connecting, disconnecting and importing, as an admin reads them in Vietnamese, Indonesian and Thai.
const FIXTURES = resolve(import.meta.dirname, "../fixtures/exports");
const NOW = new Date("2026-11-28T17:30:00Z");
let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({
    clock: () => NOW,
    sandbox: { startAt: NOW, now: () => NOW, historyDays: 5, ordersPerDay: 2 },
  });
});
afterAll(async () => {
  await app?.close();
});

const admin = (workspaceId: string, locale: string) => ({
  platform: "discord" as const,
  workspaceId,
  channelId: "C1",
  locale,
  isAdmin: true,
});

/** An admin's invocation with a file attached, as an adapter hands one over. */
const withFile = (workspaceId: string, locale: string, file: string) => ({
  ...admin(workspaceId, locale),
  attachments: { open: async () => ({ name: file, bytes: readFileSync(`${FIXTURES}/${file}`) }) },
});

describe("connect and disconnect", () => {
  it("says in Vietnamese what to set up when no HTTP server runs, variable names kept", async () => {
    const reply = await app.askAs("/balance connect", admin("G-connect-vi", "vi"));
    expect(reply.kind).toBe("warning");
    expect(reply.title).toBe("Cần cài đặt trước khi liên kết cửa hàng thật");
    expect(reply.summary).toMatch(
      /^Hãy đặt .*PORT, rồi khởi động lại balance-bot và chạy lại \/balance connect\.$/,
    );
    expect(reply.sections[0]?.notes?.at(-1)).toBe(
      "PORT: máy chủ HTTP của bot (callback và webhook) chưa chạy; hãy đặt PORT (ví dụ 3000) rồi khởi động lại.",
    );
  });

  it("disconnects a shop in Indonesian", async () => {
    const who = admin("G-disconnect-id", "id");
    const [shop] = (await app.askAs("/balance shops", who)).sections[0]!.table!.rows;
    const reply = await app.askAs(`/balance disconnect "${shop![0]}"`, who);
    expect(reply.title).toBe(`Koneksi ${shop![0]} diputus`);
    expect(reply.summary).toBe(`${shop![0]} tidak lagi terhubung ke workspace ini.`);
    expect(reply.sections[0]?.notes).toContain(
      "Riwayat yang sudah disinkronkan tetap ada di database; /balance connect menghubungkannya lagi.",
    );
  });
});

describe("import", () => {
  it("reports an import in Vietnamese, days kept as the period /balance earnings takes", async () => {
    const reply = await app.askAs(
      "/balance import income-en.csv shop:mystore",
      withFile("G-import-vi", "vi", "income-en.csv"),
    );
    expect(reply.kind).toBe("success");
    expect(reply.title).toBe("Đã nhập income-en.csv");
    expect(reply.summary).toMatch(
      /^6 dòng \(6 dòng mới\) vào cửa hàng "mystore" \(USD, ngày theo .+\): \d+ ngày, từ 2026-06-\d\d đến 2026-06-\d\d\. Thử \/balance earnings 2026-06-\d\d\.\.2026-06-\d\d shop:mystore$/,
    );
  });

  it("refuses a bad file in Thai and says to fix the rows", async () => {
    const reply = await app.askAs(
      "/balance import income-bad.csv",
      withFile("G-import-th", "th", "income-bad.csv"),
    );
    expect(reply.kind).toBe("error");
    expect(reply.title).toBe("ไม่ได้นำเข้าข้อมูลใด ๆ");
    // The bad rows in Thai too; the column label is the file's own.
    expect(reply.summary).toMatch(/^แถวที่มีปัญหา \d+ แถว ไม่ได้นำเข้าข้อมูลใด ๆ: /);
    expect(reply.sections[0]?.notes).toContain('แถว 4: Total settlement amount: "12,5O" ไม่ใช่ตัวเลข');
    expect(reply.sections[0]?.notes?.at(-1)).toBe("แก้ไขแถวเหล่านี้ในสเปรดชีตแล้วนำเข้าไฟล์อีกครั้ง");
  });
});
