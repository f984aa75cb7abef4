import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProviderError } from "../../src/core/errors.ts";
import { add, parseMoney, toDecimal, zero } from "../../src/money/money.ts";
import type { ShopRef, TimeRange, TokenSet, TokenStore } from "../../src/providers/port.ts";
import { type SandboxShop, startSandboxShop } from "../../src/providers/sandbox/index.ts";
import { createTikTokClient, type TikTokClientOptions } from "../../src/providers/tiktok/client.ts";
import { signRequest } from "../../src/providers/tiktok/sign.ts";

const START = new Date("2025-06-15T10:00:00Z");
const DAY_MS = 86_400_000;
const RANGE: TimeRange = {
  from: new Date(START.getTime() - 150 * DAY_MS),
  to: new Date(START.getTime() + DAY_MS),
};

/** In-memory TokenStore that remembers every save. */
function memoryTokens(initial: TokenSet) {
  let current = initial;
  const saves: TokenSet[] = [];
  const store: TokenStore = {
    load: async () => current,
    save: async (tokens) => {
      current = tokens;
      saves.push(tokens);
    },
  };
  return { store, saves, current: () => current };
}

function clientFor(sandbox: SandboxShop, tokens: TokenStore, extra: Partial<TikTokClientOptions> = {}) {
  return createTikTokClient({
    appKey: sandbox.appKey,
    appSecret: sandbox.appSecret,
    apiUrl: sandbox.url,
    authUrl: sandbox.url,
    tokens,
    retry: { maxAttempts: 5, baseMs: 1, maxMs: 5 },
    ...extra,
  });
}

async function collect<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(...page);
  return out;
}

async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ProviderError);
    return error as ProviderError;
  }
  throw new Error("expected a rejection");
}

function total(currency: string, amounts: (string | null)[]): string {
  return toDecimal(amounts.reduce((sum, a) => add(sum, parseMoney(a ?? "0", currency)), zero(currency)));
}

describe("TikTok client against the sandbox shop", () => {
  let sandbox: SandboxShop;
  let us: ShopRef;
  let vn: ShopRef;

  beforeAll(async () => {
    sandbox = await startSandboxShop({ seed: 7, startAt: START, ordersPerDay: 150, historyDays: 120 });
    const shops = await clientFor(sandbox, memoryTokens(sandbox.bootstrapTokens()).store).listShops();
    us = shops.find((s) => s.region === "US")!;
    vn = shops.find((s) => s.region === "VN")!;
  });
  afterAll(() => sandbox.close());

  const fresh = () => {
    const tokens = memoryTokens(sandbox.bootstrapTokens());
    return { tokens, client: clientFor(sandbox, tokens.store) };
  };

  it("lists the seller's three shops with their ciphers, one of them cross-border", async () => {
    const shops = await fresh().client.listShops();
    expect(shops.map((s) => [s.region, s.name, s.sellerType])).toEqual([
      ["US", "Sandbox Outdoor (US)", "LOCAL"],
      ["VN", "Sandbox Thời Trang (VN)", "LOCAL"],
      ["GB", "Sandbox Home (UK)", "CROSS_BORDER"],
    ]);
    expect(us.cipher).toMatch(/^GCP_/);
    expect(vn.cipher).toMatch(/^ROW_/);
  });

  it("pages through every statement (page tokens with '/' and '+') and components add up", async () => {
    const statements = await collect(fresh().client.statements(us, RANGE));
    expect(statements).toHaveLength(121);
    expect(new Set(statements.map((s) => s.id)).size).toBe(121);
    for (const s of statements) {
      expect(s.statementTime.getUTCHours()).toBe(0);
      expect(total("USD", [s.netSales, s.fee, s.shipping, s.adjustment])).toBe(total("USD", [s.settlement]));
    }
    const vnStatements = await collect(fresh().client.statements(vn, RANGE));
    expect(vnStatements[0]?.currency).toBe("VND");
    for (const s of vnStatements) {
      expect(s.settlement).toMatch(/^-?\d+$/);
      expect(total("VND", [s.revenue, s.fee, s.adjustment])).toBe(total("VND", [s.settlement]));
    }
  });

  it("statement transactions (several pages) sum to the statement, and order SKUs to the order", async () => {
    const { client } = fresh();
    const statements = await collect(client.statements(us, RANGE));
    const withAdjustment = statements.find((s) => s.adjustment !== "0.00")!;
    for (const statement of [statements.at(-1)!, withAdjustment]) {
      const rows = await collect(client.statementTransactions(us, statement.id));
      expect(rows.length).toBeGreaterThan(100);
      expect(
        total(
          "USD",
          rows.map((r) => r.settlement),
        ),
      ).toBe(total("USD", [statement.settlement]));
    }
    const rows = await collect(client.statementTransactions(us, withAdjustment.id));
    expect(rows.some((r) => r.type !== "ORDER" && r.adjustmentId !== null)).toBe(true);
    const order = rows.find((r) => r.type === "ORDER")!;
    expect(order.breakdown["fee.referral_fee_amount"]).toMatch(/^-\d+\.\d\d$/);
    const skus = await client.orderTransactions(us, order.orderId!);
    expect(skus.length).toBeGreaterThan(0);
    expect(skus.every((s) => s.statementId === withAdjustment.id)).toBe(true);
    expect(
      total(
        "USD",
        skus.map((s) => s.settlement),
      ),
    ).toBe(total("USD", [order.settlement]));
  });

  it("the US shop has reserve rows, and payouts come as payments (US) and withdrawals (VN)", async () => {
    const { client } = fresh();
    const payments = await collect(client.payouts(us, RANGE));
    // 120 statement days, two in ten rolled into the next payment.
    expect(payments.length).toBeGreaterThan(90);
    expect(payments.every((p) => p.source === "payment" && p.currency === "USD")).toBe(true);
    expect(payments.some((p) => p.status === "PAID" && p.paidTime !== null)).toBe(true);
    const reserved = payments.find((p) => p.reserveAmount !== "0.00")!;
    expect(total("USD", [reserved.settlementAmount, reserved.reserveAmount])).toBe(reserved.amount);
    const statements = await collect(client.statements(us, RANGE));
    const byPayment = new Map<string, string[]>();
    for (const s of statements.filter((s) => s.paymentId)) {
      byPayment.set(s.paymentId!, [...(byPayment.get(s.paymentId!) ?? []), s.settlement]);
    }
    // A combined payment pays exactly the settlements of the statements it covers (plus reserve).
    const combined = payments.find((p) => (byPayment.get(p.id)?.length ?? 0) === 3)!;
    expect(combined).toBeDefined();
    expect(total("USD", byPayment.get(combined.id)!)).toBe(total("USD", [combined.settlementAmount]));

    const ledger = await collect(client.payouts(vn, RANGE));
    expect(ledger.every((w) => w.source === "withdrawal" && w.currency === "VND")).toBe(true);
    const types = new Set(ledger.map((w) => w.type));
    expect([...types].sort()).toEqual(["REVERSE", "SETTLE", "TRANSFER", "WITHDRAW"]);
    const withdrawals = ledger.filter((w) => w.type === "WITHDRAW");
    expect(withdrawals.filter((w) => w.status === "PAID").length).toBeGreaterThan(20);
    expect(withdrawals.filter((w) => w.status === "FAILED")).toHaveLength(1);
    const reverse = ledger.find((w) => w.type === "REVERSE")!;
    expect(reverse.amount).toBe(withdrawals.find((w) => w.status === "FAILED")!.amount);
  });

  it("the cross-border UK shop settles in GBP and is paid in USD at a stated rate, rounded to the cent", async () => {
    const { client } = fresh();
    const uk = (await client.listShops()).find((s) => s.region === "GB")!;
    const statements = await collect(client.statements(uk, RANGE));
    expect(new Set(statements.map((s) => s.currency))).toEqual(new Set(["GBP"]));
    const payments = await collect(client.payouts(uk, RANGE));
    expect(payments.length).toBeGreaterThan(90);
    const rates = new Set<string>();
    for (const p of payments) {
      expect(p.currency).toBe("USD");
      expect(p.settlementCurrency).toBe("GBP");
      expect(p.exchangeRate).toMatch(/^1\.2[5-9]\d{4}$/);
      rates.add(p.exchangeRate!);
      // amount = (settlement + reserve) × rate, half away from zero, to the cent, exactly.
      const pence = parseMoney(total("GBP", [p.settlementAmount, p.reserveAmount]), "GBP").units / 10_000n;
      const product = pence * BigInt(p.exchangeRate!.replace(".", ""));
      const magnitude = product < 0n ? -product : product;
      const cents = (magnitude + 500_000n) / 1_000_000n;
      const expected = (product < 0n ? -cents : cents) * 10_000n;
      expect(parseMoney(p.amount, "USD").units).toBe(expected);
    }
    expect(rates.size).toBeGreaterThan(10);
  });

  it("sums unsettled orders over every page exactly", async () => {
    const summary = await fresh().client.unsettled(us, "USD");
    expect(summary.totalCount).toBeGreaterThan(300);
    expect(summary.estSettlement).toMatch(/^\d+(\.\d{1,2})?$/);
    const vnSummary = await fresh().client.unsettled(vn, "VND");
    expect(vnSummary.currency).toBe("VND");
    expect(vnSummary.estSettlement).toMatch(/^\d+$/);
  });

  it("a wrong app secret is a clear 'signature rejected' error, not retried", async () => {
    const tokens = memoryTokens(sandbox.bootstrapTokens());
    const client = clientFor(sandbox, tokens.store, { appSecret: "not-the-secret" });
    const before = sandbox.received();
    const error = await rejection(client.listShops());
    expect(error.message).toMatch(/signature rejected.*TIKTOK_APP_SECRET/);
    expect(error.upstream.code).toBe(106001);
    expect(error.upstream.requestId).toBeTruthy();
    expect(error.message).not.toContain("not-the-secret");
    expect(error.message).not.toContain(tokens.current().accessToken);
    expect(sandbox.received() - before).toBe(1);
  });

  it("completes through a 429 burst and 503s", async () => {
    const { client } = fresh();
    sandbox.faults.rateLimitBurst(3);
    const before = sandbox.received();
    expect(await client.listShops()).toHaveLength(3);
    expect(sandbox.received() - before).toBe(4);
    sandbox.faults.serverErrors(2);
    expect(await collect(client.statements(vn, RANGE))).toHaveLength(121);
  });

  it("gives up with a retryable error when the 429s outlast the retries", async () => {
    const { client } = fresh();
    sandbox.faults.rateLimitBurst(10);
    const error = await rejection(client.listShops());
    expect(error.upstream).toMatchObject({ code: 36009002, status: 429, retryable: true });
    sandbox.faults.reset();
  });

  it("refreshes an expired access token exactly once and stores the new pair", async () => {
    const { client, tokens } = fresh();
    const old = tokens.current();
    sandbox.faults.expireAccessToken();
    const statements = await collect(client.statements(us, RANGE));
    expect(statements).toHaveLength(121);
    expect(tokens.saves).toHaveLength(1);
    const now = tokens.current();
    expect(now.accessToken).not.toBe(old.accessToken);
    expect(now.refreshToken).not.toBe(old.refreshToken);
    expect(now.accessExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 6 * DAY_MS);
    expect(now.refreshExpiresAt!.getTime()).toBeGreaterThan(now.accessExpiresAt!.getTime());
  });

  it("a request signed with the old token while another refreshed it is re-sent once with the new token", async () => {
    const tokens = memoryTokens(sandbox.bootstrapTokens());
    const old = tokens.current().accessToken;
    // The race of a sync reading statements and payouts at once: the statements request gets 105002
    // and refreshes; the payouts request, signed with the old token, reaches TikTok only after the
    // refresh retired that token (the sandbox retires it at once) and is answered 36009004.
    let refreshed!: () => void;
    const refreshDone = new Promise<void>((resolve) => (refreshed = resolve));
    const sent: string[] = [];
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const url = new URL(String(input));
      const token = new Headers(init?.headers).get("x-tts-access-token");
      sent.push(`${url.pathname} ${token === old ? "old" : token ? "new" : "-"}`);
      if (url.pathname === "/finance/202309/payments" && token === old) await refreshDone;
      const response = await globalThis.fetch(input, init);
      if (url.pathname === "/api/v2/token/refresh") refreshed();
      return response;
    };
    const client = clientFor(sandbox, tokens.store, { fetch });
    sandbox.faults.expireAccessToken();
    // Both settle before anything is checked, so a failure here leaves no request in flight.
    const [statements, payouts] = await Promise.allSettled([
      collect(client.statements(us, RANGE)),
      collect(client.payouts(us, RANGE)),
    ]);
    expect(payouts.status === "rejected" ? String(payouts.reason) : "").toBe("");
    expect(statements.status === "fulfilled" && statements.value).toHaveLength(121);
    expect(payouts.status === "fulfilled" && payouts.value.length).toBeGreaterThan(0);
    expect(tokens.saves).toHaveLength(1);
    expect(sent).toContain("/finance/202309/payments old");
    expect(sent.filter((line) => line === "/finance/202309/payments new").length).toBeGreaterThan(0);
    expect(sent.filter((line) => line.startsWith("/api/v2/token/refresh"))).toHaveLength(1);
  });

  it("an invalid token (36009004) that no refresh changed is not retried", async () => {
    const tokens = memoryTokens({ ...sandbox.bootstrapTokens(), accessToken: "TTP_never-issued" });
    const client = clientFor(sandbox, tokens.store);
    const before = sandbox.received();
    const error = await rejection(client.listShops());
    expect(error.upstream.code).toBe(36009004);
    expect(sandbox.received() - before).toBe(1);
    expect(tokens.saves).toHaveLength(0);
  });

  it("a missing scope (105005) says to re-authorize and is not retried", async () => {
    const { client } = fresh();
    sandbox.faults.revokeScope();
    const before = sandbox.received();
    try {
      const error = await rejection(collect(client.statements(us, RANGE)));
      expect(error.upstream.code).toBe(105005);
      expect(error.message).toMatch(/re-authorize/);
      expect(sandbox.received() - before).toBe(1);
    } finally {
      sandbox.faults.restoreScope();
    }
  });

  it("a malformed amount skips that record only, keeps the rest of the page and names the field", async () => {
    const { client } = fresh();
    const clean = await collect(client.statements(us, RANGE));
    sandbox.faults.malformedAmount(1);
    const pages = [];
    for await (const page of client.statements(us, RANGE)) pages.push(page);
    expect(pages.flat().map((s) => s.id)).toEqual(clean.filter((_, i) => i !== 3).map((s) => s.id));
    expect(pages.flatMap((p) => p.anomalies ?? []).filter((a) => a.kind === "skipped")).toEqual([
      {
        kind: "skipped",
        recordId: clean[3]!.id,
        field: "settlement_amount",
        value: '"12,5O" is not a decimal number',
      },
    ]);
  });

  it("a status no client has seen is kept raw and reported, not a failed page", async () => {
    const { client } = fresh();
    const pages = [];
    for await (const page of client.statements(us, RANGE)) pages.push(page);
    const onHold = pages.flat().filter((s) => s.paymentStatus === "ON_HOLD");
    expect(onHold).toHaveLength(1);
    expect(pages.flatMap((p) => p.anomalies ?? [])).toEqual([
      { kind: "unknown", recordId: onHold[0]!.id, field: "payment_status", value: "ON_HOLD" },
    ]);
  });

  it("malformed JSON is a clear error", async () => {
    const { client } = fresh();
    sandbox.faults.malformedJson(1);
    const error = await rejection(client.listShops());
    expect(error.message).toMatch(/malformed response .*not a JSON envelope/);
  });

  it("a slow shop times out with a clear error", async () => {
    const tokens = memoryTokens(sandbox.bootstrapTokens());
    const client = clientFor(sandbox, tokens.store, {
      timeoutMs: 50,
      retry: { maxAttempts: 2, baseMs: 1, maxMs: 2 },
    });
    sandbox.faults.latencyMs(300);
    try {
      const error = await rejection(client.listShops());
      expect(error.message).toMatch(/no answer within 50 ms, after 2 attempts/);
    } finally {
      sandbox.faults.latencyMs(0);
    }
  });

  it("exchanges the single-use sandbox auth code for stored tokens", async () => {
    const tokens = memoryTokens({
      accessToken: "",
      refreshToken: "",
      accessExpiresAt: null,
      refreshExpiresAt: null,
    });
    const client = clientFor(sandbox, tokens.store);
    const grant = await client.getAccessToken("sandbox-auth-code");
    expect(grant.scopes).toContain("seller.finance.info");
    expect(tokens.current().accessToken).toBe(grant.accessToken);
    expect(await client.listShops()).toHaveLength(3);
    const error = await rejection(client.getAccessToken("sandbox-auth-code"));
    expect(error.upstream.code).toBe(36009004);
    expect(error.message).toMatch(/auth_code/);
  });
});

describe("the sandbox shop refuses what TikTok refuses", () => {
  let sandbox: SandboxShop;
  let token: string;
  const US_CIPHER = "GCP_sbxUS0aaAAABh00qsWgtvOiGFNqy";

  beforeAll(async () => {
    sandbox = await startSandboxShop({ seed: 1, startAt: START });
    token = sandbox.bootstrapTokens().accessToken;
  });
  afterAll(() => sandbox.close());

  /** A hand-signed GET; `encode: false` sends the query values raw, as a buggy client would. */
  async function call(
    path: string,
    query: Record<string, string>,
    options: { token?: string; timestamp?: number; encode?: boolean } = {},
  ) {
    const q = {
      app_key: sandbox.appKey,
      timestamp: String(options.timestamp ?? Math.floor(Date.now() / 1000)),
      ...query,
    };
    const sign = signRequest(sandbox.appSecret, { path, query: q });
    const pairs = Object.entries({ ...q, sign });
    const search =
      options.encode === false
        ? pairs.map(([k, v]) => `${k}=${v}`).join("&")
        : new URLSearchParams(pairs).toString();
    const response = await fetch(`${sandbox.url}${path}?${search}`, {
      headers: { "x-tts-access-token": options.token ?? token, "content-type": "application/json" },
    });
    return { status: response.status, body: (await response.json()) as { code: number; message: string } };
  }

  it("accepts a correct call", async () => {
    const { status, body } = await call("/authorization/202309/shops", {});
    expect([status, body.code]).toEqual([200, 0]);
  });

  it("refuses shop_cipher on /authorization and requires it on /finance", async () => {
    const withCipher = await call("/authorization/202309/shops", { shop_cipher: US_CIPHER });
    expect(withCipher.body).toMatchObject({ code: 36009004, message: expect.stringMatching(/shop_cipher/) });
    const without = await call("/finance/202309/statements", { sort_field: "statement_time" });
    expect(without.body.code).toBe(106013);
  });

  it("requires sort_field and a page_size of 1–100", async () => {
    const noSort = await call("/finance/202309/statements", { shop_cipher: US_CIPHER });
    expect(noSort.body).toMatchObject({ code: 36009004, message: expect.stringMatching(/sort_field/) });
    const big = await call("/finance/202309/statements", {
      shop_cipher: US_CIPHER,
      sort_field: "statement_time",
      page_size: "101",
    });
    expect(big.body).toMatchObject({ code: 36009004, message: expect.stringMatching(/page_size/) });
  });

  it("checks the timestamp window and the access token", async () => {
    const stale = await call(
      "/authorization/202309/shops",
      {},
      { timestamp: Math.floor(Date.now() / 1000) - 301 },
    );
    expect(stale.body).toMatchObject({ code: 36009004, message: expect.stringMatching(/timestamp/) });
    const ahead = await call(
      "/authorization/202309/shops",
      {},
      { timestamp: Math.floor(Date.now() / 1000) + 60 },
    );
    expect(ahead.body.code).toBe(36009004);
    const unknown = await call("/authorization/202309/shops", {}, { token: "TTP_nope" });
    expect(unknown.body).toMatchObject({ code: 36009004, message: "Invalid x-tts-access-token" });
  });

  it("rejects a page token sent without percent-encoding (its '+' arrives as a space)", async () => {
    const query = { shop_cipher: US_CIPHER, sort_field: "statement_time", page_size: "10" };
    const first = await call("/finance/202309/statements", query);
    const next = (first.body as unknown as { data: { next_page_token: string } }).data.next_page_token;
    expect(next).toMatch(/\+/);
    expect(next).toMatch(/\//);
    const good = await call("/finance/202309/statements", { ...query, page_token: next });
    expect(good.body.code).toBe(0);
    const raw = await call("/finance/202309/statements", { ...query, page_token: next }, { encode: false });
    expect(raw.body).toMatchObject({ code: 106001, message: "Invalid sign" });
  });
});

describe("sandbox shop history", () => {
  it("is deterministic: the same seed gives the same data, another seed other data", async () => {
    const snapshot = async (seed: number) => {
      const sandbox = await startSandboxShop({ seed, startAt: START });
      try {
        const client = clientFor(sandbox, memoryTokens(sandbox.bootstrapTokens()).store);
        const [us] = await client.listShops();
        const statements = await collect(client.statements(us!, RANGE));
        const rows = await collect(client.statementTransactions(us!, statements.at(-5)!.id));
        return JSON.stringify({ statements, rows, unsettled: await client.unsettled(us!, "USD") });
      } finally {
        await sandbox.close();
      }
    };
    const a = await snapshot(11);
    expect(await snapshot(11)).toBe(a);
    expect(await snapshot(12)).not.toBe(a);
  });

  it("the demo payout turns PAID within 30 real seconds at speed 60", async () => {
    let real = Date.parse("2030-01-01T00:00:00Z");
    const sandbox = await startSandboxShop({ seed: 3, speed: 60, startAt: START, now: () => new Date(real) });
    try {
      const client = clientFor(sandbox, memoryTokens(sandbox.bootstrapTokens()).store);
      const [us, vn] = await client.listShops();
      const latest = async (shop: ShopRef) => (await collect(client.payouts(shop, RANGE))).at(-1)!;
      const usPayout = await latest(us!);
      const vnPayout = await latest(vn!);
      expect([usPayout.status, vnPayout.status]).toEqual(["PROCESSING", "PROCESSING"]);

      real += 30_000;
      expect(sandbox.clock().getTime() - START.getTime()).toBe(30 * 60_000);
      const usAfter = await latest(us!);
      const vnAfter = await latest(vn!);
      expect(usAfter).toMatchObject({ id: usPayout.id, status: "PAID" });
      expect(vnAfter).toMatchObject({ id: vnPayout.id, status: "PAID" });
      const [statement] = await collect(
        client.statements(us!, {
          from: new Date(usAfter.createdTime.getTime() - DAY_MS),
          to: usAfter.createdTime,
        }),
      );
      expect(statement).toMatchObject({ paymentId: usPayout.id, paymentStatus: "PAID" });
    } finally {
      await sandbox.close();
    }
  });
});
