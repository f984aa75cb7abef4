import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runConsole } from "../../src/adapters/console/index.ts";
import { lineChannelAccess, quotaSection } from "../../src/adapters/line/index.ts";
import { slackChannelAccess } from "../../src/adapters/slack/channel-access.ts";
import { connectedNames } from "../../src/connect/complete.ts";
import { translator } from "../../src/i18n/index.ts";
import type { TokenGrant } from "../../src/providers/tiktok/client.ts";
import { createTestApp, type TestApp } from "../support/app.ts";

// The last English leftovers a user could read, in Vietnamese and Thai (English unchanged).
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

/** `/balance import` by an admin with `bytes` attached as `name`, in `locale`. */
const importing = (locale: string, name: string, bytes: Uint8Array | string) =>
  app.askAs(`/balance import ${name}`, {
    platform: "discord",
    workspaceId: `G-leftover-${locale}-${name}`,
    channelId: "C1",
    locale,
    isAdmin: true,
    attachments: {
      open: async () => ({
        name,
        bytes: typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes,
      }),
    },
  });

describe("import: the whole file refused", () => {
  const damaged = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
  const noHeader = "hello,world\n1,2\n3,4\n";
  const ambiguous = [
    "Order/adjustment ID,Type,Order settled time,Total settlement amount",
    "5001,Order,03/04/2026,10.00",
  ].join("\n");

  it("keeps English as it was", async () => {
    expect((await importing("en", "broken.xlsx", damaged)).summary).toBe(
      "the XLSX file is damaged (no zip directory at its end); download the export again from Seller Center",
    );
    expect((await importing("en", "plain.csv", noHeader)).summary).toBe(
      "no header row with an Order/adjustment ID column in the first 3 rows",
    );
  });

  it("says a damaged workbook and a missing header in Vietnamese", async () => {
    const reply = await importing("vi", "broken.xlsx", damaged);
    expect(reply.kind).toBe("error");
    expect(reply.title).toBe("Chưa nhập gì");
    expect(reply.summary).toBe(
      "tệp XLSX bị hỏng (không có thư mục zip ở cuối tệp); hãy tải lại bản xuất từ Seller Center",
    );
    expect((await importing("vi", "plain.csv", noHeader)).summary).toBe(
      "không có dòng tiêu đề chứa cột Order/adjustment ID trong 3 dòng đầu",
    );
  });

  it("says a missing header in Thai", async () => {
    expect((await importing("th", "plain.csv", noHeader)).summary).toBe(
      "ไม่พบแถวหัวตารางที่มีคอลัมน์ Order/adjustment ID ใน 3 แถวแรก",
    );
    expect((await importing("th", "old.xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).summary).toBe(
      "นี่คือเวิร์กบุ๊ก .xls แบบไบนารีรุ่นเก่า กรุณาเปิดแล้วบันทึกเป็น .xlsx หรือ .csv",
    );
  });

  it("explains in Vietnamese and Thai that the dates could be read either way", async () => {
    expect((await importing("en", "dates.csv", ambiguous)).summary).toMatch(
      /^the dates \(such as "03\/04\/2026"\) could be day-first or month-first and the export's language doesn't say which; .* `balance-bot import <file> --date-order dmy` \(or mdy\)$/,
    );
    expect((await importing("vi", "dates.csv", ambiguous)).summary).toMatch(
      /^ngày \(ví dụ "03\/04\/2026"\) có thể là ngày trước hoặc tháng trước .* `balance-bot import <file> --date-order dmy` \(hoặc mdy\)$/,
    );
    expect((await importing("th", "dates.csv", ambiguous)).summary).toMatch(
      /^วันที่ \(เช่น "03\/04\/2026"\) อาจเป็นแบบวันขึ้นก่อนหรือเดือนขึ้นก่อน .* \(หรือ mdy\)$/,
    );
  });
});

describe("channel access: why a digest or alert can't be set up here", () => {
  /** `/balance digest on` in a Slack direct message (the adapter's own check, no Slack call for a DM). */
  const digestInDm = (locale: string) =>
    app.askAs("/balance digest on", {
      platform: "slack",
      workspaceId: `T-leftover-${locale}`,
      channelId: "D42",
      locale,
      isAdmin: true,
      channel: slackChannelAccess({} as never, "D42", "balance", {} as never),
    });

  /** The refusal, without the usage line the dispatcher appends to any refusal. */
  const refusal = async (locale: string) =>
    (await digestInDm(locale)).summary?.split(/\.? (?:Usage|Cách dùng|วิธีใช้):/)[0] ?? "";

  it("keeps English as it was", async () => {
    expect(await refusal("en")).toBe(
      "I can't post the daily digest in this channel: this is a direct message, and digests and alerts are posted to a channel. Run the command in the channel that should get them; nothing was saved",
    );
  });

  it("says the reason and the fix in Vietnamese and Thai", async () => {
    expect(await refusal("vi")).toBe(
      "Không thể đăng bản tóm tắt hằng ngày trong kênh này: đây là tin nhắn trực tiếp, còn bản tóm tắt và cảnh báo được đăng vào một kênh. Hãy chạy lệnh trong kênh sẽ nhận chúng; chưa lưu thay đổi nào",
    );
    expect(await refusal("th")).toBe(
      "บอตโพสต์สรุปประจำวันในช่องนี้ไม่ได้: นี่คือข้อความส่วนตัว แต่สรุปและการแจ้งเตือนจะโพสต์ในช่อง กรุณาใช้คำสั่งในช่องที่ควรได้รับ ยังไม่ได้บันทึกการตั้งค่าใด ๆ",
    );
  });
});

describe("LINE push quota", () => {
  /** A LINE account on a 5,000-message plan that has sent `used` this month. */
  const account = (used: number) => ({
    getMessageQuota: async () => ({ type: "limited" as const, value: 5000 }),
    getMessageQuotaConsumption: async () => ({ totalUsage: used }),
  });

  it("shows the quota in /balance status in English as before, and in Vietnamese and Thai", async () => {
    expect(await quotaSection(account(4800), translator("en"))).toEqual({
      title: "LINE messages",
      fields: [{ label: "Push messages left this month", value: "200 of 5000" }],
      notes: [
        "Fewer than 10% left: a digest or alert pushed to a group counts once per member (LINE's pricing).",
      ],
    });
    const vi = await quotaSection(account(0), translator("vi"));
    expect(vi.title).toBe("Tin nhắn LINE");
    expect(vi.fields).toEqual([{ label: "Tin nhắn đẩy còn lại trong tháng", value: "5.000 / 5.000" }]);
    const th = await quotaSection(account(5000), translator("th"));
    expect(th.fields).toEqual([{ label: "ข้อความพุชที่เหลือเดือนนี้", value: "0 จาก 5,000" }]);
    // Still starts with the warning sign /balance status counts as a problem.
    expect(th.notes).toEqual([
      "⚠ โควตาข้อความพุชของเดือนนี้หมดแล้ว สรุปและการแจ้งเตือนจะรอส่ง และการตั้งค่าใหม่จะถูกปฏิเสธ จนถึงวันที่ 1 หรือจนกว่าจะอัปเกรดแพ็กเกจ",
    ]);
  });

  it("refuses a digest in Vietnamese and Thai when the month's quota is used up", async () => {
    const digestOnLine = async (locale: string) =>
      (
        await app.askAs("/balance digest on", {
          platform: "line",
          workspaceId: `L-leftover-${locale}`,
          channelId: "Cgroup",
          locale,
          isAdmin: true,
          channel: lineChannelAccess(account(5000)),
        })
      ).summary ?? "";
    expect(await digestOnLine("en")).toContain(
      "I can't post the daily digest in this channel: this LINE Official Account has used its push messages for the month. Upgrade its plan in LINE Official Account Manager, or set this up again after the 1st; nothing was saved",
    );
    expect(await digestOnLine("vi")).toContain(
      "Không thể đăng bản tóm tắt hằng ngày trong kênh này: tài khoản LINE Official Account này đã dùng hết lượt tin nhắn đẩy của tháng. Hãy nâng cấp gói trong LINE Official Account Manager, hoặc cài đặt lại sau ngày 1; chưa lưu thay đổi nào",
    );
    expect(await digestOnLine("th")).toContain(
      "บอตโพสต์สรุปประจำวันในช่องนี้ไม่ได้: LINE Official Account นี้ใช้ข้อความพุชของเดือนนี้หมดแล้ว กรุณาอัปเกรดแพ็กเกจใน LINE Official Account Manager หรือตั้งค่านี้ใหม่หลังวันที่ 1 ยังไม่ได้บันทึกการตั้งค่าใด ๆ",
    );
  });
});

describe("the console's prefixes and the creator account's name", () => {
  /** What the terminal shows for `lines`, with LC_ALL/LANG set to `locale`. */
  async function terminal(locale: string | undefined, lines: string): Promise<string> {
    const input = new PassThrough();
    const output = new PassThrough();
    let written = "";
    output.on("data", (chunk: Buffer) => {
      written += chunk.toString("utf8");
    });
    const done = runConsole(app.core, { input, output, dataDir: app.config.dataDir, locale });
    input.end(lines);
    await done;
    return written;
  }

  it("prefixes an error with the terminal's word for it (English unchanged)", async () => {
    expect(await terminal("en_US.UTF-8", "/balance nosuch\n")).toMatch(/^Error: /);
    expect(await terminal("vi_VN.UTF-8", "/balance nosuch\n")).toMatch(/^Lỗi: /);
    expect(await terminal("th_TH.UTF-8", "/balance nosuch\n")).toMatch(/^ข้อผิดพลาด: /);
  });

  it("names the chart file in the terminal's language", async () => {
    expect(await terminal(undefined, "/balance chart\n")).toMatch(/\n {0,2}Chart: .+\.png/);
    expect(await terminal("vi_VN.UTF-8", "/balance chart\n")).toMatch(/\n {0,2}Biểu đồ: .+\.png/);
    expect(await terminal("th_TH.UTF-8", "/balance chart\n")).toMatch(/\n {0,2}แผนภูมิ: .+\.png/);
  });

  it("calls a linked creator account by its name and kind in the chat's language", () => {
    const grant = { userType: 1, sellerName: "Trail Talks", openId: "abc123" } as TokenGrant;
    expect(connectedNames(grant, [])).toEqual(["Trail Talks (creator account)"]);
    expect(connectedNames(grant, [], "vi")).toEqual(["Trail Talks (tài khoản nhà sáng tạo)"]);
    expect(connectedNames(grant, [], "th")).toEqual(["Trail Talks (บัญชีครีเอเตอร์)"]);
  });
});
