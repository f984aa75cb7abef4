import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.ts";

// /balance in each language: money, dates and counts by the language's rules, clocks named.
const NOW = new Date("2026-11-28T17:30:00Z");
let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({
    clock: () => NOW,
    sandbox: { startAt: NOW, now: () => NOW, historyDays: 40, ordersPerDay: 4 },
  });
});
afterAll(async () => {
  await app?.close();
});

const ask = (command: string, locale: string) =>
  app.askAs(command, { platform: "discord", workspaceId: `G-bal-${locale}`, channelId: "C1", locale });

describe("/balance in four languages", () => {
  it("Vietnamese: the dong after the number, the ledger's clock and the withdrawal on its way", async () => {
    const answer = await ask("/balance shop:VN", "vi");
    expect(answer.title).toBe("Số dư · Sandbox Thời Trang (VN)");
    expect(answer.headline?.[0]).toMatch(
      /^[\d.]+\s₫ khả dụng \(số dư TikTok, tính ra\) · khoản thanh toán tiếp theo: .+ · [\d.]+\s₫ đang chờ \(ước tính\)$/,
    );
    const ledger = answer.sections[0]!.fields!.find((f) => f.clock === "settled")!;
    expect(ledger.label).toBe("Số dư TikTok, khả dụng (đã quyết toán, tính ra)");
    expect(ledger.detail).toMatch(/^\d+ bản ghi sổ cái từ \d+ thg \d+, 2026/);
    expect(answer.sections[0]!.table!.columns.map((c) => c.label)).toEqual([
      "Khoản thanh toán gần nhất",
      "Số tiền",
      "Trạng thái",
      "Tài khoản",
    ]);
  });

  it("Thai: Buddhist-era year, payout statuses and the flow of the clocks", async () => {
    const answer = await ask("/balance shop:VN", "th");
    const ledger = answer.sections[0]!.fields!.find((f) => f.clock === "settled")!;
    expect(ledger.detail).toMatch(/ตั้งแต่ \d+ ต\.ค\. 2569/);
    const statuses = answer.sections[0]!.table!.rows.map((r) => r[2]);
    expect(statuses.every((s) => ["จ่ายแล้ว", "กำลังดำเนินการ", "ไม่สำเร็จ ⚠"].includes(s!))).toBe(true);
    expect(answer.sections[0]!.notes).toContain(
      "รอดำเนินการ (ประมาณการ) จะเข้าสู่ยอดคงเหลือ TikTok เมื่อชำระแล้ว และจ่ายออกเมื่อถอนเงิน วันตามเขตเวลา Asia/Ho_Chi_Minh",
    );
  });

  it("Indonesian: a cross-border payout shows the amount before the exchange, in Indonesian", async () => {
    const answer = await ask("/balance shop:uk", "id");
    const fields = answer.sections[0]!.fields!;
    expect(fields.map((f) => f.label)).toEqual([
      "Tertunda (perkiraan)",
      "Sudah diselesaikan, menunggu pembayaran",
      "Sudah dibayarkan · 30 hari terakhir",
    ]);
    expect(fields[2]!.detail).toMatch(/^\d+ pembayaran$/);
    expect(answer.sections[0]!.table!.rows[0]![1]).toMatch(
      /^\$[\d.]+,\d\d \(£[\d.]+,\d\d dengan kurs 1,\d{6}\)$/,
    );
    expect(answer.headline?.[0]).toMatch(
      /pembayaran berikutnya diperkirakan £[\d.]+,\d\d \(dibayar dalam USD\) pada /,
    );
  });

  it("several shops: the title counts them and the footer names each shop's zone", async () => {
    const answer = await ask("/balance", "id");
    expect(answer.title).toBe("Saldo · 3 toko");
    expect(answer.headline?.[1]).toMatch(/^Sandbox Thời Trang \(VN\): [\d.]+\s₫ tersedia/);
    expect(answer.footer).toContain("zona masing-masing toko");
  });
});
