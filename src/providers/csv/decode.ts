/**
 * Which text encoding a CSV export is in. A byte-order mark decides when there is one; otherwise
 * UTF-16 shows itself by its zero bytes, valid UTF-8 is UTF-8, and anything else was saved in a
 * legacy code page (Excel's "CSV" on Windows). Among those the one under which the header row is
 * recognised wins (the Thai, Vietnamese and Chinese headers only read right in their own code
 * page); an English header reads the same in all of them, so Windows-1252 is assumed and said.
 */
import { isUtf8 } from "node:buffer";
import { ImportError } from "./import-error.ts";

export interface Encoding {
  /** WHATWG label for TextDecoder. */
  label: string;
  /** How the import summary names it. */
  name: string;
  /** Bytes of byte-order mark to skip. */
  bom: number;
}

const UTF8: Encoding = { label: "utf-8", name: "UTF-8", bom: 0 };
export const LEGACY: readonly Encoding[] = [
  { label: "windows-1252", name: "Windows-1252 (Latin-1), not UTF-8", bom: 0 },
  { label: "windows-874", name: "Windows-874 (Thai), not UTF-8", bom: 0 },
  { label: "windows-1258", name: "Windows-1258 (Vietnamese), not UTF-8", bom: 0 },
  { label: "gb18030", name: "GB18030 (Chinese), not UTF-8", bom: 0 },
];

/** The encoding from the BOM or the byte pattern; `legacy` for bytes that are not UTF-8 or UTF-16. */
export function sniffEncoding(bytes: Uint8Array): Encoding | "legacy" {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { ...UTF8, name: "UTF-8 (with BOM)", bom: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { label: "utf-16le", name: "UTF-16 LE", bom: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { label: "utf-16be", name: "UTF-16 BE", bom: 2 };
  const sample = bytes.subarray(0, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) evenZeros++;
      else oddZeros++;
    }
  }
  const pairs = sample.length / 2;
  // ASCII text in UTF-16 has a zero in every other byte: before the character (BE) or after (LE).
  if (pairs > 0 && evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) {
    return { label: "utf-16be", name: "UTF-16 BE (no BOM)", bom: 0 };
  }
  if (pairs > 0 && oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) {
    return { label: "utf-16le", name: "UTF-16 LE (no BOM)", bom: 0 };
  }
  if (evenZeros + oddZeros > 0) {
    throw new ImportError({ key: "importFile.notText" });
  }
  return isUtf8(bytes) ? UTF8 : "legacy";
}

/** Refuses text that decoded into control characters: the guess was wrong or the file is binary. */
export function checkDecoded(sample: string, encoding: Encoding): void {
  let control = 0;
  for (const char of sample) {
    const code = char.charCodeAt(0);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffd) control++;
  }
  if (control > Math.max(3, sample.length / 100)) {
    throw new ImportError({ key: "importFile.notInEncoding", values: { encoding: encoding.name } });
  }
}
