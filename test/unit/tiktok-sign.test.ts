import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  signatureBase,
  signRequest,
  signWebhook,
  verifyRequestSign,
  verifyWebhook,
} from "../../src/providers/tiktok/sign.ts";

/** Independent recomputation of §1.2 steps 6–7 for vectors the reference does not print. */
function reference(secret: string, base: string): string {
  return createHmac("sha256", secret)
    .update(secret + base + secret)
    .digest("hex");
}

describe("TikTok request signing (reference §1.2–1.3)", () => {
  it("matches vector V1 from the official docs", () => {
    const input = {
      path: "/authorization/202309/shops",
      query: { app_key: "29a39d", timestamp: 1623812664 },
    };
    expect(signatureBase(input)).toBe("/authorization/202309/shopsapp_key29a39dtimestamp1623812664");
    expect(signRequest("e59af819cc", input)).toBe(
      "b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8",
    );
  });

  it("matches vector V2 from the EcomPHP tests", () => {
    const input = { path: "/test-api", query: { foo: "bar" } };
    expect(signatureBase(input)).toBe("/test-apifoobar");
    expect(signRequest("app_secret", input)).toBe(
      "d3cb7fe11ecae942802ceeca67e7cf10120cc12f1517d45fbc1c8cfe5413c80f",
    );
  });

  it("excludes sign and access_token and sorts keys", () => {
    const base = signatureBase({
      path: "/finance/202309/statements",
      query: {
        timestamp: 1700000000,
        sign: "ignored",
        access_token: "ignored",
        shop_cipher: "ROW_abc",
        app_key: "k",
        sort_field: "statement_time",
      },
    });
    expect(base).toBe(
      "/finance/202309/statementsapp_keykshop_cipherROW_abcsort_fieldstatement_timetimestamp1700000000",
    );
  });

  it("joins array values with commas before signing", () => {
    const input = {
      path: "/finance/202309/withdrawals",
      query: { app_key: "k", timestamp: 1, types: ["WITHDRAW", "SETTLE", "TRANSFER", "REVERSE"] },
    };
    const base = "/finance/202309/withdrawalsapp_keyktimestamp1typesWITHDRAW,SETTLE,TRANSFER,REVERSE";
    expect(signatureBase(input)).toBe(base);
    expect(signRequest("s3cret", input)).toBe(reference("s3cret", base));
  });

  it("signs page tokens with '/' and '+' decoded, and a request built from the URL verifies", () => {
    const pageToken = "b2Zmc2V0+PTEwMA==/x+y";
    const query = { app_key: "k", timestamp: 1700000000, page_token: pageToken, page_size: 100 };
    const sign = signRequest("s3cret", { path: "/p", query });
    const sent = new URLSearchParams({ ...query, timestamp: "1700000000", page_size: "100", sign });
    expect(sent.toString()).toContain("page_token=b2Zmc2V0%2BPTEwMA%3D%3D%2Fx%2By");
    // The server side decodes the query and recomputes from the decoded values.
    const received = Object.fromEntries(new URLSearchParams(sent.toString()));
    expect(received.page_token).toBe(pageToken);
    expect(verifyRequestSign("s3cret", { path: "/p", query: received }, sign)).toBe(true);
    // A raw "+" would reach the server as a space and must fail verification.
    const mangled = { ...received, page_token: pageToken.replaceAll("+", " ") };
    expect(verifyRequestSign("s3cret", { path: "/p", query: mangled }, sign)).toBe(false);
  });

  it("appends the exact raw body of a POST, but not a multipart body", () => {
    const body = '{"address":"https://example.com/hook","event_type":"ORDER_STATUS_CHANGE"}';
    const query = { app_key: "k", shop_cipher: "ROW_x", timestamp: 1696909648 };
    const base = `/event/202309/webhooksapp_keykshop_cipherROW_xtimestamp1696909648${body}`;
    expect(signatureBase({ path: "/event/202309/webhooks", query, body })).toBe(base);
    expect(signRequest("s3cret", { path: "/event/202309/webhooks", query, body })).toBe(
      reference("s3cret", base),
    );
    expect(
      signatureBase({
        path: "/event/202309/webhooks",
        query,
        body: "--boundary…",
        contentType: "multipart/form-data; boundary=x",
      }),
    ).toBe("/event/202309/webhooksapp_keykshop_cipherROW_xtimestamp1696909648");
  });

  it("emits lowercase hex and verifies case-insensitively", () => {
    const input = { path: "/test-api", query: { foo: "bar" } };
    const sign = signRequest("app_secret", input);
    expect(sign).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyRequestSign("app_secret", input, sign.toUpperCase())).toBe(true);
    expect(verifyRequestSign("other", input, sign)).toBe(false);
  });
});

describe("TikTok webhook signature (reference §5.2)", () => {
  const body =
    '{"type":1,"tts_notification_id":"7380066284010030890","shop_id":"7495540735365777507","timestamp":1718305585,"data":{"is_on_hold_order":true,"order_id":"576653688135258178","order_status":"UNPAID","update_time":1718305585}}';
  const expected = "5dec0f11ec2f6783b8deee53c9ffbf8d024302f7c7e7fa55a35d17629031ac05";

  it("matches the official vector", () => {
    expect(signWebhook("abcdef", "123", body)).toBe(expected);
    expect(signWebhook("abcdef", "123", Buffer.from(body))).toBe(expected);
  });

  it("verifies the raw body only", () => {
    expect(verifyWebhook("abcdef", "123", body, expected)).toBe(true);
    expect(verifyWebhook("abcdef", "123", JSON.stringify(JSON.parse(body), null, 1), expected)).toBe(false);
    expect(verifyWebhook("abcdef", "124", body, expected)).toBe(false);
    expect(verifyWebhook("abcdef", "123", body, undefined)).toBe(false);
    expect(verifyWebhook("abcdef", "123", body, "short")).toBe(false);
  });
});
