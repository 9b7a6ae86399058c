import { zipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/universal';
import { RuleError } from '../errors/index.js';
import { unpackWorkbookParts, type PartLimits } from './xlsx-parts.js';

/** One worksheet read as text cells. */
export interface SheetText {
  readonly name: string;
  readonly rows: readonly (readonly string[])[];
}

/**
 * Reads every sheet of an XLSX workbook as the text the admin saw: numbers keep all
 * their digits (a mobile 27821234567, never `2.78E+10`), dates become ISO dates.
 *
 * read-excel-file unpacks every `.xml` entry of the archive it is given, however large,
 * and has no row ceiling. So the parts it needs are unpacked here first, within the
 * limits (see {@link unpackWorkbookParts}), and handed to it as a new, uncompressed
 * archive of those parts only: its documented API, on input that is bounded. `readTable` loads
 * this module (and read-excel-file, ~50 kB) only when a workbook arrives.
 */
export async function readWorkbook(bytes: Uint8Array, limits: PartLimits): Promise<SheetText[]> {
  const parts = unpackWorkbookParts(bytes, limits);
  const bounded = zipSync(parts, { level: 0 });
  let sheets;
  try {
    // parseNumber keeps the stored digits instead of a float, marked so that text
    // cells that merely look numeric ("00123") are left alone.
    sheets = await readXlsxFile(bounded.buffer as ArrayBuffer, {
      parseNumber: (raw: string) => new StoredNumber(raw),
    });
  } catch (error) {
    throw new RuleError(
      'This file could not be read as an Excel workbook (.xlsx). Save it again from Excel, or as CSV.',
      { cause: error, details: { reason: 'not_a_workbook' } },
    );
  }
  return sheets.map((sheet) => ({
    name: sheet.sheet,
    rows: sheet.data.map((row) => row.map(cellText)),
  }));
}

class StoredNumber {
  constructor(readonly raw: string) {}
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (value instanceof StoredNumber) return formatNumber(value.raw);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatDate(value);
  return String(value);
}

/** As Excel's General format shows it: integers in full, fractions to 15 significant digits. */
function formatNumber(raw: string): string {
  const number = Number(raw);
  if (!Number.isFinite(number)) return raw;
  if (Number.isInteger(number) && Math.abs(number) < 1e21) return BigInt(number).toString();
  return String(Number(number.toPrecision(15)));
}

/** Dates without a time of day as `2025-03-03`; with one as full ISO timestamps. */
function formatDate(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}
