/**
 * Issue 11 item 8: real Seller Center exports. Rows sharing an order ID are all kept and never
 * overwritten, the withdrawal sheet becomes payouts, the Reports sheet's zone and currency are
 * honoured, Vietnamese and Thai headers map, slash dates follow the export's locale or are refused
 * with the fix, and text encodings are detected and named.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { and, asc, count, eq, like, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importStatementExport } from "../../src/import/import-export.ts";
import { ImportError } from "../../src/providers/csv/import-error.ts";
import type { Database } from "../../src/storage/database.ts";
import { upsertStatementTransactions } from "../../src/storage/repos/finance.ts";
import { readTopProducts } from "../../src/storage/repos/products.ts";
import { payouts, shops, statements, statementTransactions } from "../../src/storage/schema/index.ts";
import { createTestApp } from "../support/app.ts";
import { createTestDatabase } from "../support/db.ts";

const FIXTURES = fileURLToPath(new URL("../fixtures/exports/", import.meta.url));
const NOW = new Date("2026-06-20T12:00:00Z");
const dir = mkdtempSync(join(tmpdir(), "balance-bot-real-exports-"));
let database: Database;
let db: Database["db"];

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

const write = (name: string, content: string | Buffer) => {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
};

async function shopId(name: string): Promise<number> {
  const [row] = await db.select({ id: shops.id }).from(shops).where(eq(shops.name, name));
  if (!row) throw new Error(`no shop ${name}`);
  return row.id;
}

async function rowsOf(id: number) {
  return db
    .select({
      id: statementTransactions.id,
      day: statementTransactions.day,
      settlement: sql<string>`${statementTransactions.settlement}::text`,
    })
    .from(statementTransactions)
    .where(eq(statementTransactions.shopId, id))
    .orderBy(asc(statementTransactions.day), asc(statementTransactions.id));
}

const HEADER = "Order/adjustment ID,Type,Order settled time,Currency,Total settlement amount,SKU ID";

describe("rows that share an order ID", () => {
  it("keeps a settlement and its later reversal, changes nothing on re-import, never overwrites", async () => {
    const first = write(
      "reversed.csv",
      [
        HEADER,
        "577000000000000001,Order,2026-06-01 10:00:00,USD,25.00,1731",
        "577000000000000001,Order,2026-06-01 10:00:00,USD,5.00,1732",
        "577000000000000001,Refund,2026-06-04 09:00:00,USD,-25.00,1731",
        "577000000000000002,Order,2026-06-02 10:00:00,USD,7.00,1733",
        "577000000000000002,Order,2026-06-02 10:00:00,USD,7.00,1733",
      ].join("\n"),
    );
    const summary = await importStatementExport(db, { file: first, now: NOW });
    expect(summary).toMatchObject({ rows: 5, newRows: 5 });
    const id = await shopId("reversed");
    const stored = await rowsOf(id);
    expect(stored.map((r) => r.settlement)).toEqual(["25.00", "5.00", "7.00", "7.00", "-25.00"]);
    expect(new Set(stored.map((r) => r.id)).size).toBe(5);
    // The reversal lands on its own day; the order's day keeps what it earned.
    const [june1] = await db
      .select({ settlement: sql<string>`${statements.settlement}::text` })
      .from(statements)
      .where(and(eq(statements.shopId, id), eq(statements.day, "2026-06-01")));
    expect(june1?.settlement).toBe("30.00");

    const again = await importStatementExport(db, { file: first, now: NOW });
    expect(again).toMatchObject({ rows: 5, newRows: 0 });
    expect(await rowsOf(id)).toEqual(stored);

    // A later export repeats the reversal and brings a second one for the same order.
    const later = write(
      "later.csv",
      [
        HEADER,
        "577000000000000001,Refund,2026-06-04 09:00:00,USD,-25.00,1731",
        "577000000000000001,Refund,2026-06-05 09:00:00,USD,-5.00,1732",
      ].join("\n"),
    );
    const more = await importStatementExport(db, { file: later, shopName: "reversed", now: NOW });
    expect(more).toMatchObject({ rows: 2, newRows: 1 });
    const after = await rowsOf(id);
    expect(after).toHaveLength(6);
    expect(after.filter((r) => stored.some((s) => s.id === r.id))).toEqual(stored);
  });

  it("adopts a row stored by an earlier version under its bare ID instead of counting it twice", async () => {
    const file = write(
      "legacy.csv",
      [HEADER, "577100000000000001,Order,2026-06-03 10:00:00,USD,12.00,"].join("\n"),
    );
    await importStatementExport(db, { file: write("legacy-seed.csv", `${HEADER}\n`), now: NOW }).catch(
      () => {},
    );
    const seed = await importStatementExport(db, {
      file: write(
        "legacy-other.csv",
        [HEADER, "577100000000000009,Order,2026-06-03 11:00:00,USD,1.00,"].join("\n"),
      ),
      shopName: "legacy",
      now: NOW,
    });
    await upsertStatementTransactions(db, seed.shopId, "csv:2026-06-03", "2026-06-03", [
      {
        id: "577100000000000001",
        type: "ORDER",
        orderId: "577100000000000001",
        adjustmentId: null,
        orderCreateTime: null,
        currency: "USD",
        settlement: "12.00",
        revenue: null,
        shipping: null,
        feeTax: null,
        adjustment: null,
        reserve: null,
        reserveStatus: null,
        breakdown: {},
      },
    ]);
    const summary = await importStatementExport(db, { file, now: NOW });
    expect(summary).toMatchObject({ rows: 1, newRows: 0 });
    const ids = (await rowsOf(seed.shopId)).map((r) => r.id);
    expect(ids.filter((i) => i.startsWith("577100000000000001"))).toEqual([
      "577100000000000001|ORDER|2026-06-03 10:00:00|12",
    ]);
  });
});

describe("localized exports", () => {
  it("maps a Vietnamese export and reads its slash dates day-first", async () => {
    const summary = await importStatementExport(db, { file: join(FIXTURES, "income-vi.csv"), now: NOW });
    expect(summary).toMatchObject({ rows: 4, newRows: 4, currency: "VND", timezone: "Asia/Ho_Chi_Minh" });
    const id = await shopId("income-vi");
    const days = (await rowsOf(id)).map((r) => `${r.day} ${r.settlement}`);
    expect(days).toEqual([
      "2026-06-05 170000",
      "2026-06-05 95000",
      "2026-06-09 -170000",
      "2026-06-12 -15000",
    ]);
    const [adjustment] = await db
      .select()
      .from(statementTransactions)
      .where(like(statementTransactions.id, "710100000000000003|%"));
    expect(adjustment).toMatchObject({
      type: "Điều chỉnh phí vận chuyển",
      orderId: "578100000000000002",
      adjustment: "-15000",
    });
    const [order] = await db
      .select()
      .from(statementTransactions)
      .where(like(statementTransactions.id, "578100000000000002|%"));
    expect(order?.breakdown).toEqual({
      "fee.transaction_fee_amount": "-6000",
      "fee.platform_commission_amount": "-12000",
      "fee.affiliate_commission_amount": "-7000",
    });
  });

  it("maps a Thai export, also when Excel saved it in the Thai code page", async () => {
    const utf8 = readFileSync(join(FIXTURES, "income-th.csv"), "utf8");
    const summary = await importStatementExport(db, { file: join(FIXTURES, "income-th.csv"), now: NOW });
    expect(summary).toMatchObject({ rows: 2, currency: "THB", encoding: "UTF-8", timezone: "Asia/Bangkok" });
    expect((await rowsOf(await shopId("income-th"))).map((r) => r.settlement)).toEqual(["80.00", "40.50"]);
    // Windows-874 puts U+0E01..U+0E5B at 0xA1..0xFB.
    const tis = Buffer.from(
      [...utf8].map((c) => {
        const code = c.codePointAt(0) ?? 0;
        return code >= 0x0e01 && code <= 0x0e5b ? code - 0x0e01 + 0xa1 : code;
      }),
    );
    const legacy = await importStatementExport(db, { file: write("thai-874.csv", tis), now: NOW });
    expect(legacy).toMatchObject({ rows: 2, currency: "THB", encoding: "Windows-874 (Thai), not UTF-8" });
  });
});

describe("slash dates", () => {
  const header = "Order/adjustment ID,Order settled time,Currency,Total settlement amount";
  it("reads an English US-dollar export month-first", async () => {
    const file = write("us.csv", [header, "1,01/02/2026 10:00:00,USD,1.00"].join("\n"));
    await importStatementExport(db, { file, now: NOW, timezone: "UTC" });
    expect((await rowsOf(await shopId("us"))).map((r) => r.day)).toEqual(["2026-01-02"]);
  });

  it("refuses ambiguous dates the locale doesn't settle, saying how to fix it, and takes --date-order", async () => {
    const file = write(
      "unsure.csv",
      [header.replace(",Currency", ""), "1,01/02/2026,1.00"].join("\n").replace(",1.00", ",1.00"),
    );
    const error = await importStatementExport(db, { file, now: NOW, currency: "SGD", timezone: "UTC" })
      .then(() => null)
      .catch((e) => e);
    // SGD: English but not US, so day-first.
    expect(error).toBeNull();
    const none = write(
      "none.csv",
      ["Order/adjustment ID,Order settled time,Total settlement amount", "1,01/02/2026,1.00"].join("\n"),
    );
    const refused = await importStatementExport(db, { file: none, now: NOW }).catch((e) => e);
    expect(refused).toBeInstanceOf(ImportError);
    expect(refused.message).toBe(
      "the dates (such as \"01/02/2026\") could be day-first or month-first and the export's language doesn't say which; format the date columns as YYYY-MM-DD in the spreadsheet, or import on the server with `balance-bot import <file> --date-order dmy` (or mdy)",
    );
    await importStatementExport(db, {
      file: none,
      now: NOW,
      dateOrder: "dmy",
      currency: "EUR",
      timezone: "UTC",
    });
    expect((await rowsOf(await shopId("none"))).map((r) => r.day)).toEqual(["2026-02-01"]);
    const mixed = write("mixed.csv", [header, "1,13/02/2026,EUR,1.00", "2,02/13/2026,EUR,1.00"].join("\n"));
    expect((await importStatementExport(db, { file: mixed, now: NOW }).catch((e) => e)).message).toMatch(
      /both day-first \(31\/01\/2026\) and month-first/,
    );
  });
});

/** An income workbook as Seller Center lays it out: Reports, Order details, Withdrawal records. */
async function incomeWorkbook(report: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Reports").addRows(report);
  workbook.addWorksheet("Order details").addRows([
    ["Order/adjustment ID", "Type", "Order settled time", "Total settlement amount"],
    ["577200000000000001", "Order", "2026/06/05 23:30:00", "40.00"],
    ["577200000000000002", "Order", "2026/06/06 08:00:00", "60.00"],
  ]);
  workbook.addWorksheet("Withdrawal records").addRows([
    ["Transaction type", "Reference ID", "Request time", "Amount", "Status", "Success time", "Bank account"],
    ["Withdraw", "W-1", "2026/06/07 10:00:00", "100.00", "Transferred", "2026/06/08 09:00:00", "****1234"],
    ["Withdraw", "W-2", "2026/06/09 10:00:00", "30.00", "Failed", "", "****1234"],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("income workbooks", () => {
  it("honours the Reports sheet's zone and currency, and stores the withdrawal records as payouts", async () => {
    const file = write(
      "workbook.xlsx",
      await incomeWorkbook([
        ["Statement period", "2026/06/01 - 2026/06/07"],
        ["Time zone", "UTC+08:00"],
        ["Currency", "USD"],
        ["Total settlement amount", "100.00"],
      ]),
    );
    const summary = await importStatementExport(db, { file, now: NOW });
    expect(summary).toMatchObject({
      sheet: "Order details",
      currency: "USD",
      timezone: "UTC+8",
      readZone: "UTC+8",
      readZoneSource: "reports sheet",
      withdrawals: 2,
    });
    const id = await shopId("workbook");
    // 23:30 in UTC+8 is still June 5 there (a Los Angeles reading would also say June 5, 08:00 not).
    expect((await rowsOf(id)).map((r) => r.day)).toEqual(["2026-06-05", "2026-06-06"]);
    const stored = await db
      .select({
        id: payouts.id,
        source: payouts.source,
        type: payouts.type,
        status: payouts.status,
        amount: sql<string>`${payouts.amount}::text`,
        currency: payouts.currency,
        createdTime: payouts.createdTime,
        paidTime: payouts.paidTime,
      })
      .from(payouts)
      .where(eq(payouts.shopId, id))
      .orderBy(asc(payouts.id));
    expect(stored).toEqual([
      {
        id: "W-1",
        source: "withdrawal",
        type: "WITHDRAW",
        status: "PAID",
        amount: "100.00",
        currency: "USD",
        createdTime: new Date("2026-06-07T02:00:00Z"),
        paidTime: new Date("2026-06-08T01:00:00Z"),
      },
      {
        id: "W-2",
        source: "withdrawal",
        type: "WITHDRAW",
        status: "FAILED",
        amount: "30.00",
        currency: "USD",
        createdTime: new Date("2026-06-09T02:00:00Z"),
        paidTime: null,
      },
    ]);
    const again = await importStatementExport(db, { file, now: NOW });
    expect(again).toMatchObject({ newRows: 0, withdrawals: 2 });
    const [n] = await db.select({ n: count() }).from(payouts).where(eq(payouts.shopId, id));
    expect(n?.n).toBe(2);
  });

  it("refuses a workbook whose Reports sheet contradicts its rows' currency", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Reports").addRows([["Currency", "MYR"]]);
    workbook.addWorksheet("Order details").addRows([
      ["Order/adjustment ID", "Order settled time", "Currency", "Total settlement amount"],
      ["1", "2026/06/05", "USD", "1.00"],
    ]);
    const file = write("contradiction.xlsx", Buffer.from(await workbook.xlsx.writeBuffer()));
    const error = await importStatementExport(db, { file, now: NOW }).catch((e) => e);
    expect(error.message).toBe(
      'the "Reports" sheet says the currency is MYR but the rows are in USD; download the export again',
    );
  });
});

describe("text encodings", () => {
  const header = "Order/adjustment ID,Order settled time,Currency,Total settlement amount,Product name";
  const body = [header, "1,2026-06-01,EUR,1.00,Café crème", "2,2026-06-02,EUR,2.00,Pâté"].join("\r\n");
  const productNames = async (name: string) =>
    (
      await db
        .select({ raw: statementTransactions.raw })
        .from(statementTransactions)
        .where(eq(statementTransactions.shopId, await shopId(name)))
    ).map((r) => r.raw?.["Product name"]);

  it("reads Latin-1 as Windows-1252 and says so, instead of garbling it", async () => {
    const summary = await importStatementExport(db, {
      file: write("latin1.csv", Buffer.from(body, "latin1")),
      now: NOW,
    });
    expect(summary.encoding).toBe("Windows-1252 (Latin-1), not UTF-8");
    expect((await productNames("latin1")).sort()).toEqual(["Café crème", "Pâté"]);
  });

  it("reads UTF-16 BE with or without a BOM", async () => {
    const be = (text: string) => Buffer.from(text, "utf16le").swap16();
    const bom = await importStatementExport(db, { file: write("be-bom.csv", be(`\ufeff${body}`)), now: NOW });
    expect(bom.encoding).toBe("UTF-16 BE");
    expect((await productNames("be-bom")).sort()).toEqual(["Café crème", "Pâté"]);
    const bare = await importStatementExport(db, { file: write("be-bare.csv", be(body)), now: NOW });
    expect(bare.encoding).toBe("UTF-16 BE (no BOM)");
  });

  it("refuses bytes that are not text, with the fix", async () => {
    const junk = Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256));
    const error = await importStatementExport(db, { file: write("junk.csv", junk), now: NOW }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect(error.message).toBe(
      'the file is not text (it holds zero bytes) nor an XLSX workbook; save it again as "CSV UTF-8" or as .xlsx',
    );
  });
});

describe("products of an imported shop", () => {
  it("come from the export's SKU and product columns, netting a refund imported later", async () => {
    const header =
      "Order/adjustment ID,Type,Order settled time,Currency,Total settlement amount,SKU ID,Quantity,Product name";
    const sales = write(
      "shop-products.csv",
      [
        header,
        "577300000000000001,Order,2026-06-01 10:00:00,USD,20.00,S1,2,Mug",
        "577300000000000001,Order,2026-06-01 10:00:00,USD,9.00,S2,1,Lid",
        "577300000000000002,Order,2026-06-02 10:00:00,USD,10.00,S1,1,Mug",
      ].join("\n"),
    );
    const summary = await importStatementExport(db, { file: sales, now: NOW, timezone: "UTC" });
    const refund = write(
      "refund.csv",
      [header, "577300000000000001,Refund,2026-06-03 10:00:00,USD,-10.00,S1,1,Mug"].join("\n"),
    );
    await importStatementExport(db, { file: refund, shopName: "shop-products", now: NOW });
    await importStatementExport(db, { file: refund, shopName: "shop-products", now: NOW });
    const top = await readTopProducts(db, summary.shopId, { start: "2026-06-01", end: "2026-06-30" }, 10);
    expect(top.rows.map((r) => [r.product, r.quantity, trimZeros(r.settlement)])).toEqual([
      ["Mug", 3, "20"],
      ["Lid", 1, "9"],
    ]);
    expect(top).toMatchObject({ orders: 2, cached: 2 });
  });
});

const trimZeros = (decimal: string) => (decimal.includes(".") ? decimal.replace(/\.?0+$/, "") : decimal);

describe("/balance products for an imported shop", () => {
  it("says where its product lines come from instead of promising an API fetch", async () => {
    const app = await createTestApp({ sync: false });
    try {
      const file = write(
        "noskus.csv",
        [
          "Order/adjustment ID,Order settled time,Currency,Total settlement amount",
          "1,2026-06-01,USD,5.00",
        ].join("\n"),
      );
      await importStatementExport(app.database.db, { file, now: NOW, timezone: "UTC" });
      const answer = await app.ask("/balance products 2026-06 shop:noskus");
      const text = JSON.stringify(answer);
      expect(text).toContain(
        "Products for 0 of 1 orders: the other orders' export rows have no SKU ID column.",
      );
      expect(text).not.toContain("fetched gradually");
    } finally {
      await app.close();
    }
  });
});
