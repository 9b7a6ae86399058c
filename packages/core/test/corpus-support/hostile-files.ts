/**
 * Hostile import files, generated at run time (never committed as blobs): zip archives
 * whose entries unpack to gigabytes from a few megabytes, built from one compressed
 * segment repeated. Node only (node:zlib).
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

/** One entry of {@link zipArchive}: deflated bytes and what they unpack to. */
export interface ZipEntry {
  name: string;
  /** Raw deflate data. */
  deflated: Uint8Array;
  size: number;
  crc: number;
}

/** An entry holding `text`, deflated. */
export function textEntry(name: string, text: string): ZipEntry {
  const bytes = Buffer.from(text, 'utf8');
  return { name, deflated: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) };
}

/**
 * An entry of `head`, then `unit` repeated `times`, then `tail`, deflated without ever
 * holding the whole text: each part is compressed on its own with a full flush (which
 * makes it byte-aligned and independent), and the one compressed copy of `unit` is
 * repeated. `unit` of 1 MiB repeated 2,048 times is a 2 GiB entry of about 2 MB.
 */
export function repeatedEntry(
  name: string,
  head: string,
  unit: string,
  times: number,
  tail: string,
): ZipEntry {
  const flushed = (text: string): Buffer =>
    deflateRawSync(Buffer.from(text, 'utf8'), { finishFlush: constants.Z_FULL_FLUSH });
  const headBytes = Buffer.from(head, 'utf8');
  const unitBytes = Buffer.from(unit, 'utf8');
  const tailBytes = Buffer.from(tail, 'utf8');
  const unitDeflated = flushed(unit);
  const parts: Buffer[] = [flushed(head)];
  for (let i = 0; i < times; i++) parts.push(unitDeflated);
  parts.push(deflateRawSync(tailBytes)); // ends with the final block
  return {
    name,
    deflated: Buffer.concat(parts),
    size: headBytes.length + unitBytes.length * times + tailBytes.length,
    // Not computed (seconds for 2 GiB): a reader must refuse or skip the entry long
    // before it could check a checksum.
    crc: 0,
  };
}

/**
 * A zip archive (no zip64: every size below 4 GiB) of deflated entries. `descriptor`: as
 * streaming writers do, the local headers declare no sizes (flag bit 3) and a data
 * descriptor follows each entry's data, so a streaming reader learns no size up front.
 * `directory: false` leaves out the central directory (a truncated download), so no size
 * is declared anywhere a reader can see before inflating.
 */
export function zipArchive(
  entries: ZipEntry[],
  { descriptor = false, directory: withDirectory = true } = {},
): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    const flags = descriptor ? 0x0808 : 0x0800; // UTF-8 names (+ sizes in a descriptor)
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(8, 8); // deflate
    if (!descriptor) {
      local.writeUInt32LE(entry.crc >>> 0, 14);
      local.writeUInt32LE(entry.deflated.length, 18);
      local.writeUInt32LE(entry.size, 22);
    }
    local.writeUInt16LE(name.length, 26);
    const trailer = Buffer.alloc(descriptor ? 16 : 0);
    if (descriptor) {
      trailer.writeUInt32LE(0x08074b50, 0);
      trailer.writeUInt32LE(entry.crc >>> 0, 4);
      trailer.writeUInt32LE(entry.deflated.length, 8);
      trailer.writeUInt32LE(entry.size, 12);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.deflated.length, 20);
    central.writeUInt32LE(entry.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(entry.deflated), trailer);
    centrals.push(central, name);
    offset += local.length + name.length + entry.deflated.length + trailer.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat(withDirectory ? [...locals, directory, end] : locals));
}

/**
 * The parts of a one-sheet workbook, with `sheet` as sheet1's XML (or entry), and
 * `sharedStrings` as its shared strings part when given.
 */
export function workbookEntries(
  sheet: string | ZipEntry,
  extra: ZipEntry[] = [],
  sharedStrings?: ZipEntry,
): ZipEntry[] {
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return [
    textEntry(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    textEntry(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    textEntry(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="Users" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    textEntry(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>${sharedStrings ? `<Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`,
    ),
    typeof sheet === 'string' ? textEntry('xl/worksheets/sheet1.xml', sheet) : sheet,
    ...(sharedStrings ? [sharedStrings] : []),
    ...extra,
  ];
}

/** Sheet XML around `rows` (`<row>` elements). */
export function sheetXml(rows: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
}

/** An inline-string cell. */
export function cell(ref: string, text: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
}
