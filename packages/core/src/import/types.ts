/** Where a table comes from: an uploaded file, raw bytes, or pasted text. */
export type TableSource = Blob | ArrayBuffer | ArrayBufferView | string;

/** Text encodings the reader detects and accepts as an override. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Column delimiters the reader detects and accepts as an override. */
export type Delimiter = ',' | ';' | '\t' | '|';

/** Options of {@link readTable}. Every detected value can be overridden. */
export interface ReadTableOptions {
  /** Force a text encoding instead of detecting it (BOM, strict UTF-8, else Windows-1252). */
  encoding?: TextEncodingName;
  /** Force the delimiter instead of detecting it. */
  delimiter?: Delimiter;
  /** `true`: the first row holds column names; `false`: it is data. Detected when absent. */
  header?: boolean;
  /** XLSX: the sheet to read. When absent, the sheet whose headers map best is chosen. */
  sheet?: string;
  /** Force the format; detected from the bytes otherwise. */
  format?: 'csv' | 'xlsx';
  /** File name, when the source is not a `File` (used for format detection and messages). */
  fileName?: string;
  /** Most data rows accepted (default 100,000). */
  maxRows?: number;
  /** Most bytes accepted (default 50 MB). */
  maxBytes?: number;
}

/** What {@link readTable} found, shown to the admin so they can correct it. */
export interface TableDetection {
  /** `text` is pasted text (a string source). */
  format: 'csv' | 'xlsx' | 'text';
  /** Encoding used to decode bytes; `null` for XLSX and pasted text. */
  encoding: TextEncodingName | null;
  /** The file started with a byte-order mark. */
  bom: boolean;
  /** Delimiter used; `null` for XLSX. */
  delimiter: Delimiter | null;
  /** Whether the first row is used as the header row. */
  header: boolean;
  /** What header detection concluded (differs from `header` when the admin overrode it). */
  headerDetected: boolean;
  /** XLSX: every sheet's name, in workbook order. Empty for text. */
  sheets: string[];
  /** XLSX: the sheet read. */
  sheet: string | null;
}

/**
 * A file read into string cells. Blank rows are dropped; `rowNumbers` keeps each data
 * row's number in the file as a spreadsheet shows it (the header is row 1).
 */
export interface Table {
  /** Column names: the header row, or `Column A`, `Column B`, … when there is none. */
  headers: string[];
  /** Data rows; every row has `headers.length` cells. */
  rows: string[][];
  /** File row number of each data row (1-based, blank rows counted). */
  rowNumbers: number[];
  detected: TableDetection;
  /** Plain-language remarks for the admin (e.g. "the first row looks like data"). */
  notices: string[];
}

/** Default ceiling on data rows per import. */
export const DEFAULT_MAX_ROWS = 100_000;
/** Default ceiling on the size of an imported file. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
