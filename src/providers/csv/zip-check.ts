/**
 * Checks an XLSX (a zip) before anything expands it: the sizes its directory declares, then the
 * sizes its parts really inflate to, counted and thrown away chunk by chunk. A zip bomb is refused
 * at the first check when it declares its size, and after at most the limit's worth of inflating
 * (never held in memory) when it lies.
 */
import { createInflateRaw, inflateRawSync } from "node:zlib";
import type { MessageKey } from "../../i18n/index.ts";
import { ImportError } from "./import-error.ts";
import { type ImportLimits, limitMessages } from "./limits.ts";

interface ZipEntry {
  name: string;
  flags: number;
  crc: number;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
const MAX32 = 0xffffffff;

/** The zip is broken: `why` names the part, as a key of the importFile area with its values. */
const damaged = (why: MessageKey, part?: string) =>
  new ImportError({
    key: "importFile.damaged",
    values: { why: { key: why, values: part === undefined ? {} : { part } } },
  });

function readEntries(zip: Buffer, limits: ImportLimits): ZipEntry[] {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw damaged("importFile.damagedNoDirectory");
  const count = zip.readUInt16LE(end + 10);
  if (count > limits.zipEntries) throw limitMessages.zipEntries(limits, count);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) throw damaged("importFile.damagedEntry");
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      name: zip.toString("utf8", at + 46, at + 46 + nameLength),
      flags: zip.readUInt16LE(at + 8),
      crc: zip.readUInt32LE(at + 16),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
    };
    readZip64(zip.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sizes too large for 32 bits sit in the ZIP64 extra field, in this order, only when needed. */
function readZip64(extra: Buffer, entry: ZipEntry): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === ZIP64_EXTRA) {
      let field = at + 4;
      const next = () => {
        const value = Number(extra.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      if (entry.size === MAX32) entry.size = next();
      if (entry.compressedSize === MAX32) entry.compressedSize = next();
      if (entry.localOffset === MAX32) entry.localOffset = next();
      return;
    }
    at += 4 + length;
  }
}

/** Inflates one part, counting its bytes and keeping none; stops as soon as it passes `cap`. */
function inflatedSize(data: Buffer, cap: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let total = 0;
    inflate.on("data", (chunk: Buffer) => {
      total += chunk.length;
      if (total > cap) {
        inflate.destroy();
        resolve(total);
      }
    });
    inflate.on("end", () => resolve(total));
    inflate.on("error", () => reject(damaged("importFile.damagedInflate")));
    inflate.end(data);
  });
}

/** Parts read whole to name the sheets: a few KB in any real workbook. */
const SMALL_PART = 1024 * 1024;

const attributes = (tag: string): Map<string, string> =>
  new Map([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1] ?? "", unescapeXml(m[2] ?? "")]));

const unescapeXml = (text: string): string =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, "&");

/**
 * Sheet names by worksheet file number ("3" for xl/worksheets/sheet3.xml), from workbook.xml and
 * its relationships. exceljs's streaming reader names a sheet only when workbook.xml comes
 * before it in the zip; real files don't promise that order.
 */
function sheetNames(zip: Buffer, entries: ZipEntry[]): Map<string, string> {
  const text = (name: string): string => {
    const entry = entries.find((e) => e.name === name);
    if (!entry || entry.size > SMALL_PART) return "";
    const at = entry.localOffset;
    const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
    const data = zip.subarray(start, start + entry.compressedSize);
    try {
      return (entry.method === 0 ? data : inflateRawSync(data, { maxOutputLength: SMALL_PART })).toString(
        "utf8",
      );
    } catch {
      return "";
    }
  };
  const targets = new Map<string, string>();
  for (const m of text("xl/_rels/workbook.xml.rels").matchAll(/<Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const file = /worksheets\/sheet(\d+)\.xml$/.exec(a.get("Target") ?? "");
    if (file?.[1] && a.get("Id")) targets.set(a.get("Id") ?? "", file[1]);
  }
  const names = new Map<string, string>();
  for (const m of text("xl/workbook.xml").matchAll(/<sheet\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const file = targets.get(a.get("r:id") ?? "");
    if (file && a.get("name")) names.set(file, a.get("name") ?? "");
  }
  return names;
}

/** Parts exceljs must have read before any worksheet, in this order. */
const FIRST = [
  "[Content_Types].xml",
  "_rels/.rels",
  "xl/_rels/workbook.xml.rels",
  "xl/workbook.xml",
  "xl/sharedStrings.xml",
  "xl/styles.xml",
];

function entryData(zip: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localOffset;
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  return zip.subarray(start, start + entry.compressedSize);
}

/**
 * The same workbook with its parts in the order exceljs's streaming reader needs. Given a
 * worksheet before the shared strings (as some writers order them), it parks the sheet in a
 * temporary file and was seen to read it back with its strings missing; in this order every
 * sheet is read in one pass, in memory. Sizes go in each local header (no data descriptors).
 */
function reorder(zip: Buffer, entries: ZipEntry[]): Buffer {
  const rank = (e: ZipEntry) => {
    const i = FIRST.indexOf(e.name);
    return i < 0 ? FIRST.length : i;
  };
  const ordered = entries.filter((e) => !e.name.endsWith("/")).sort((a, b) => rank(a) - rank(b));
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of ordered) {
    const name = Buffer.from(entry.name, "utf8");
    const data = entryData(zip, entry);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.flags & ~0x08, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(CENTRAL, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(entry.flags & ~0x08, 8);
    record.writeUInt16LE(entry.method, 10);
    record.writeUInt32LE(entry.crc, 16);
    record.writeUInt32LE(data.length, 20);
    record.writeUInt32LE(entry.size, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    parts.push(local, name, data);
    central.push(record, name);
    offset += 30 + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(ordered.length, 8);
  end.writeUInt16LE(ordered.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

/**
 * Refuses a zip that is damaged, has too many parts, or expands past the limit; returns the
 * sheet names by worksheet file number and the workbook with its parts in reading order.
 */
export async function checkZip(
  zip: Buffer,
  limits: ImportLimits,
): Promise<{ names: Map<string, string>; ordered: Buffer }> {
  const entries = readEntries(zip, limits);
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > limits.uncompressedBytes) throw limitMessages.uncompressedBytes(limits);
  let total = 0;
  for (const entry of entries) {
    const at = entry.localOffset;
    if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL)
      throw damaged("importFile.damagedMissing", entry.name);
    const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
    const data = zip.subarray(start, start + entry.compressedSize);
    if (data.length < entry.compressedSize) throw damaged("importFile.damagedShort", entry.name);
    if (entry.method !== 0 && entry.method !== 8) throw damaged("importFile.damagedCompression", entry.name);
    const remaining = limits.uncompressedBytes - total;
    const size = entry.method === 0 ? data.length : await inflatedSize(data, Math.min(remaining, entry.size));
    total += size;
    if (total > limits.uncompressedBytes) throw limitMessages.uncompressedBytes(limits);
    // A part that inflates past the size it declares is lying about itself: a bomb, or damage.
    if (size > entry.size) throw limitMessages.uncompressedBytes(limits);
  }
  return { names: sheetNames(zip, entries), ordered: reorder(zip, entries) };
}
