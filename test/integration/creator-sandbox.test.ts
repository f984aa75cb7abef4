/**
 * The creator side of the TikTok client against the sandbox (reference §1.2 step 5, §7): Search
 * Creator Affiliate Orders is a POST whose JSON body is signed, with a creator token and no
 * shop_cipher; the sandbox refuses what TikTok refuses.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProviderError } from "../../src/core/errors.ts";
import type { CreatorOrderRecord, TokenSet, TokenStore } from "../../src/providers/port.ts";
import { type SandboxShop, startSandboxShop } from "../../src/providers/sandbox/index.ts";
import { createTikTokClient } from "../../src/providers/tiktok/client.ts";
import { signRequest } from "../../src/providers/tiktok/sign.ts";

const START = new Date("2026-03-10T12:00:00Z");
const DAY_MS = 86_400_000;
const PATH = "/affiliate_creator/202410/orders/search";

let sandbox: SandboxShop;
beforeAll(async () => {
  sandbox = await startSandboxShop({ startAt: START, now: () => START, historyDays: 40 });
});
afterAll(async () => {
  await sandbox?.close();
});

function store(tokens: TokenSet): TokenStore {
  let current = tokens;
  return {
    load: async () => current,
    save: async (t) => {
      current = t;
    },
  };
}

function client(tokens: TokenSet) {
  return createTikTokClient({
    appKey: sandbox.appKey,
    appSecret: sandbox.appSecret,
    apiUrl: sandbox.url,
    authUrl: sandbox.url,
    tokens: store(tokens),
    retry: { maxAttempts: 2, baseMs: 1, maxMs: 2 },
  });
}

async function orders(tokens: TokenSet, days: number): Promise<CreatorOrderRecord[]> {
  const out: CreatorOrderRecord[] = [];
  const range = { from: new Date(START.getTime() - days * DAY_MS), to: new Date(START.getTime() + DAY_MS) };
  for await (const page of client(tokens).creatorOrders(range)) out.push(...page);
  return out;
}

/** A hand-signed POST, to send what the client never would. */
async function post(
  token: string,
  options: { query?: Record<string, string>; signedBody?: string; sentBody?: string } = {},
) {
  const body = options.signedBody ?? JSON.stringify({ create_time_ge: 0, create_time_lt: 2_000_000_000 });
  const query = {
    app_key: sandbox.appKey,
    timestamp: String(Math.floor(Date.now() / 1000)),
    page_size: "20",
    ...options.query,
  };
  const sign = signRequest(sandbox.appSecret, { path: PATH, query, body, contentType: "application/json" });
  const url = `${sandbox.url}${PATH}?${new URLSearchParams({ ...query, sign })}`;
  const response = await fetch(url, {
    method: "POST",
    headers: { "x-tts-access-token": token, "content-type": "application/json" },
    body: options.sentBody ?? body,
  });
  return { status: response.status, json: (await response.json()) as { code: number; message: string } };
}

describe("Search Creator Affiliate Orders on the sandbox", () => {
  it("exchanges the creator's auth code for a creator grant (user_type 1)", async () => {
    const grant = await client(sandbox.bootstrapTokens(0)).getAccessToken(sandbox.newAuthCode(1));
    expect(grant.userType).toBe(1);
    expect(grant.sellerName).toBe("Sandbox Creator @trailtalks");
    expect(grant.scopes).toEqual(["creator.affiliate_collaboration.read"]);
  });

  it("reads every page of a creator's orders in the body's time range, with exact commission", async () => {
    const all = await orders(sandbox.bootstrapTokens(1), 30);
    // 3–9 orders a day over 30 days: more than one page of 100.
    expect(all.length).toBeGreaterThan(100);
    expect(new Set(all.map((o) => o.id)).size).toBe(all.length);
    const from = START.getTime() - 30 * DAY_MS;
    expect(all.every((o) => o.createTime.getTime() >= from && o.createTime <= START)).toBe(true);
    const statuses = new Set(all.map((o) => o.status));
    for (const status of ["ORDERED", "SETTLED", "REFUNDED"]) expect(statuses).toContain(status);
    for (const o of all) {
      expect(o.currency).toBe("USD");
      expect(o.estimated).toMatch(/^\d+(\.\d{1,2})?$/);
      // Only a settled (or later deducted) order has an actual commission.
      if (o.status === "ORDERED" || o.status === "REFUNDED") expect(o.actual).toBe("0");
      if (o.status === "SETTLED") expect(o.actual).toBe(o.estimated);
    }
    // A shorter range in the body returns fewer orders: the body is what filters.
    expect((await orders(sandbox.bootstrapTokens(1), 5)).length).toBeLessThan(all.length / 3);
  });

  it("accepts the signed body and refuses the same request with a tampered body (106001)", async () => {
    const token = sandbox.bootstrapTokens(1).accessToken;
    expect((await post(token)).json.code).toBe(0);
    const tampered = await post(token, {
      sentBody: JSON.stringify({ create_time_ge: 0, create_time_lt: 2_000_000_001 }),
    });
    expect(tampered.status).toBe(401);
    expect(tampered.json).toMatchObject({ code: 106001, message: "Invalid sign" });
  });

  it("refuses a seller token with 101000, and the client says so", async () => {
    const seller = sandbox.bootstrapTokens(0);
    const raw = await post(seller.accessToken);
    expect(raw.json.code).toBe(101000);
    const error = await orders(seller, 5).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).upstream.code).toBe(101000);
    expect((error as ProviderError).message).toContain("POST /affiliate_creator/202410/orders/search");
  });

  it("refuses a creator token on a seller's finance endpoint (101000)", async () => {
    const shop = sandbox.shops[0]!;
    const range = { from: new Date(START.getTime() - DAY_MS), to: START };
    const pages = client(sandbox.bootstrapTokens(1)).statements(
      { externalId: shop.id, cipher: shop.cipher, region: shop.region },
      range,
    );
    const error = await (async () => {
      for await (const _ of pages);
    })().catch((e: unknown) => e);
    expect((error as ProviderError).upstream.code).toBe(101000);
  });

  it("refuses missing or misplaced parameters (36009004) and a body that is not JSON (36009022)", async () => {
    const token = sandbox.bootstrapTokens(1).accessToken;
    const noSize = await post(token, { query: { page_size: "" } });
    expect(noSize.json).toMatchObject({ code: 36009004, message: "page_size is required" });
    const inQuery = await post(token, { query: { create_time_ge: "0" } });
    expect(inQuery.json.code).toBe(36009004);
    expect(inQuery.json.message).toContain("send it in the request body");
    const cipher = await post(token, { query: { shop_cipher: sandbox.shops[0]!.cipher } });
    expect(cipher.json.code).toBe(36009004);
    const notJson = await post(token, { signedBody: "create_time_ge=0" });
    expect(notJson.json.code).toBe(36009022);
    const badTime = await post(token, { signedBody: JSON.stringify({ create_time_ge: "yesterday" }) });
    expect(badTime.json.code).toBe(36009004);
  });
});
