import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.ts";

// Goals, alert rules and digest settings as an admin reads them in Vietnamese, Thai and Indonesian.
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

const admin = (workspaceId: string, locale: string) => ({
  platform: "discord" as const,
  workspaceId,
  channelId: "C1",
  locale,
  isAdmin: true,
});

describe("goals in the asker's language", () => {
  it("sets a goal in Vietnamese: money the Vietnamese way, the month named in Vietnamese", async () => {
    const set = await app.askAs("/balance goal set 50000000 monthly shop:vn", admin("G-goal-vi", "vi"));
    expect(set.kind).toBe("success");
    expect(set.title).toMatch(/^Đã đặt mục tiêu #\d+$/);
    expect(set.summary).toMatch(
      /^Mục tiêu tiền đã quyết toán hằng tháng 50\.000\.000\s₫ cho .+: đến nay đạt \d+% \(tháng 11 năm 2026, Asia\/Ho_Chi_Minh\)\.$/,
    );
  });

  it("lists goals in Thai with the pace's days and the week in Thai", async () => {
    const who = admin("G-goal-th", "th");
    expect((await app.askAs("/balance goal set 5000 weekly revenue shop:outdoor", who)).kind).toBe("success");
    const list = await app.askAs("/balance goal list", who);
    expect(list.title).toBe("เป้าหมาย (1)");
    expect(list.sections[0]?.table?.columns.map((c) => c.label)).toEqual([
      "Id",
      "เป้าหมาย",
      "ความคืบหน้า",
      "อัตราที่ต้องการ",
      "คาดการณ์",
      "ช่วงเวลา",
    ]);
    const [row] = list.sections[0]!.table!.rows;
    expect(row![1]).toMatch(/: รายได้รายสัปดาห์$/);
    expect(row![2]).toMatch(/ จาก \$5,000\.00 \(\d+%\)$/);
    // Saturday Nov 28 in Los Angeles: the week (Mon Nov 23) has 2 days left, today included.
    expect(row![3]).toMatch(/^ต้องได้ \$[\d,.]+\/วัน อีก 2 วัน$/);
    expect(row![5]).toBe("สัปดาห์เริ่ม 23 พ.ย.");
  });

  it("refuses a zero goal and an unknown id in Indonesian", async () => {
    const who = admin("G-goal-id", "id");
    const zero = await app.askAs("/balance goal set 0 shop:outdoor", who);
    expect(zero.summary).toMatch(/^Amount harus lebih dari nol, misalnya 5000/);
    const decimals = await app.askAs("/balance goal set 10.5 shop:vn", who);
    expect(decimals.summary).toMatch(
      /^Amount "10\.5" memakai desimal, padahal jumlah VND tidak punya desimal/,
    );
    const missing = await app.askAs("/balance goal remove 999", who);
    expect(missing.summary).toMatch(/^Tidak ada target #999 di workspace ini \(lihat \/balance goal list\)/);
  });
});

describe("alert rules in the asker's language", () => {
  it("adds, lists and undoes a rule in Vietnamese", async () => {
    const who = admin("G-alert-vi", "vi");
    const added = await app.askAs("/balance alerts add below 0 recover 100 shop:outdoor", who);
    expect(added.title).toMatch(/^Đã thêm cảnh báo #\d+$/);
    expect(added.summary).toMatch(/Kênh này sẽ được báo .+\.$/);
    const list = await app.askAs("/balance alerts list", who);
    expect(list.title).toBe("Cảnh báo (1)");
    expect(list.sections[0]?.table?.rows[0]?.slice(2)).toEqual(["kênh này", "đang theo dõi"]);
    const id = added.title.match(/#(\d+)/)![1];
    const undo = await app.askAs(`/balance alerts unmute ${id}`, who);
    expect(undo.summary).toMatch(
      new RegExp(`^Cảnh báo #${id} không ở trạng thái tắt tiếng; chưa có gì thay đổi`),
    );
  });

  it("says in Thai that recover is on the wrong side, with Thai-formatted money", async () => {
    const reply = await app.askAs(
      "/balance alerts add below 100 recover 50 shop:outdoor",
      admin("G-alert-th", "th"),
    );
    expect(reply.kind).toBe("error");
    expect(reply.summary).toMatch(/^Recover \$50\.00 ต้องเท่ากับหรือสูงกว่าเกณฑ์ \$100\.00 สำหรับการแจ้งเตือน "below"/);
  });
});

describe("digest settings in the asker's language", () => {
  it("confirms the time and zone in Indonesian and refuses a bad time there", async () => {
    const who = admin("G-digest-id", "id");
    const time = await app.askAs("/balance digest time 8:30", who);
    expect(time.title).toBe("Pengaturan ringkasan disimpan");
    expect(time.summary).toMatch(/^Ringkasan harian di saluran ini: nonaktif, pukul 08:30 .+ \(bawaan\)\.$/);
    const zone = await app.askAs("/balance digest tz asia/jakarta", who);
    expect(zone.summary).toMatch(/: nonaktif, pukul 08:30 Asia\/Jakarta\.$/);
    const bad = await app.askAs("/balance digest time 25:00", who);
    expect(bad.kind).toBe("error");
    expect(bad.summary).toMatch(
      /^Time “25:00” tidak valid: gunakan format 24 jam HH:MM seperti 09:00 atau 17:30\. Cara pakai: \/balance digest time <HH:MM>/,
    );
  });

  it("previews the digest in Vietnamese, its own words and the digest's", async () => {
    const preview = await app.askAs("/balance digest preview", admin("G-digest-vi", "vi"));
    expect(preview.title).toMatch(/ \(xem trước\)$/);
    expect(preview.footer).toMatch(/ · bản tóm tắt: tắt, lúc 09:00 .+ \(mặc định\)$/);
    expect(preview.sections.some((s) => /[\d.]+\s₫/.test(JSON.stringify(s)))).toBe(true);
  });

  it("keeps the English refusal of a bad time word for word", async () => {
    const bad = await app.askAs("/balance digest time 25:00", admin("G-digest-en", "en-US"));
    expect(bad.summary).toMatch(
      /^Time "25:00" is not a time; use 24-hour HH:MM such as 09:00 or 17:30\. Usage: \/balance digest time <HH:MM>/,
    );
  });
});
