/**
 * Issue 18's unbounded-import findings, reproduced with files generated here (none committed):
 * the 8M-cell sheet, the zip bomb (honest and lying sizes), the 25 MB CSV, a time limit. Each is
 * refused with a message naming the limit, nothing is written, and the bot keeps answering
 * while a large file is read (the read runs in a worker thread).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importStatementExport } from "../../src/import/import-export.ts";
import { ImportError } from "../../src/providers/csv/import-error.ts";
import { DEFAULT_LIMITS, LimitError } from "../../src/providers/csv/limits.ts";
import { statementTransactions } from "../../src/storage/schema/index.ts";
import { createTestApp, type TestApp } from "../support/app.ts";
import { repeatedPart, SHEET_HEAD, SHEET_TAIL, workbookZip } from "../support/zip.ts";

const NOW = new Date("2026-06-12T12:00:00Z");
const dir = mkdtempSync(join(tmpdir(), "balance-bot-bounded-"));
let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({ sync: false });
});
afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function storedRows(): Promise<number> {
  const [row] = await app.database.db.select({ n: count() }).from(statementTransactions);
  return row?.n ?? 0;
}

async function refusal(file: string, limits = DEFAULT_LIMITS): Promise<ImportError> {
  const error = await importStatementExport(app.database.db, { file, now: NOW, limits }).catch((e) => e);
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

/** 80,000 rows × 100 numeric cells = 8,000,000 cells, as in the finding. */
function eightMillionCellSheet(): Buffer {
  const cells = Array.from(
    { length: 100 },
    (_, c) => `<c r="${columnName(c)}1" t="n"><v>1234.5</v></c>`,
  ).join("");
  return workbookZip(
    repeatedPart(
      "xl/worksheets/sheet1.xml",
      SHEET_HEAD,
      `<row r="1">${cells}</row>`.repeat(1000),
      80,
      SHEET_TAIL,
    ),
  );
}

function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** 1.5 MB that inflates to 1.8 GB; `declared` is the size its directory admits to. */
function zipBomb(declared?: number): Buffer {
  const part = repeatedPart(
    "xl/worksheets/sheet1.xml",
    SHEET_HEAD,
    " ".repeat(1024 * 1024),
    1800,
    SHEET_TAIL,
  );
  return workbookZip(declared === undefined ? part : { ...part, size: declared });
}

describe("bounded imports", () => {
  it("refuses the 8M-cell sheet before expanding it, naming the limit, writing nothing", async () => {
    const file = join(dir, "eight-million.xlsx");
    writeFileSync(file, eightMillionCellSheet());
    const error = await refusal(file);
    expect(error).toBeInstanceOf(LimitError);
    expect(error.message).toBe(
      "the file expands to more than 200 MB (the limit for one import); a Seller Center export is far smaller, so this is not one, or export a shorter period and import each file",
    );
    expect(await storedRows()).toBe(0);
  });

  it("refuses a zip bomb from the sizes it declares, and one that lies about them while inflating", async () => {
    const honest = join(dir, "bomb.xlsx");
    writeFileSync(honest, zipBomb());
    expect((await refusal(honest)).message).toMatch(/^the file expands to more than 200 MB/);
    const liar = join(dir, "liar.xlsx");
    writeFileSync(liar, zipBomb(10_000));
    expect((await refusal(liar)).message).toMatch(/^the file expands to more than 200 MB/);
    expect(await storedRows()).toBe(0);
  });

  it("counts rows while reading a 25 MB CSV and answers /balance while it does", async () => {
    const header = "Order/adjustment ID,Type,Order settled time,Currency,Total settlement amount\n";
    const line = (i: number) =>
      `${576000000000000000 + i},Order,2026/06/01 10:00:00,USD,12.34\n`.padEnd(96, " ");
    const rows = Array.from({ length: 260_000 }, (_, i) => line(i));
    const file = join(dir, "big.csv");
    writeFileSync(file, header + rows.join(""));
    let importDone = false;
    const importing = importStatementExport(app.database.db, { file, now: NOW })
      .catch((e) => e)
      .finally(() => {
        importDone = true;
      });
    const answer = await app.ask("/balance");
    // Answered while the file was still being read: the read doesn't hold the event loop.
    expect(importDone).toBe(false);
    expect(answer.kind).not.toBe("error");
    const error = await importing;
    expect(error).toBeInstanceOf(LimitError);
    expect(error.message).toBe(
      "the file has more than 200,000 rows (the limit for one import); export a shorter period and import each file",
    );
    expect(await storedRows()).toBe(0);
  });

  it("names the cells, columns, file size and time limits", async () => {
    const file = join(dir, "wide.csv");
    const header = ["Order/adjustment ID", "Order settled time", "Currency", "Total settlement amount"];
    writeFileSync(
      file,
      [header.join(","), ...Array.from({ length: 3000 }, (_, i) => `${i + 1},2026-06-01,USD,1.00`)].join(
        "\n",
      ),
    );
    expect((await refusal(file, { ...DEFAULT_LIMITS, cells: 1000 })).message).toBe(
      "the file has more than 1,000 cells (the limit for one import); export a shorter period and import each file",
    );
    expect((await refusal(file, { ...DEFAULT_LIMITS, columns: 3 })).message).toBe(
      "row 1 has more than 3 columns (the limit); a Seller Center export has about 100",
    );
    expect((await refusal(file, { ...DEFAULT_LIMITS, fileBytes: 1024 })).message).toMatch(
      /^the file is \d+ KB, over the 1 KB limit for one import; export a shorter period/,
    );
    expect((await refusal(file, { ...DEFAULT_LIMITS, seconds: 0 })).message).toBe(
      "reading the file took longer than 0 s (the limit for one import); export a shorter period and import each file",
    );
    expect(await storedRows()).toBe(0);
  });
});
