import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Reply } from "../../src/core/reply.ts";
import { explainSettlementChange } from "../../src/core/settlement-why.ts";
import { digestTick } from "../../src/digests/tick.ts";
import { translator } from "../../src/i18n/index.ts";
import { silentLogger } from "../../src/log.ts";
import { parseMoney } from "../../src/money/index.ts";
import { parseCategory } from "../../src/storage/categories.ts";
import { updateDigestSettings } from "../../src/storage/repos/settings.ts";
import {
  ensureChannel,
  ensureWorkspace,
  linkShop,
  listAllShops,
  setWorkspaceLanguage,
} from "../../src/storage/repos/workspaces.ts";
import { outbox } from "../../src/storage/schema/index.ts";
import { createTestApp, type TestApp, textOf } from "../support/app.ts";

const totals = (entries: Record<string, string>) =>
  Object.entries(entries).map(([key, value]) => ({
    category: parseCategory(key),
    amount: parseMoney(value, "USD"),
  }));

describe("the digest's 'why' line in each language", () => {
  const before = totals({
    "type:ORDER": "1000",
    "revenue.subtotal_before_discount_amount": "1300",
    "revenue.refund_subtotal_before_discount_amount": "-100",
    "fee.referral_fee_amount": "-150",
  });
  const now = totals({
    "type:ORDER": "815",
    "revenue.subtotal_before_discount_amount": "1300",
    "revenue.refund_subtotal_before_discount_amount": "-250",
    "fee.referral_fee_amount": "-185",
  });

  it("names the groups and writes the money and the percentage the language's way", () => {
    expect(explainSettlementChange("USD", now, before)).toBe(
      "settlement −18.5%: refunds +$150.00, commission fees +$35.00",
    );
    expect(explainSettlementChange("USD", now, before, undefined, translator("vi"))).toBe(
      "quyết toán −18,5%: hoàn tiền +150,00\u00a0$, hoa hồng sàn +35,00\u00a0$",
    );
    expect(explainSettlementChange("USD", now, before, undefined, translator("th"))).toBe(
      "การชำระเงิน −18.5%: การคืนเงิน +$150.00, ค่าคอมมิชชันของแพลตฟอร์ม +$35.00",
    );
  });
});

describe("the daily digest in the workspace's language", () => {
  let app: TestApp;
  const NOW = new Date("2026-11-28T02:00:00Z");
  beforeAll(async () => {
    app = await createTestApp({
      clock: () => NOW,
      sandbox: { startAt: NOW, now: () => NOW, historyDays: 20, ordersPerDay: 3 },
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  /** A Slack workspace with every shop linked and its digest due at 09:00 Bangkok time. */
  async function digestChannel(name: string, language: string | null): Promise<void> {
    const db = app.database.db;
    const workspaceId = await ensureWorkspace(db, "slack", `T-${name}`);
    await setWorkspaceLanguage(db, workspaceId, language);
    for (const shop of await listAllShops(db)) await linkShop(db, workspaceId, shop.id);
    const channelId = await ensureChannel(db, workspaceId, `C-${name}`);
    await updateDigestSettings(db, channelId, {
      digestEnabled: true,
      digestTime: "09:00",
      digestZone: "Asia/Bangkok",
    });
  }

  it("is written in Thai for a Thai workspace and in English for one that chose no language", async () => {
    const db = app.database.db;
    await digestChannel("th", "th");
    await digestChannel("en", null);
    // 02:00 UTC is 09:00 in Bangkok: both digests are due now.
    const queued = await digestTick({ db, log: silentLogger(), clock: () => NOW, sandbox: true });
    expect(queued).toBe(2);
    const rows = await db.select().from(outbox).where(eq(outbox.kind, "digest"));
    const replyOf = (channel: string) =>
      (rows.find((r) => r.channel === channel)!.payload as { reply: Reply }).reply;
    const th = replyOf("C-th");
    const en = replyOf("C-en");
    expect(th.title).toBe("สรุปรายวัน · เสาร์ 28 พ.ย.");
    expect(en.title).toBe("Daily digest · Sat Nov 28");
    expect(th.footer).toBe(
      "สร้างเมื่อ 09:00 GMT+7 (Asia/Bangkok) · วันตามเขตเวลาของแต่ละร้านค้า · ข้อมูลทดสอบ (sandbox)",
    );
    expect(en.footer).toBe("made 09:00 GMT+7 (Asia/Bangkok) · days in each shop's zone · sandbox data");
    const field = (r: Reply, label: string) =>
      r.sections.flatMap((s) => s.fields ?? []).find((f) => f.label.startsWith(label));
    // The clock is named in Thai, the figure is the same one the English digest shows.
    const settlementTh = field(th, "การชำระเงิน · เมื่อวาน");
    const settlementEn = field(en, "Settlement · yesterday");
    expect(settlementTh?.label).toBe("การชำระเงิน · เมื่อวาน · ชำระแล้ว");
    expect(settlementTh?.value).toBe(settlementEn?.value);
    expect(field(th, "รอดำเนินการ")?.label).toBe("รอดำเนินการ (ประมาณการ)");
    expect(textOf(th)).not.toMatch(/yesterday|Pending|digest|payout/i);
    // The chart drawn at send time: its title (and the image's alt text) in the digest's language.
    const chartsOf = (channel: string) =>
      (rows.find((r) => r.channel === channel)!.payload as { charts?: { alt?: string }[] }).charts ?? [];
    expect(chartsOf("C-en")[0]?.alt).toMatch(/last 14 days/);
    expect(chartsOf("C-th")[0]?.alt).toMatch(/14 วันล่าสุด/);
    expect(chartsOf("C-th")[0]?.alt).not.toMatch(/last|days|settled/);
  });
});
