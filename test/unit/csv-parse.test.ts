import { describe, expect, it } from "vitest";
import { localDate } from "../../src/core/periods.ts";
import { statementTimeFor } from "../../src/import/statements.ts";
import {
  detectNumberStyle,
  expandExponent,
  parseAmountNumber,
  parseAmountText,
} from "../../src/providers/csv/amounts.ts";
import { parseStamp, stampInstant } from "../../src/providers/csv/dates.ts";
import { findHeader, normalizeHeader } from "../../src/providers/csv/headers.ts";
import { say } from "../../src/providers/csv/import-error.ts";
import { DEFAULT_LIMITS } from "../../src/providers/csv/limits.ts";
import { normalizeType } from "../../src/providers/csv/parse-rows.ts";
import { readExportBook } from "../../src/providers/csv/read-table.ts";

/** The rows of a CSV as the streaming reader yields them. */
async function readCsvText(text: string) {
  const book = await readExportBook(Buffer.from(text, "utf8"), DEFAULT_LIMITS);
  return book.statement?.rows ?? [];
}

const value = (text: string, style?: Parameters<typeof parseAmountText>[1]) => {
  const result = parseAmountText(text, style);
  return result.ok ? result.value : `error: ${say(result.problem)}`;
};

describe("amounts", () => {
  it("reads both separator styles exactly, deciding by the pattern", () => {
    expect(value("1,234.56")).toBe("1234.56");
    expect(value("1.234,56")).toBe("1234.56");
    expect(value("1.234.567")).toBe("1234567");
    expect(value("1,234,567.5")).toBe("1234567.5");
    expect(value("12,5")).toBe("12.5");
    expect(value("0,125")).toBe("0.125");
    expect(value("1234.56")).toBe("1234.56");
    expect(value("1 234,56")).toBe("1234.56");
  });

  it("reads a lone three-digit group as thousands unless the file's style says otherwise", () => {
    expect(value("1,234")).toBe("1234");
    expect(value("150.000")).toBe("150000");
    expect(value("1,234", "comma")).toBe("1.234");
    expect(value("1.234", "dot")).toBe("1.234");
    expect(value("150.000", "comma")).toBe("150000");
    expect(value("1,234", "mixed")).toMatch(/^error: "1,234" is ambiguous \(1234 or 1\.234\)/);
  });

  it("detects the file's style from the unambiguous values", () => {
    expect(detectNumberStyle(["1.234.567", "150.000", "0"])).toBe("comma");
    expect(detectNumberStyle(["12.50", "1,234"])).toBe("dot");
    expect(detectNumberStyle(["1,234", "100"])).toBeUndefined();
    expect(detectNumberStyle(["1,234.5", "1.234,5"])).toBe("mixed");
  });

  it("strips currency symbols and codes, and reads signs and parentheses", () => {
    expect(value("$18.75")).toBe("18.75");
    expect(value("-$18.75")).toBe("-18.75");
    expect(value("$-18.75")).toBe("-18.75");
    expect(value("Rp 2.500.000")).toBe("2500000");
    expect(value("Rp2.500.000")).toBe("2500000");
    expect(value("(12.00)")).toBe("-12.00");
    expect(value("USD 1,000.00")).toBe("1000.00");
    expect(value("1.000 IDR")).toBe("1000");
    expect(value("−7.5")).toBe("-7.5");
    expect(value("€ 1.234,50")).toBe("1234.50");
  });

  it("treats empty and n/a cells as absent", () => {
    for (const text of ["", " ", "/", "-", "N/A"]) expect(value(text)).toBeNull();
  });

  it("names what is wrong instead of guessing", () => {
    expect(value("12,5O")).toBe('error: "12,5O" is not a number');
    expect(value("1.234.5")).toBe('error: "1.234.5" is not a number');
    expect(value("1,23,456")).toBe('error: "1,23,456" is not a number');
    expect(value("abc")).toBe('error: "abc" is not a number');
    expect(value("1 23")).toBe('error: "1 23" is not a number');
    expect(value("0.1234567")).toBe('error: "0.1234567" has more than 6 decimal places');
  });

  it("turns XLSX number cells into exact decimal text", () => {
    expect(parseAmountNumber(50.25)).toEqual({ ok: true, value: "50.25" });
    expect(parseAmountNumber(-1234567)).toEqual({ ok: true, value: "-1234567" });
    expect(parseAmountNumber(1e21)).toEqual({ ok: true, value: "1000000000000000000000" });
    expect(parseAmountNumber(0.1 + 0.2).ok).toBe(false);
    expect(expandExponent("1.5e-7")).toBe("0.00000015");
    expect(expandExponent("-2.25e+3")).toBe("-2250");
  });
});

describe("dates", () => {
  const stamp = (cell: Parameters<typeof parseStamp>[0]) => {
    const result = parseStamp(cell);
    return result.ok ? result.stamp : `error: ${say(result.problem)}`;
  };

  it("accepts ISO, YYYY/MM/DD and DD/MM/YYYY, with or without a time", () => {
    expect(stamp("2026-06-01")).toEqual({ date: "2026-06-01", time: null, zone: null });
    expect(stamp("2026-06-01T10:15:00")).toEqual({ date: "2026-06-01", time: "10:15:00", zone: null });
    expect(stamp("2026-06-03T02:00:00Z")).toEqual({ date: "2026-06-03", time: "02:00:00", zone: "UTC" });
    expect(stamp("2026-06-03 02:00:00+07:00")).toEqual({
      date: "2026-06-03",
      time: "02:00:00",
      zone: "UTC+7",
    });
    expect(stamp("2026/06/01 23:59:59")).toEqual({ date: "2026-06-01", time: "23:59:59", zone: null });
    expect(stamp("01/06/2026 09:00:00")).toEqual({ date: "2026-06-01", time: "09:00:00", zone: null });
    expect(stamp("1/6/2026")).toEqual({ date: "2026-06-01", time: null, zone: null });
  });

  it("reads spreadsheet date cells and Excel serials as wall times", () => {
    expect(stamp(new Date(Date.UTC(2026, 5, 5)))).toEqual({ date: "2026-06-05", time: null, zone: null });
    expect(stamp(new Date(Date.UTC(2026, 5, 5, 15, 30)))).toEqual({
      date: "2026-06-05",
      time: "15:30:00",
      zone: null,
    });
    expect(stamp(46178.5)).toEqual({ date: "2026-06-05", time: "12:00:00", zone: null });
  });

  it("rejects what is not a date", () => {
    expect(stamp("31/13/2026")).toMatch(/^error: "31\/13\/2026" is not a date/);
    expect(stamp("2026-02-30")).toMatch(/is not a date/);
    expect(stamp("yesterday")).toMatch(/is not a date/);
    expect(stamp("/")).toBeNull();
  });

  it("places wall times in the shop's zone unless they name their own", () => {
    const local = { date: "2026-06-02", time: "00:30:00", zone: null };
    expect(stampInstant(local, "America/Los_Angeles").toISOString()).toBe("2026-06-02T07:30:00.000Z");
    expect(stampInstant({ ...local, zone: "UTC" }, "America/Los_Angeles").toISOString()).toBe(
      "2026-06-02T00:30:00.000Z",
    );
    expect(stampInstant(local, "UTC-7").toISOString()).toBe("2026-06-02T07:30:00.000Z");
  });

  it("stamps a statement so that it lands on its own local day in every zone", () => {
    for (const zone of [
      "America/Los_Angeles",
      "UTC",
      "Asia/Jakarta",
      "Pacific/Kiritimati",
      "Pacific/Pago_Pago",
    ]) {
      const at = statementTimeFor("2026-06-01", zone);
      expect(at.getUTCHours()).toBe(0);
      expect(localDate(at, zone)).toBe("2026-06-01");
    }
    expect(statementTimeFor("2026-06-01", "America/Los_Angeles").toISOString()).toBe(
      "2026-06-02T00:00:00.000Z",
    );
  });
});

describe("headers", () => {
  it("normalizes case, spaces and slashes, and splits off a zone", () => {
    expect(normalizeHeader("Order/adjustment ID  ").key).toBe("order/adjustment id");
    expect(normalizeHeader("Order\\adjustment ID").key).toBe("order/adjustment id");
    expect(normalizeHeader(" order / Adjustment   id").key).toBe("order/adjustment id");
    expect(normalizeHeader("Order created time(UTC)")).toEqual({ key: "order created time", zone: "UTC" });
    expect(normalizeHeader("Order created time (UTC-7)")).toEqual({
      key: "order created time",
      zone: "UTC-7",
    });
  });

  it("skips banner rows and maps English and Indonesian aliases", () => {
    const header = findHeader([
      ["Disclaimer: for reference only"],
      ["Download time", "2026/06/12 10:00:00"],
      ["Total Transactions", 3],
      [],
      [
        "ID Pesanan/Penyesuaian",
        "Jenis",
        "Waktu penyelesaian pesanan",
        "Mata uang",
        "Jumlah penyelesaian pembayaran",
      ],
    ]);
    expect(header?.row).toBe(5);
    expect(header?.columns.id?.label).toBe("ID Pesanan/Penyesuaian");
    expect(Object.keys(header?.columns ?? {}).sort()).toEqual([
      "currency",
      "id",
      "settledTime",
      "settlement",
      "type",
    ]);
    const english = findHeader([
      ["TRANSACTION TYPE", "order/ADJUSTMENT id", "Total  settlement amount", "Transaction fee"],
    ]);
    expect(english?.columns.type?.index).toBe(0);
    expect(english?.columns.settlement?.label).toBe("Total  settlement amount");
    expect(english?.breakdown).toEqual([
      { key: "fee.transaction_fee_amount", column: { index: 3, label: "Transaction fee", zone: null } },
    ]);
  });

  it("normalizes transaction types like the API's", () => {
    expect(normalizeType("Order")).toBe("ORDER");
    expect(normalizeType("Platform commission adjustment")).toBe("PLATFORM_COMMISSION_ADJUSTMENT");
    expect(normalizeType("Pesanan")).toBe("ORDER");
    expect(normalizeType("Refund")).toBe("ORDER");
    expect(normalizeType("")).toBe("ORDER");
    expect(normalizeType("Violation fee （settlement fee）")).toBe("Violation fee （settlement fee）");
  });
});

describe("CSV reading", () => {
  const text = (rows: string[][], delimiter: string) => rows.map((r) => r.join(delimiter)).join("\n");
  const header = ["Order/adjustment ID", "Order settled time", "Currency", "Total settlement amount"];
  const row = ["576", "2026-06-01", "EUR", "1,5"];

  it("detects the delimiter from the header row, whatever the banner rows contain", async () => {
    for (const delimiter of [",", ";", "\t"]) {
      const rows = await readCsvText(
        `Disclaimer, figures; may change\n${text([header, delimiter === "," ? row.map((c) => `"${c}"`) : row], delimiter)}`,
      );
      expect(rows[1]).toEqual(header);
      expect(rows[2]).toEqual(row);
    }
  });

  it("strips a BOM and keeps quoted delimiters and line breaks in one row", async () => {
    const rows = await readCsvText(
      `\ufeff${header.join(",")}\n"576","2026-06-01","EUR","1,5"\n"a ""b""\nc",x\n`,
    );
    expect(rows[0]?.[0]).toBe("Order/adjustment ID");
    expect(rows[1]?.[3]).toBe("1,5");
    expect(rows[2]).toEqual(['a "b"\nc', "x"]);
    expect(rows).toHaveLength(3);
  });
});
