import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type { ReadAnomaly } from "../../src/providers/port.ts";
import {
  describeIssues,
  envelopeSchema,
  orderTransactionsDataSchema,
  paymentsDataSchema,
  shopsDataSchema,
  statementsDataSchema,
  statementTransactionsDataSchema,
  tokenDataSchema,
  unsettledDataSchema,
  withdrawalsDataSchema,
} from "../../src/providers/tiktok/schemas.ts";

/** Why a page failed, or (a page being read record by record) why its records were skipped. */
function problem(schema: z.ZodType, data: unknown): string {
  const result = schema.safeParse(data);
  if (!result.success) return describeIssues(result.error);
  const anomalies = (result.data as { anomalies?: ReadAnomaly[] }).anomalies ?? [];
  const skipped = anomalies.filter((a) => a.kind === "skipped");
  if (skipped.length === 0) throw new Error("expected a parse failure or a skipped record");
  return skipped.map((a) => `${a.recordId ?? "?"} ${a.field}: ${a.value}`).join("; ");
}

const statement = (over: Record<string, unknown> = {}) => ({
  id: "7238804564097517339",
  statement_time: 1685548800,
  settlement_amount: "100",
  currency: "GBP",
  revenue_amount: "200",
  fee_amount: "-30",
  adjustment_amount: "-70",
  payment_status: "PAID",
  payment_id: "3459275187040258849",
  ...over,
});

describe("envelope", () => {
  it("reads the documented envelope and tolerates a string code and a null message", () => {
    const ok = envelopeSchema.parse({
      code: 0,
      message: "Success",
      request_id: "2022030707",
      data: { a: 1 },
    });
    expect(ok).toMatchObject({ code: 0, request_id: "2022030707", data: { a: 1 } });
    expect(envelopeSchema.parse({ code: "106001", message: null, data: null })).toMatchObject({
      code: 106001,
      message: "",
    });
    expect(envelopeSchema.safeParse({ message: "no code" }).success).toBe(false);
  });
});

describe("statements", () => {
  it("parses the docs sample, keeping amounts as exact strings and ids as strings", () => {
    const page = statementsDataSchema.parse({
      next_page_token: "6AsP+/x",
      statements: [statement({ net_sales_amount: "-70", shipping_cost_amount: "-70", brand_new_field: 1 })],
    });
    expect(page.next).toBe("6AsP+/x");
    expect(page.items[0]).toEqual({
      id: "7238804564097517339",
      statementTime: new Date(1685548800 * 1000),
      currency: "GBP",
      settlement: "100",
      revenue: "200",
      netSales: "-70",
      fee: "-30",
      shipping: "-70",
      adjustment: "-70",
      paymentStatus: "PAID",
      paymentId: "3459275187040258849",
      paymentTime: null,
    });
  });

  it("treats an empty or missing next_page_token as the last page", () => {
    expect(statementsDataSchema.parse({ next_page_token: "", statements: [] }).next).toBeNull();
    expect(statementsDataSchema.parse({}).next).toBeNull();
  });

  it("names the field of a malformed amount", () => {
    const statements = [statement(), statement(), statement(), statement({ settlement_amount: "12,5" })];
    expect(problem(statementsDataSchema, { statements })).toBe(
      '7238804564097517339 settlement_amount: "12,5" is not a decimal number',
    );
    expect(problem(statementsDataSchema, { statements: [statement({ fee_amount: "1.0000001" })] })).toBe(
      '7238804564097517339 fee_amount: "1.0000001" has more than 6 decimal places',
    );
  });

  it("refuses numeric ids, which lose precision above 2^53", () => {
    expect(
      problem(statementsDataSchema, { statements: [statement(JSON.parse('{"id":7238804564097517339}'))] }),
    ).toMatch(/^\? id: /);
  });
});

describe("payouts", () => {
  it("reads payments with nested amounts", () => {
    const page = paymentsDataSchema.parse({
      payments: [
        {
          id: "p1",
          create_time: 1700000000,
          paid_time: 0,
          status: "PROCESSING",
          amount: { value: "100", currency: "USD" },
          settlement_amount: { value: "130", currency: "USD" },
          reserve_amount: { value: "-30", currency: "USD" },
          exchange_rate: "1.000000",
          bank_account: "***********1234",
        },
      ],
    });
    expect(page.items[0]).toMatchObject({
      source: "payment",
      status: "PROCESSING",
      amount: "100",
      settlementAmount: "130",
      reserveAmount: "-30",
      paidTime: null,
      bankAccount: "***********1234",
    });
    expect(
      problem(paymentsDataSchema, {
        payments: [{ id: "p", create_time: 1, status: "PAID", amount: { value: "1e3", currency: "USD" } }],
      }),
    ).toBe('p amount.value: "1e3" is not a decimal number');
  });

  it("normalises withdrawal SUCCESS and PAID to PAID", () => {
    const row = (status: string) => ({
      id: "EFASDF23432",
      type: "WITHDRAW",
      amount: "-150000",
      currency: "IDR",
      status,
      create_time: 1,
    });
    const page = withdrawalsDataSchema.parse({
      total_count: 3,
      withdrawals: ["SUCCESS", "PAID", "FAILED"].map(row),
    });
    expect(page.items.map((w) => [w.source, w.status, w.type])).toEqual([
      ["withdrawal", "PAID", "WITHDRAW"],
      ["withdrawal", "PAID", "WITHDRAW"],
      ["withdrawal", "FAILED", "WITHDRAW"],
    ]);
  });
});

describe("statement transactions (202501)", () => {
  const order = {
    id: "t1",
    type: "ORDER",
    order_id: "576653688135258178",
    order_create_time: 1700000000,
    settlement_amount: "32.92",
    revenue_amount: "37.00",
    fee_tax_amount: "-3.29",
    shipping_cost_amount: "-0.79",
    revenue_breakdown: { subtotal_before_discount_amount: "37.00", new_revenue_key: "1" },
    fee_tax_breakdown: { fee: { platform_commission_amount: "-2.22" }, tax: { vat_amount: "-1.07" } },
    shipping_cost_breakdown: {
      actual_shipping_fee_amount: "-4.03",
      supplementary_component: { customer_shipping_fee: "3.24" },
    },
    supplementary_component: { customer_payment_amount: "40.24" },
  };

  it("flattens open breakdown maps and carries the statement currency", () => {
    const page = statementTransactionsDataSchema.parse({ currency: "USD", transactions: [order] });
    expect(page.items[0]).toMatchObject({ currency: "USD", orderId: order.order_id, settlement: "32.92" });
    expect(page.items[0]?.breakdown).toEqual({
      "revenue.subtotal_before_discount_amount": "37.00",
      "revenue.new_revenue_key": "1",
      "fee.platform_commission_amount": "-2.22",
      "tax.vat_amount": "-1.07",
      "shipping.actual_shipping_fee_amount": "-4.03",
      "shipping.supplementary.customer_shipping_fee": "3.24",
      "supplementary.customer_payment_amount": "40.24",
    });
  });

  it("reads reserve rows case-insensitively and names a bad breakdown amount", () => {
    const reserve = { id: "r1", type: "RESERVE", reserve_amount: "-30", reserve_status: "Collected" };
    const page = statementTransactionsDataSchema.parse({ currency: "USD", transactions: [reserve] });
    expect(page.items[0]).toMatchObject({ reserve: "-30", reserveStatus: "COLLECTED", settlement: "0" });
    const bad = { ...order, fee_tax_breakdown: { fee: { platform_commission_amount: "-2,22" } } };
    expect(problem(statementTransactionsDataSchema, { currency: "USD", transactions: [bad] })).toBe(
      `${bad.id} fee_tax_breakdown.fee.platform_commission_amount: "-2,22" is not a decimal number`,
    );
  });
});

describe("other payloads", () => {
  it("reads authorized shops", () => {
    const shops = shopsDataSchema.parse({
      shops: [
        { id: "1", name: "A", region: "gb", seller_type: "LOCAL", cipher: "GCP_x", code: "C1", extra: 1 },
      ],
    });
    expect(shops).toEqual([
      { externalId: "1", cipher: "GCP_x", region: "GB", name: "A", sellerType: "LOCAL", code: "C1" },
    ]);
  });

  it("reads token grants with absolute expiries", () => {
    const data = tokenDataSchema.parse({
      access_token: "TTP_a",
      access_token_expire_in: 1700604800,
      refresh_token: "RTP_b",
      refresh_token_expire_in: 1731536000,
      granted_scopes: ["seller.finance.info"],
    });
    expect(data.access_token_expire_in).toEqual(new Date(1700604800 * 1000));
    expect(data.refresh_token_expire_in).toEqual(new Date(1731536000 * 1000));
  });

  it("refuses an absurd expiry (1e300) with the field's name instead of storing an Invalid Date", () => {
    for (const absurd of [1e300, "9".repeat(40)]) {
      const result = tokenDataSchema.safeParse({
        access_token: "TTP_a",
        access_token_expire_in: absurd,
        refresh_token: "RTP_b",
        refresh_token_expire_in: 1731536000,
      });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(["access_token_expire_in"]);
    }
  });

  it("reads order SKU lines with string quantities", () => {
    const skus = orderTransactionsDataSchema.parse({
      order_id: "1",
      currency: "VND",
      fee_and_tax_amount: "-1000",
      sku_transactions: [{ sku_id: "s1", quantity: "2", statement_id: "st", settlement_amount: "150000" }],
    });
    expect(skus).toEqual([
      {
        skuId: "s1",
        skuName: null,
        productName: null,
        quantity: "2",
        statementId: "st",
        currency: "VND",
        settlement: "150000",
        revenue: null,
        feeTax: null,
        shipping: null,
        breakdown: {},
      },
    ]);
  });

  it("reads an order's SKU lines with their fees, shipping and flattened breakdowns (docs example)", () => {
    const fixture = JSON.parse(
      readFileSync(
        new URL("../fixtures/tiktok/get-transactions-by-order-202501.json", import.meta.url),
        "utf8",
      ),
    );
    const [line] = orderTransactionsDataSchema.parse(fixture.data);
    expect(line).toMatchObject({ statementId: "7238804564097517339", feeTax: "-30", shipping: "-70" });
    expect(line!.breakdown!["revenue.subtotal_before_discount_amount"]).toBe("210");
    expect(line!.breakdown!["shipping.actual_shipping_fee_amount"]).toBe("-50");
  });

  it("reads unsettled rows and rejects a bad estimate", () => {
    const row = {
      id: "u1",
      type: "ORDER",
      currency: "USD",
      est_settlement_amount: "10.50",
      estimated_settlement: "x",
    };
    expect(unsettledDataSchema.parse({ transactions: [row], next_page_token: "n" }).items).toHaveLength(1);
    expect(problem(unsettledDataSchema, { transactions: [{ ...row, est_settlement_amount: "ten" }] })).toBe(
      `${row.id} est_settlement_amount: "ten" is not a decimal number`,
    );
  });
});
