import { describe, expect, it } from "vitest";
import { commissionSettledAlert } from "../../src/alerts/commission.ts";
import { describeRule } from "../../src/alerts/describe.ts";
import type { AlertFacts } from "../../src/alerts/facts.ts";
import { evaluateAlertRules } from "../../src/alerts/rules.ts";
import { payoutAlert, syncTroubleAlert, thresholdAlert } from "../../src/alerts/views.ts";
import { translator } from "../../src/i18n/index.ts";
import type { ShopRow } from "../../src/storage/repos/workspaces.ts";
import { expiringNotice, reauthNotice } from "../../src/sync/connection-notices.ts";
import { textOf } from "../support/app.ts";

const shop = (id: number, name: string, currency: string, timezone: string): ShopRow => ({
  id,
  provider: "tiktok",
  externalId: `ext-${id}`,
  name,
  region: "VN",
  currency,
  timezone,
  cipher: null,
  kind: "seller",
});
const VN = shop(2, "Hanoi Shop", "VND", "Asia/Ho_Chi_Minh");
const TH = shop(3, "Bangkok Shop", "THB", "Asia/Bangkok");
const payout = {
  payoutId: "P9",
  amount: "53973760",
  currency: "VND",
  bankAccount: "****1234",
  paidTime: "2026-06-10T09:05:00.000Z",
  createdTime: "2026-06-10T08:00:00.000Z",
};

describe("alerts in the workspace's language", () => {
  it("each channel gets the payout alert in its workspace's language, the same payout in every one", () => {
    const facts: AlertFacts = {
      shops: new Map([[VN.id, VN]]),
      channels: [
        {
          channelId: 10,
          workspaceId: 1,
          platform: "slack",
          channel: "C-VI",
          digestEnabled: false,
          language: "vi",
        },
        { channelId: 20, workspaceId: 2, platform: "discord", channel: "D-EN", digestEnabled: false },
      ],
      links: [
        { workspaceId: 1, shopId: VN.id },
        { workspaceId: 2, shopId: VN.id },
      ],
      balances: [],
      unreadBalances: [],
      goals: [],
      syncFailures: [],
      needsReauth: [],
      statementsOfPayout: new Map(),
      sandbox: false,
    };
    const rule = {
      shopId: null,
      threshold: null,
      recover: null,
      currency: null,
      armed: true,
      kind: "payout",
    };
    const [decision] = evaluateAlertRules({
      rules: [
        { ...rule, id: 1, workspaceId: 1, channelId: 10 },
        { ...rule, id: 2, workspaceId: 2, channelId: 20 },
      ],
      events: [
        {
          id: 1n,
          shopId: VN.id,
          kind: "payout_paid",
          payload: { ...payout, source: "payment", backfill: false },
        },
      ],
      facts,
      now: new Date("2026-06-10T12:00:00Z"),
    });
    if (decision?.type !== "event") throw new Error(`expected an event decision, got ${decision?.type}`);
    const byChannel = new Map(decision.messages.map((m) => [m.target.channel, m.view]));
    const vi = byChannel.get("C-VI")!.reply;
    const en = byChannel.get("D-EN")!.reply;
    expect(vi.title).toBe("💸 Đã nhận khoản thanh toán · Hanoi Shop");
    expect(vi.summary).toBe("Đã nhận khoản thanh toán: 53.973.760\u00a0₫ về ****1234");
    // 09:05 UTC is 16:05 in Hanoi, on Wednesday, June 10.
    expect(vi.sections[0]!.fields![0]).toMatchObject({
      label: "Đã thanh toán",
      value: "53.973.760\u00a0₫",
      detail: "Thứ 4, 10 thg 6, 16:05 GMT+7",
    });
    expect(en.title).toBe("💸 Payout arrived · Hanoi Shop");
    expect(en.summary).toBe("Payout arrived: ₫53,973,760 to ****1234");
  });

  it("a Thai balance alert writes baht the Thai way and names the clock in Thai", () => {
    const alert = thresholdAlert(
      TH,
      { kind: "below", threshold: "1000", currency: "THB" },
      { amount: "-250.5", source: "settled_awaiting" },
      true,
      "th",
    );
    expect(alert.title).toBe("📉 ยอดคงเหลือต่ำกว่า ฿1,000.00 · Bangkok Shop");
    expect(alert.sections[0]!.fields![0]).toMatchObject({ label: "ชำระแล้ว รอการจ่ายเงิน", value: "-฿250.50" });
    expect(alert.sections[0]!.notes).toEqual(["ยอดคงเหลือติดลบจะระงับการถอนเงินจนกว่ายอดขายจะครอบคลุม"]);
    expect(alert.footer).toBe("แจ้งครั้งเดียวต่อการข้ามเกณฑ์แต่ละครั้ง · Asia/Bangkok · ข้อมูลทดสอบ (sandbox)");
  });

  it("counts with the language's plural rules (one attempt, one order, one day); Indonesian writes ₫ after the number", () => {
    const problem = { kind: "failing", error: "timeout", code: null, failures: 1 } as const;
    expect(syncTroubleAlert(VN, problem, false).summary).toBe(
      "balance-bot cannot sync Hanoi Shop: timeout — 1 failed attempt in a row",
    );
    expect(syncTroubleAlert(VN, { ...problem, failures: 4 }, false, "id").summary).toBe(
      "balance-bot tidak dapat menyinkronkan Hanoi Shop: timeout — 4 kali gagal berturut-turut",
    );
    const commission = (locale: "en" | "id") =>
      commissionSettledAlert(
        VN,
        {
          orderIds: ["O1"],
          amount: "125000",
          currency: "VND",
          firstDay: "2026-11-20",
          lastDay: "2026-11-20",
          backfill: false,
        },
        false,
        locale,
      ).summary;
    expect(commission("en")).toBe("Commission settled: ₫125,000 on 1 order (created Nov 20)");
    expect(commission("id")).toBe("Komisi sudah diselesaikan: 125.000\u00a0₫ dari 1 pesanan (dibuat 20 Nov)");
    const expiring = expiringNotice("Hanoi Shop", 1, new Date("2026-12-03T00:00:00Z"), false, "th");
    expect(expiring.title).toBe("⏳ การอนุญาต TikTok Shop จะหมดอายุในอีก 1 วัน · Hanoi Shop");
    // Money is written as Intl writes it in the language; Thai dates count years in the Buddhist era.
    expect(textOf(expiring)).toContain("(3 ธ.ค. 2569)");
  });

  it("a payout from another currency shows the amount before the exchange and the rate", () => {
    const alert = payoutAlert(
      VN,
      {
        ...payout,
        amount: "2000",
        currency: "USD",
        exchange: {
          settlementAmount: "50000000",
          settlementCurrency: "VND",
          reserveAmount: "500000",
          exchangeRate: "25250",
        },
      },
      [],
      false,
      false,
      "vi",
    );
    expect(alert.sections[0]!.fields![0]!.value).toBe(
      "2.000,00\u00a0$ (50.500.000\u00a0₫ theo tỷ giá 25.250)",
    );
  });

  it("a failed payout's amount is not labelled paid out, in any language", () => {
    for (const locale of ["en", "vi", "th"] as const) {
      const field = payoutAlert(VN, payout, [], true, false, locale).sections[0]!.fields![0]!;
      expect(field.clock).toBeUndefined();
      expect(field.label).not.toMatch(/paid out|đã thanh toán|จ่ายออกแล้ว/);
    }
    expect(payoutAlert(VN, payout, [], true, false, "en").sections[0]!.fields![0]!.label).toBe(
      "Payout (failed)",
    );
    expect(payoutAlert(VN, payout, [], false, false, "en").sections[0]!.fields![0]!.clock).toBe("paid");
  });

  it("names a rule in the asker's language, with the amount written the language's way", () => {
    const rule = { kind: "below", threshold: "0", recover: "100000", currency: "VND", shopId: VN.id };
    expect(describeRule(rule, [VN])).toBe(
      "when the balance of Hanoi Shop drops below ₫0 (re-arms above ₫100,000)",
    );
    expect(describeRule(rule, [VN], translator("vi"))).toBe(
      "khi số dư của Hanoi Shop giảm xuống dưới 0\u00a0₫ (kích hoạt lại khi trên 100.000\u00a0₫)",
    );
  });

  it("says why a shop needs re-authorizing in the language, TikTok's error code as given", () => {
    const why = { kind: "refused", code: "105002" } as const;
    expect(reauthNotice(["Hanoi Shop"], why, false).sections[0]!.notes![0]).toBe(
      "TikTok Shop refused to renew the access (error 105002); the authorization was revoked or has expired",
    );
    expect(reauthNotice(["Hanoi Shop"], why, false, "vi").sections[0]!.notes![0]).toBe(
      "TikTok Shop từ chối gia hạn quyền truy cập (lỗi 105002); quyền đã bị thu hồi hoặc đã hết hạn",
    );
  });
});
