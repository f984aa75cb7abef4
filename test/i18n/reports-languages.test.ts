import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, textOf } from "../support/app.ts";

// The money reports (earnings, breakdown, status, payouts, statements, products, chart) in each
// language: what the user reads, with money, dates and counts by the language's rules.
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
  app.askAs(command, { platform: "discord", workspaceId: `G-rep-${locale}`, channelId: "C1", locale });

describe("/balance earnings", () => {
  it("Vietnamese: lines on the settled clock, changes and the period in Vietnamese", async () => {
    const answer = await ask("/balance earnings 30d shop:VN", "vi");
    expect(answer.title).toMatch(/^Thu nhập · 30 ngày qua \(.+\) · Sandbox Thời Trang \(VN\) · so với /);
    const fields = answer.sections[0]!.fields!;
    expect(fields.map((f) => f.label)).toEqual([
      "Doanh thu · đã quyết toán",
      "Phí · đã quyết toán",
      "Hoa hồng tiếp thị liên kết (nằm trong phí) · đã quyết toán",
      "Phí vận chuyển · đã quyết toán",
      "Điều chỉnh · đã quyết toán",
      "Quyết toán · đã quyết toán",
    ]);
    expect(fields[0]!.value).toMatch(/^[\d.]+\s₫$/);
    expect(fields[0]!.detail).toMatch(/^(tăng|giảm) [\d,]+% · (tốt hơn|kém hơn)$|^không đổi$|^trước đó /);
    expect(answer.sections[0]!.notes?.[0]).toMatch(
      /^\d+ bảng sao kê ngày · 30 ngày qua .+ · ngày theo Asia\/Ho_Chi_Minh$/,
    );
    expect(answer.footer).toContain("đã quyết toán, 30 ngày qua");
  });

  it("Thai: Buddhist-era years; shops on both sides of UTC compare with the span before, in Thai", async () => {
    const answer = await ask("/balance earnings 7d", "th");
    expect(answer.title).toBe("รายรับ · 7d · เทียบกับ 7 วันก่อนหน้า");
    expect(textOf(answer)).toContain("2569");
    expect(answer.sections[0]!.notes).toContain(
      "วันของแต่ละร้านค้าเป็นไปตามเขตเวลาของร้านเอง ใบแจ้งยอดครอบคลุมวันก่อนเวลาประทับ 00:00 UTC ร้านค้าที่อยู่ทางตะวันตกของ UTC (สหรัฐฯ) จึงสิ้นสุดเร็วกว่าหนึ่งวัน",
    );
  });

  it("Indonesian: a period error is in Indonesian", async () => {
    const answer = await ask("/balance earnings 2026-13", "id");
    expect(answer.kind).toBe("error");
    expect(answer.summary).toMatch(/^“?"?2026-13/);
    expect(answer.summary).not.toMatch(/is not a valid month/);
  });
});

describe("/balance breakdown", () => {
  it("Vietnamese: fee lines named in Vietnamese, shares with a decimal comma, the exact sum", async () => {
    const answer = await ask("/balance breakdown 30d shop:VN", "vi");
    expect(answer.title).toMatch(/^Chi tiết · 30 ngày qua \(.+\) · Sandbox Thời Trang \(VN\)$/);
    const rows = answer.sections[0]!.table!.rows;
    expect(rows.map((r) => r[0])).toContain("Hoa hồng · Hoa hồng nền tảng");
    expect(rows.find((r) => r[0] === "Hoa hồng · Hoa hồng nền tảng")![2]).toMatch(/^\d+,\d%$/);
    expect(rows.some((r) => r[2] === "vào")).toBe(true);
    expect(answer.sections[0]!.notes?.[1]).toMatch(
      /^Doanh số trước giảm giá [\d.]+\s₫ \+ mọi dòng = quyết toán [\d.]+\s₫, chính xác\.$/,
    );
  });

  it("Indonesian: a hidden tail of lines is counted in Indonesian", async () => {
    const answer = await ask("/balance breakdown 30d shop:VN", "id");
    const tail = answer.sections[0]!.notes!.find((n) => n.startsWith("…"));
    expect(tail).toMatch(/^…dan \d+ baris lebih kecil dengan total [\d.]+\s₫$/);
    expect(answer.sections[0]!.fields!.map((f) => f.label)).toContain(
      "Penjualan sebelum diskon · sudah diselesaikan",
    );
  });
});

describe("/balance status", () => {
  it("Thai: problems counted, token expiry with a Buddhist-era date, resources and anomalies in Thai", async () => {
    const answer = await ask("/balance status", "th");
    expect(answer.title).toMatch(/^สถานะ · (\d+ ปัญหา|ปกติทั้งหมด)$/);
    const section = answer.sections[0]!;
    expect(section.fields![0]!.label).toBe("โทเค็นการเข้าถึงหมดอายุ");
    expect(section.fields![0]!.value).toMatch(/^\d+ ธ\.ค\. 2569 \d\d:\d\d UTC \(อีก \d+ วัน\)$/);
    expect(section.table!.rows.map((r) => r[0])).toContain("ใบแจ้งยอด");
    expect(section.table!.rows.every((r) => r[2] === "ปกติ" || r[2]!.length > 0)).toBe(true);
    expect(answer.footer).toBe("ณ 17:30 UTC · ข้อมูลทดสอบ (sandbox)");
  });

  it("Indonesian: an anomaly note counts its records in Indonesian", async () => {
    const answer = await ask("/balance status", "id");
    const notes = answer.sections.flatMap((s) => s.notes ?? []);
    for (const note of notes.filter((n) => n.startsWith("⚠")))
      expect(note).toMatch(/catatan|diotorisasi ulang/);
  });
});

describe("/balance payouts and statements", () => {
  it("Vietnamese payouts: cross-border amounts, statuses and the failed count in Vietnamese", async () => {
    const answer = await ask("/balance payouts 3 shop:uk", "vi");
    expect(answer.title).toBe("3 khoản thanh toán gần nhất · Sandbox Home (UK)");
    const rows = answer.sections[0]!.table!.rows;
    expect(rows[0]![0]).toMatch(/^[\d.]+,\d\d\s\$ \([\d.]+,\d\d\s£ theo tỷ giá 1,\d{6}\)$/);
    expect(rows.map((r) => r[1]).every((s) => ["đã trả", "đang xử lý", "⚠ THẤT BẠI"].includes(s!))).toBe(
      true,
    );
    expect(rows[0]![3]).toMatch(/^\d+ thg \d+$/);
    expect(answer.sections[0]!.notes?.[0]).toBe("Đã thanh toán · ngày theo Europe/London");
  });

  it("Thai statements: money, the payment status and the period in Thai", async () => {
    const answer = await ask("/balance statements 3d shop:VN", "th");
    expect(answer.title).toMatch(/^ใบแจ้งยอด · 3 วันล่าสุด \(.+ 2569\)$/);
    const row = answer.sections[0]!.table!.rows[0]!;
    expect(row[2]).toMatch(/^-?₫[\d,]+$/);
    expect(["จ่ายแล้ว", "กำลังดำเนินการ", "⚠ ไม่สำเร็จ"]).toContain(row[5]);
    expect(answer.sections[0]!.notes?.at(-1)).toBe("รายละเอียดของแต่ละใบ: /balance statement <id>");
  });
});

describe("/balance products and statement", () => {
  it("Vietnamese products: quantities, money and shares the Vietnamese way", async () => {
    const answer = await ask("/balance products 30d shop:VN", "vi");
    expect(answer.title).toMatch(/^Sản phẩm hàng đầu · 30 ngày qua \(/);
    const row = answer.sections[0]!.table!.rows[0]!;
    expect(row[2]).toMatch(/^[\d.]+\s₫$/);
    expect(row[3]).toMatch(/^\d+,\d%$/);
    expect(answer.sections[0]!.notes?.[1]).toMatch(
      /^Đã gồm đủ \d+ đơn\.$|^Đã có chi tiết sản phẩm cho \d+ trên \d+ đơn/,
    );
  });

  it("Thai statement: the payment status in Thai; an unknown id is refused in Thai", async () => {
    const list = await ask("/balance statements 3d shop:VN", "th");
    const id = list.sections[0]!.table!.rows[0]![1]!;
    const answer = await ask(`/balance statement ${id}`, "th");
    expect(answer.title).toMatch(
      new RegExp(`^ใบแจ้งยอด ${id} · \\d{4}-\\d\\d-\\d\\d · Sandbox Thời Trang \\(VN\\)$`),
    );
    expect(answer.summary).toMatch(/^การชำระเงิน -?₫[\d,]+ · การจ่ายเงิน: (จ่ายแล้ว|กำลังดำเนินการ|ไม่สำเร็จ)$/);
    const missing = await ask("/balance statement 99999", "th");
    expect(missing.kind).toBe("error");
    expect(missing.summary).toMatch(/^ไม่พบใบแจ้งยอด 99999 ในร้านค้าของเวิร์กสเปซนี้/);
  });
});
