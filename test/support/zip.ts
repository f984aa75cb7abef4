/**
 * A minimal zip writer for building hostile XLSX files inside tests (nothing this large is
 * committed). An entry's data can be given compressed already, with sizes that may lie.
 */
import { crc32, deflateRawSync, constants as zlib } from "node:zlib";

export interface ZipPart {
  name: string;
  /** Raw-deflated bytes. */
  deflated: Buffer;
  /** The uncompressed size the directory declares. */
  size: number;
  crc: number;
}

export const deflatedPart = (name: string, data: string | Buffer): ZipPart => {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data, "utf8");
  return { name, deflated: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) };
};

/**
 * `times` copies of `chunk`, deflated without compressing the chunk more than once: after a full
 * flush deflate starts afresh, so the compressed chunk can be repeated as is.
 */
export function repeatedPart(
  name: string,
  head: string,
  chunk: string,
  times: number,
  tail: string,
): ZipPart {
  const block = (text: string) =>
    deflateRawSync(Buffer.from(text, "utf8"), { finishFlush: zlib.Z_FULL_FLUSH, level: 9 });
  const chunkBytes = Buffer.from(chunk, "utf8");
  const body = block(chunk);
  const parts = [
    block(head),
    ...Array.from({ length: times }, () => body),
    deflateRawSync(Buffer.from(tail, "utf8")),
  ];
  let crc = crc32(Buffer.from(head, "utf8"));
  for (let i = 0; i < times; i++) crc = crc32(chunkBytes, crc);
  crc = crc32(Buffer.from(tail, "utf8"), crc);
  return {
    name,
    deflated: Buffer.concat(parts),
    size: Buffer.byteLength(head) + chunkBytes.length * times + Buffer.byteLength(tail),
    crc,
  };
}

export function writeZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(part.crc >>> 0, 14);
    local.writeUInt32LE(part.deflated.length, 18);
    local.writeUInt32LE(Math.min(part.size, 0xffffffff), 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(part.crc >>> 0, 16);
    central.writeUInt32LE(part.deflated.length, 20);
    central.writeUInt32LE(Math.min(part.size, 0xffffffff), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, part.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + part.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Order details" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

/** A one-sheet workbook around the given sheet part (named xl/worksheets/sheet1.xml). */
export function workbookZip(sheet: ZipPart): Buffer {
  return writeZip([
    deflatedPart("[Content_Types].xml", CONTENT_TYPES),
    deflatedPart("_rels/.rels", RELS),
    deflatedPart("xl/workbook.xml", WORKBOOK),
    deflatedPart("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
    sheet,
  ]);
}

export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
export const SHEET_TAIL = "</sheetData></worksheet>";
