import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAllShops } from "../../src/storage/repos/workspaces.ts";
import { statementTransactions } from "../../src/storage/schema/index.ts";
import { createTestApp, type TestApp, textOf } from "../support/app.ts";

// One order, the reconcile waterfall and creators' commission as a seller reads them in Vietnamese and Thai.
const NOW = new Date("2026-11-28T17:30:00Z");
let app: TestApp;
let vnOrder: string;

beforeAll(async () => {
  app = await createTestApp({
    clock: () => NOW,
    sandbox: { startAt: NOW, now: () => NOW, historyDays: 20, ordersPerDay: 3 },
  });
  const vn = (await listAllShops(app.database.db)).find((s) => s.currency === "VND")!;
  const [row] = await app.database.db
    .select({ orderId: statementTransactions.orderId })
    .from(statementTransactions)
    .where(and(eq(statementTransactions.shopId, vn.id), eq(statementTransactions.type, "ORDER")))
    .limit(1);
  vnOrder = row!.orderId!;
});
afterAll(async () => {
  await app?.close();
});

const who = (workspaceId: string, locale: string) => ({
  platform: "discord" as const,
  workspaceId,
  channelId: "C1",
  locale,
});

describe("/balance order", () => {
  it("shows a settled order in Vietnamese, đồng after the number, lines named in Vietnamese", async () => {
    const reply = await app.askAs(`/balance order ${vnOrder}`, who("G-order-vi", "vi"));
    expect(reply.title).toMatch(new RegExp(`^Đơn hàng ${vnOrder} · `));
    expect(reply.summary).toMatch(/^Quyết toán [\d.]+\s₫ · /);
    const table = reply.sections[0]!.table!;
    expect(table.columns.map((c) => c.label)).toEqual(["Khoản mục", "Số tiền"]);
    expect(table.rows[0]![0]).toBe("Doanh số trước giảm giá");
    expect(table.rows.at(-1)![0]).toBe("= Quyết toán");
    expect(reply.sections[0]!.notes![0]).toBe(
      "Từ các giao dịch sao kê đã đồng bộ · số tiền bằng VND · số âm = tiền ra",
    );
  });

  it("refuses a malformed id in Thai, with the usage", async () => {
    const reply = await app.askAs("/balance order 57149-abc", who("G-order-th", "th"));
    expect(reply.kind).toBe("error");
    expect(reply.summary).toMatch(
      /^Id “57149-abc” ไม่ถูกต้อง: ไม่ใช่หมายเลขคำสั่งซื้อ ใช้ตัวเลขที่ TikTok แสดง เช่น 576486316948490001/,
    );
  });

  it("keeps the English refusal of a malformed id word for word", async () => {
    const reply = await app.askAs("/balance order 57149-abc", who("G-order-en", "en"));
    expect(reply.summary).toMatch(
      /^Id "57149-abc" is not an order id: the digits TikTok shows, e\.g\. 576486316948490001\. Usage: \/balance order <id>/,
    );
  });
});

describe("/balance reconcile", () => {
  it("walks the waterfall in Thai: steps, columns and the statement count", async () => {
    const reply = await app.askAs("/balance reconcile 7d shop:vn", who("G-reconcile-th", "th"));
    expect(reply.title).toMatch(/^กระทบยอด · /);
    const [waterfall, payments] = reply.sections;
    expect(waterfall!.table!.columns.map((c) => c.label)).toEqual([
      "ขั้น",
      "จำนวนเงิน",
      "สัดส่วนยอดรวม",
      "ยอดสะสม",
    ]);
    expect(waterfall!.table!.rows[0]![0]).toBe("ยอดขายรวม (ก่อนส่วนลด)");
    expect(waterfall!.notes![0]).toMatch(/ · ใบแจ้งยอด \d+ ฉบับของช่วงเวลานี้ /);
    expect(payments!.title).toBe("จากการชำระเงินสู่การจ่ายเงิน");
    expect(reply.charts?.[0]?.alt).toMatch(/^กราฟน้ำตกจากยอดขายรวม /);
    expect(textOf(reply)).not.toMatch(/Gross sales|statements?\b/);
  });
});

describe("/balance creators", () => {
  it("shows creators' commission in Vietnamese with its share of sales by Intl", async () => {
    const reply = await app.askAs("/balance creators 14d shop:vn", who("G-creators-vi", "vi"));
    expect(reply.title).toMatch(/^Nhà sáng tạo · /);
    const [paid] = reply.sections[0]!.fields!;
    expect(paid!.label).toBe("Đã trả cho nhà sáng tạo · đã quyết toán");
    expect(paid!.value).toMatch(/^[\d.]+\s₫$/);
    expect(paid!.detail).toMatch(/^\d+,\d% trên doanh số trước giảm giá [\d.]+\s₫$/);
    expect(reply.sections[0]!.notes!.at(-1)).toMatch(
      /^Giao dịch sao kê của TikTok không ghi tên nhà sáng tạo/,
    );
  });
});
