import { RuleError } from '../errors/index.js';

/** One worksheet read as text cells. */
export interface SheetText {
  name: string;
  rows: string[][];
}

/**
 * Reads every sheet of an XLSX workbook as the text the admin saw: numbers keep all
 * their digits (a mobile 27821234567, never `2.78E+10`), dates become ISO dates.
 * The reader (read-excel-file, ~50 kB) is loaded only when a workbook arrives.
 */
export async function readWorkbook(bytes: ArrayBuffer): Promise<SheetText[]> {
  const { default: readXlsxFile } = await import('read-excel-file/universal');
  let sheets;
  try {
    // parseNumber keeps the stored digits instead of a float, marked so that text
    // cells that merely look numeric ("00123") are left alone.
    sheets = await readXlsxFile(bytes, { parseNumber: (raw: string) => new StoredNumber(raw) });
  } catch (error) {
    throw new RuleError(
      'This file could not be read as an Excel workbook (.xlsx). Save it again from Excel, or as CSV.',
      {
        cause: error,
      },
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
