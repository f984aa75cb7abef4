import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { and, asc, count, eq, like, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importStatementExport } from "../../src/import/import-export.ts";
import { runImportCommand } from "../../src/import/run-import.ts";
import { silentLogger } from "../../src/log.ts";
import { ImportError } from "../../src/providers/csv/import-error.ts";
import { formatCategory } from "../../src/storage/categories.ts";
import type { Database } from "../../src/storage/database.ts";
import { readBreakdownTotals, readStatementTotals } from "../../src/storage/repos/rollups.ts";
import { listLinkedShops } from "../../src/storage/repos/workspaces.ts";
import {
  dailyRollups,
  shops,
  statements,
  statementTransactions,
  workspaces,
} from "../../src/storage/schema/index.ts";
import { createTestDatabase } from "../support/db.ts";

const FIXTURES = fileURLToPath(new URL("../fixtures/exports/", import.meta.url));
const fixture = (name: string) => join(FIXTURES, name);
const NOW = new Date("2026-06-12T12:00:00Z");
const dir = mkdtempSync(join(tmpdir(), "balance-bot-import-"));

let database: Database;
let db: Database["db"];

/** "Order details" with typed cells (numbers, dates, a formula, rich text) between two other sheets. */
async function writeEnglishWorkbook(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Reports").addRows([["Settlement summary"], ["Total settlement amount", 93.25]]);
  const sheet = workbook.addWorksheet("Order details");
  sheet.addRow([
    "Order/Adjustment ID",
    "Transaction type",
    "Order created time(UTC)",
    "Statement date",
    "Currency",
    "Total settlement amount",
    "Total revenue",
    "Total Fees",
    "Transaction fee",
    "TikTok Shop commission fee",
    "Seller shipping fee",
    "Affiliate commission",
    "Related order ID",
    "Status",
  ]);
  sheet.addRow([
    "576100000000000001",
    "Order",
    new Date(Date.UTC(2026, 5, 4, 15, 0)),
    new Date(Date.UTC(2026, 5, 5)),
    "USD",
    50.25,
    60,
    -4.75,
    -0.75,
    -4,
    -5,
    0,
    null,
    "Paid",
  ]);
  sheet.addRow([
    "576100000000000002",
    "Order",
    "2026-06-04 16:00:00",
    "2026/06/05",
    "USD",
    { formula: "60.5-10", result: 50.5 },
    62,
    -6.5,
    -1,
    -5.5,
    -5,
    0,
    null,
    "Paid",
  ]);
  sheet.addRow([
    "7101000000000003",
    "Shipping fee adjustment",
    null,
    new Date(Date.UTC(2026, 5, 6)),
    "USD",
    { richText: [{ text: "-7." }, { text: "50" }] },
    null,
    null,
    null,
    null,
    null,
    null,
    "576100000000000001",
    "Processing",
  ]);
  workbook.addWorksheet("Withdrawal records").addRows([
    ["Transaction type", "Reference ID", "Request time", "Amount", "Status", "Success time", "Bank account"],
    ["Withdraw", "W1", "2026/06/06 10:00:00", 100.75, "Transferred", "2026/06/07 10:00:00", "****1234"],
  ]);
  writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * Replaces a stored (uncompressed) zip entry's bytes with same-length bytes and fixes its CRC in
 * the local and central headers, so the workbook stays a valid zip that Excel would open.
 */
function patchStoredEntry(zip: Buffer, name: string, patch: (xml: string) => string): Buffer {
  const out = Buffer.from(zip);
  const nameBytes = Buffer.from(name);
  let at = out.indexOf(Buffer.from("PK\x03\x04", "latin1"));
  while (at >= 0 && !out.subarray(at + 30, at + 30 + nameBytes.length).equals(nameBytes)) {
    at = out.indexOf(Buffer.from("PK\x03\x04", "latin1"), at + 4);
  }
  if (at < 0 || out.readUInt16LE(at + 8) !== 0) throw new Error(`${name} is not a stored entry`);
  const start = at + 30 + out.readUInt16LE(at + 26) + out.readUInt16LE(at + 28);
  const size = out.readUInt32LE(at + 18);
  const xml = out.subarray(start, start + size).toString("utf8");
  const patched = Buffer.from(patch(xml), "utf8");
  if (patched.length !== size) throw new Error("the patch must keep the entry's length");
  patched.copy(out, start);
  const crc = crc32(patched);
  out.writeUInt32LE(crc, at + 14);
  let central = out.indexOf(Buffer.from("PK\x01\x02", "latin1"));
  while (central >= 0) {
    if (out.subarray(central + 46, central + 46 + nameBytes.length).equals(nameBytes))
      out.writeUInt32LE(crc, central + 16);
    central = out.indexOf(Buffer.from("PK\x01\x02", "latin1"), central + 4);
  }
  return out;
}

/** Banner rows above the header, and a `<dimension>` that claims only A1:B2. */
async function writeBannerWorkbook(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Order details");
  sheet.addRows([
    ["Disclaimer: the data is for reference only."],
    ["Download time", "2026/06/12 10:00:00"],
    ["Total Transactions", 3],
    [],
    [
      "Order\\adjustment ID  ",
      "Type",
      "Order created time",
      "Order settled time",
      "Currency",
      "Total settlement amount",
    ],
    ["576300000000000001", "Order", "2026/06/05 08:00:00", "2026/06/07 10:00:00", "USD", "10.10"],
    ["576300000000000002", "Order", "2026/06/05 09:00:00", "2026/06/07 23:30:00", "USD", "20.20"],
    ["576300000000000003", "Order", "2026/06/06 09:00:00", "2026/06/08 01:00:00", "USD", "30.30"],
  ]);
  // Stored, not deflated, so the sheet XML can be patched in place.
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } } as never));
  const patched = patchStoredEntry(bytes, "xl/worksheets/sheet1.xml", (xml) => {
    const match = /<dimension ref="([A-Z0-9:]+)"\/>/.exec(xml);
    if (!match) throw new Error("no <dimension> in the generated sheet");
    return xml.replace(match[0], `<dimension ref="A1:B2"${" ".repeat(match[1]!.length - 5)}/>`);
  });
  writeFileSync(path, patched);
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  await writeEnglishWorkbook(join(dir, "order-details.xlsx"));
  await writeBannerWorkbook(join(dir, "Income-2026_06_01-2026_06_12(UTC-7).xlsx"));
});
afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function shopId(name: string): Promise<number> {
  const [row] = await db.select({ id: shops.id }).from(shops).where(eq(shops.name, name));
  if (!row) throw new Error(`no shop ${name}`);
  return row.id;
}

/** Settlement per day three ways: statements, the sum of the transactions, and the rollups. */
async function perDay(id: number) {
  const fromStatements = await db
    .select({ day: statements.day, total: sql<string>`${statements.settlement}::text` })
    .from(statements)
    .where(eq(statements.shopId, id))
    .orderBy(asc(statements.day));
  const fromTransactions = await db
    .select({
      day: statementTransactions.day,
      total: sql<string>`sum(${statementTransactions.settlement})::text`,
    })
    .from(statementTransactions)
    .where(eq(statementTransactions.shopId, id))
    .groupBy(statementTransactions.day)
    .orderBy(asc(statementTransactions.day));
  const fromRollups = await db
    .select({ day: dailyRollups.day, total: sql<string>`${dailyRollups.amount}::text` })
    .from(dailyRollups)
    .where(and(eq(dailyRollups.shopId, id), eq(dailyRollups.category, "settlement")))
    .orderBy(asc(dailyRollups.day));
  const exact = (rows: { day: string; total: string }[]) =>
    Object.fromEntries(rows.map((r) => [r.day, Number.isNaN(Number(r.total)) ? r.total : trim(r.total)]));
  expect(exact(fromTransactions)).toEqual(exact(fromStatements));
  expect(exact(fromRollups)).toEqual(exact(fromStatements));
  return exact(fromStatements);
}

/** Numeric text without trailing fractional zeros ("1260.060000" → "1260.06"). */
const trim = (decimal: string) => (decimal.includes(".") ? decimal.replace(/\.?0+$/, "") : decimal);

async function counts() {
  const [s] = await db.select({ n: count() }).from(statements);
  const [t] = await db.select({ n: count() }).from(statementTransactions);
  const [r] = await db.select({ n: count() }).from(dailyRollups);
  const [h] = await db.select({ n: count() }).from(shops);
  return { statements: s!.n, transactions: t!.n, rollups: r!.n, shops: h!.n };
}

describe("importing Seller Center statement exports", () => {
  it("imports the English CSV (banner rows, quirky headers) with exact daily totals", async () => {
    const summary = await importStatementExport(db, { file: fixture("income-en.csv"), now: NOW });
    expect(summary).toMatchObject({
      shop: "income-en",
      rows: 6,
      newRows: 6,
      days: 3,
      firstDay: "2026-06-01",
      lastDay: "2026-06-03",
      currency: "USD",
      timezone: "America/Los_Angeles",
    });
    const id = await shopId("income-en");
    // 2026-06-03T02:00:00Z is still June 2 in Los Angeles.
    expect(await perDay(id)).toEqual({ "2026-06-01": "1260.06", "2026-06-02": "9.95", "2026-06-03": "2000" });

    const earnings = await readStatementTotals(db, id, { start: "2026-06-01", end: "2026-06-03" });
    const total = (field: string) => trim(earnings.find((r) => r.field === field)?.total ?? "none");
    expect(total("settlement")).toBe("3270.01");
    expect(total("revenue")).toBe("3453");
    expect(total("fee")).toBe("-130.19");
    expect(total("shipping")).toBe("-56");
    expect(total("adjustment")).toBe("3.2");

    const breakdown = await readBreakdownTotals(db, id, { start: "2026-06-01", end: "2026-06-03" });
    const line = (category: string) =>
      trim(breakdown.find((r) => formatCategory(r.category) === category)?.total ?? "none");
    expect(line("fee.transaction_fee_amount")).toBe("-35.95");
    expect(line("fee.platform_commission_amount")).toBe("-86.64");
    expect(line("fee.affiliate_commission_amount")).toBe("-7.6");
    expect(line("shipping.actual_shipping_fee_amount")).toBe("-56");
    expect(line("revenue.refund_subtotal_before_discount_amount")).toBe("-12");
    expect(line("type:PLATFORM_COMMISSION_ADJUSTMENT")).toBe("3.2");
    expect(line("type:ORDER")).toBe("3266.81");

    const [refund] = await db
      .select()
      .from(statementTransactions)
      .where(like(statementTransactions.id, "576000000000000004|%"));
    expect(refund).toMatchObject({ type: "ORDER", orderId: "576000000000000004", settlement: "-12.00" });
    expect(refund?.raw).toMatchObject({
      "Order/adjustment ID": "576000000000000004",
      "Product name": "Mug, large",
    });
    const [statement] = await db.select().from(statements).where(eq(statements.id, "csv:2026-06-01"));
    expect(statement).toMatchObject({ paymentStatus: "PAID", currency: "USD" });
    expect(statement?.statementTime.toISOString()).toBe("2026-06-02T00:00:00.000Z");

    const [consoleWorkspace] = await db.select().from(workspaces).where(eq(workspaces.platform, "console"));
    const linked = await listLinkedShops(db, consoleWorkspace!.id);
    expect(linked.find((s) => s.id === id)).toMatchObject({ provider: "csv", currency: "USD", region: "US" });
  });

  it("re-importing the same file changes nothing; an overlapping export adds only its new rows", async () => {
    const before = await counts();
    const again = await importStatementExport(db, { file: fixture("income-en.csv"), now: NOW });
    expect(again).toMatchObject({ rows: 6, newRows: 0 });
    expect(await counts()).toEqual(before);

    const lines = readFileSync(fixture("income-en.csv"), "utf8").split("\r\n");
    const header = lines[4]!;
    const overlap = join(dir, "later.csv");
    writeFileSync(
      overlap,
      [
        header,
        lines[5],
        "576000000000000007,Order,2026/06/02 10:00:00,2026/06/04 09:00:00,USD,99.99,100.00,100.00,-0.01,-0.01,0,0,0,0,/,1,1,Lid",
      ].join("\n"),
    );
    const later = await importStatementExport(db, { file: overlap, shopName: "  INCOME-en ", now: NOW });
    expect(later).toMatchObject({ shop: "income-en", rows: 2, newRows: 1, days: 2 });
    const id = await shopId("income-en");
    expect(await perDay(id)).toEqual({
      "2026-06-01": "1260.06",
      "2026-06-02": "9.95",
      "2026-06-03": "2000",
      "2026-06-04": "99.99",
    });
    expect((await counts()).transactions).toBe(before.transactions + 1);
  });

  it("imports the Indonesian CSV (semicolons, BOM, IDR with thousands dots)", async () => {
    const summary = await importStatementExport(db, {
      file: fixture("income-id.csv"),
      shopName: "Toko Budi",
      now: NOW,
    });
    expect(summary).toMatchObject({
      rows: 4,
      newRows: 4,
      days: 2,
      currency: "IDR",
      timezone: "Asia/Jakarta",
    });
    const id = await shopId("Toko Budi");
    expect(await perDay(id)).toEqual({ "2026-06-01": "1384567", "2026-06-02": "2475000" });
    const [row] = await db
      .select()
      .from(statementTransactions)
      .where(like(statementTransactions.id, "580000000000000102|%"));
    expect(row).toMatchObject({ revenue: "165000", feeTax: "-15000" });
    expect(row?.breakdown).toEqual({
      "fee.transaction_fee_amount": "-1500",
      "fee.platform_commission_amount": "-13500",
      "fee.affiliate_commission_amount": "0",
    });
    const [adjustment] = await db
      .select()
      .from(statementTransactions)
      .where(like(statementTransactions.id, "710000000000000103|%"));
    expect(adjustment).toMatchObject({
      type: "PENYESUAIAN",
      adjustmentId: "710000000000000103",
      adjustment: "-25000",
    });
    // Jakarta is ahead of UTC: the statement is stamped 00:00 UTC of its own day.
    const [statement] = await db
      .select()
      .from(statements)
      .where(and(eq(statements.shopId, id), eq(statements.day, "2026-06-01")));
    expect(statement?.statementTime.toISOString()).toBe("2026-06-01T00:00:00.000Z");
  });

  it("imports an XLSX workbook from the sheet that holds the header (typed cells)", async () => {
    const summary = await importStatementExport(db, { file: join(dir, "order-details.xlsx"), now: NOW });
    expect(summary).toMatchObject({ shop: "order-details", sheet: "Order details", rows: 3, days: 2 });
    const id = await shopId("order-details");
    expect(await perDay(id)).toEqual({ "2026-06-05": "100.75", "2026-06-06": "-7.5" });
    const status = await db
      .select({ day: statements.day, status: statements.paymentStatus })
      .from(statements)
      .where(eq(statements.shopId, id))
      .orderBy(asc(statements.day));
    expect(status).toEqual([
      { day: "2026-06-05", status: "PAID" },
      { day: "2026-06-06", status: "PROCESSING" },
    ]);
    const [first] = await db
      .select()
      .from(statementTransactions)
      .where(like(statementTransactions.id, "576100000000000001|%"));
    // "Order created time(UTC)": the header names the zone.
    expect(first?.orderCreateTime?.toISOString()).toBe("2026-06-04T15:00:00.000Z");
    const [adjustment] = await db
      .select()
      .from(statementTransactions)
      .where(like(statementTransactions.id, "7101000000000003|%"));
    expect(adjustment).toMatchObject({
      type: "SHIPPING_FEE_ADJUSTMENT",
      orderId: "576100000000000001",
      settlement: "-7.50",
    });
  });

  it("imports an XLSX with banner rows and a wrong <dimension>, times in the zone the file name states", async () => {
    const file = join(dir, "Income-2026_06_01-2026_06_12(UTC-7).xlsx");
    const summary = await importStatementExport(db, { file, shopName: "banner shop", now: NOW });
    expect(summary).toMatchObject({ rows: 3, newRows: 3, days: 2 });
    expect(await perDay(await shopId("banner shop"))).toEqual({ "2026-06-07": "30.3", "2026-06-08": "30.3" });
    const [row] = await db
      .select()
      .from(statementTransactions)
      .where(like(statementTransactions.id, "576300000000000001|%"));
    expect(row?.orderCreateTime?.toISOString()).toBe("2026-06-05T15:00:00.000Z");
  });

  it("lists every bad row with its spreadsheet row number and writes nothing", async () => {
    const before = await counts();
    const error = await importStatementExport(db, { file: fixture("income-bad.csv"), now: NOW }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect(error.message).toBe("5 bad rows, nothing was imported");
    expect(error.problems).toEqual([
      'row 4: Total settlement amount "12,5O" is not a number',
      "row 5: missing Order/adjustment ID",
      "row 6: currency VND differs from the file's USD",
      'row 7: Order settled time "31/13/2026" is not a date (use YYYY-MM-DD HH:mm:ss, YYYY/MM/DD HH:mm:ss or MM/DD/YYYY HH:mm:ss)',
      'row 9: Total Revenue "abc" is not a number',
      'row 9: Total Fees "1.234.5" is not a number',
    ]);
    expect(await counts()).toEqual(before);
  });

  it("refuses a file whose currency differs from the shop's, writing nothing", async () => {
    const before = await counts();
    await expect(
      importStatementExport(db, { file: fixture("income-id.csv"), shopName: "income-en", now: NOW }),
    ).rejects.toThrow(/the file is in IDR but shop "income-en" is in USD/);
    expect(await counts()).toEqual(before);
  });

  it("runs as a CLI command: a summary, or every reason and exit code 1", async () => {
    const deps = { db, log: silentLogger(), now: NOW };
    const ok = await runImportCommand({ file: fixture("income-en.csv") }, deps);
    expect(ok.exitCode).toBe(0);
    expect(ok.output).toContain('into shop "income-en" (USD, days in America/Los_Angeles)');
    expect(ok.output).toContain("6 rows, 0 new · 3 days, 2026-06-01 to 2026-06-03");
    expect(ok.output).toContain(
      'Try: balance-bot ask "/balance earnings 2026-06-01..2026-06-03 shop:income-en"',
    );

    const bad = await runImportCommand({ file: fixture("income-bad.csv"), shop: "other" }, deps);
    expect(bad.exitCode).toBe(1);
    expect(bad.output.split("\n")).toEqual([
      `Could not import ${fixture("income-bad.csv")}: 5 bad rows, nothing was imported`,
      '  row 4: Total settlement amount "12,5O" is not a number',
      "  row 5: missing Order/adjustment ID",
      "  row 6: currency VND differs from the file's USD",
      '  row 7: Order settled time "31/13/2026" is not a date (use YYYY-MM-DD HH:mm:ss, YYYY/MM/DD HH:mm:ss or MM/DD/YYYY HH:mm:ss)',
      '  row 9: Total Revenue "abc" is not a number',
      '  row 9: Total Fees "1.234.5" is not a number',
      "Fix these rows in the spreadsheet and import the file again.",
    ]);
    const missing = await runImportCommand({ file: join(dir, "nope.csv") }, deps);
    expect(missing).toEqual({
      exitCode: 1,
      output: `Could not import ${join(dir, "nope.csv")}: no such file`,
    });
  });
});
