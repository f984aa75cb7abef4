/**
 * A CSV export read as a stream: the delimiter is chosen from a prefix (the one under which the
 * header row maps the most columns, since banner rows such as "Disclaimer, …" make counting
 * characters unreliable), then the whole file goes once through csv-parse's streaming parser,
 * decoded chunk by chunk, with every row counted against the limits as it arrives.
 */
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";
import type { Cell } from "./cells.ts";
import { checkDecoded, type Encoding, LEGACY, sniffEncoding } from "./decode.ts";
import { findHeader, headerScore } from "./headers.ts";
import { ImportError } from "./import-error.ts";
import { limitMessages, type ReadBudget } from "./limits.ts";

const DELIMITERS = [",", ";", "\t"] as const;
const PREFIX_BYTES = 64 * 1024;
const CHUNK_BYTES = 256 * 1024;
/** One record longer than this is an unclosed quote swallowing the file, not a row. */
const MAX_RECORD_CHARS = 1024 * 1024;

function prefixRows(text: string, delimiter: string): string[][] {
  // The prefix may end inside a line: keep whole lines only.
  const cut = text.lastIndexOf("\n");
  const whole = cut > 0 ? text.slice(0, cut) : text;
  try {
    return parseSync(whole, { delimiter, relax_column_count: true, relax_quotes: true }) as string[][];
  } catch {
    return [];
  }
}

function decodePrefix(bytes: Uint8Array, encoding: Encoding): string {
  return new TextDecoder(encoding.label).decode(
    bytes.subarray(encoding.bom, Math.min(bytes.length, encoding.bom + PREFIX_BYTES)),
  );
}

/** The best (encoding, delimiter) for the file, from its first 64 KB. */
export function sniffCsv(bytes: Uint8Array): { encoding: Encoding; delimiter: string } {
  const sniffed = sniffEncoding(bytes);
  const candidates = sniffed === "legacy" ? LEGACY : [sniffed];
  let best: { encoding: Encoding; delimiter: string; score: number } | undefined;
  for (const encoding of candidates) {
    const text = decodePrefix(bytes, encoding);
    for (const delimiter of DELIMITERS) {
      const score = headerScore(findHeader(prefixRows(text, delimiter)));
      if (!best || score > best.score) best = { encoding, delimiter, score };
    }
  }
  const chosen = best ?? { encoding: candidates[0]!, delimiter: "," };
  checkDecoded(decodePrefix(bytes, chosen.encoding), chosen.encoding);
  return { encoding: chosen.encoding, delimiter: chosen.delimiter };
}

async function* decodedChunks(bytes: Uint8Array, encoding: Encoding, budget: ReadBudget) {
  const decoder = new TextDecoder(encoding.label);
  let chars = 0;
  for (let at = encoding.bom; at < bytes.length; at += CHUNK_BYTES) {
    const text = decoder.decode(bytes.subarray(at, at + CHUNK_BYTES), { stream: true });
    chars += text.length;
    if (chars > budget.limits.uncompressedBytes) throw limitMessages.uncompressedBytes(budget.limits);
    budget.checkTime();
    yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** Every row of the CSV, in order, as cells (row i is spreadsheet row i + 1). */
export async function* readCsvRows(
  bytes: Uint8Array,
  budget: ReadBudget,
  sniffed: { encoding: Encoding; delimiter: string },
): AsyncGenerator<Cell[]> {
  const parser = parse({
    delimiter: sniffed.delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_CHARS,
  });
  const source = Readable.from(decodedChunks(bytes, sniffed.encoding, budget));
  source.on("error", (error) => parser.destroy(error));
  source.pipe(parser);
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      budget.addRow(record.length, row);
      yield record;
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const code = (error as { code?: string }).code;
    if (code === "CSV_MAX_RECORD_SIZE") {
      throw new ImportError({
        key: "importFile.recordTooLong",
        values: { row: String(row + 1), mb: String(MAX_RECORD_CHARS / (1024 * 1024)) },
      });
    }
    throw new ImportError({
      key: "importFile.notCsv",
      values: { row: String(row + 1), detail: (error as Error).message },
    });
  } finally {
    source.destroy();
  }
}
