/** Where a table comes from: an uploaded file, raw bytes, or pasted text. */
export type TableSource = Blob | ArrayBuffer | ArrayBufferView | string;

/** Text encodings the reader detects and accepts as an override. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Column delimiters the reader detects and accepts as an override. */
export type Delimiter = ',' | ';' | '\t' | '|';

/** Options of {@link ImportApi.readTable}. Every detected value can be overridden. */
export interface ReadTableOptions {
  /**
   * Decode the whole file with this encoding instead of detecting it (BOM, UTF-8 — also when
   * a few bytes are not, which are then flagged per row — else Windows-1252).
   */
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

/** What {@link ImportApi.readTable} found, shown to the admin so they can correct it. */
export interface TableDetection {
  /** `text` is pasted text (a string source). */
  readonly format: 'csv' | 'xlsx' | 'text';
  /** Encoding used to decode bytes; `null` for XLSX and pasted text. */
  readonly encoding: TextEncodingName | null;
  /** The file started with a byte-order mark. */
  readonly bom: boolean;
  /** Delimiter used; `null` for XLSX. */
  readonly delimiter: Delimiter | null;
  /** Whether the first row is used as the header row. */
  readonly header: boolean;
  /** What header detection concluded (differs from `header` when the admin overrode it). */
  readonly headerDetected: boolean;
  /** XLSX: every sheet's name, in workbook order. Empty for text. */
  readonly sheets: readonly string[];
  /** XLSX: the sheet read. */
  readonly sheet: string | null;
}

/** Why a row was read with a warning. */
export type TableWarningCode = keyof TableWarningParams;

/** The facts behind each reader warning, so a UI can tell it in its own language. */
export interface TableWarningParams {
  /** A quoted cell is never closed: the rest of the file was read into it. */
  unclosed_quote: Record<string, never>;
  /** Text follows a quoted cell's closing quote (`"Doe" Jane`); it was kept. */
  malformed_quote: Record<string, never>;
  /** The row has more cells (`cells`) than the header row (`headerCells`). */
  extra_cells: { readonly cells: number; readonly headerCells: number };
  /** The row holds bytes that are not UTF-8 in a file read as UTF-8. */
  not_utf8: Record<string, never>;
}

/**
 * Something the reader noticed about one row; the plan shows it as a warning on the row.
 * Narrow on `code` to read `params`.
 */
export type TableWarning = {
  [C in TableWarningCode]: {
    /** File row number (the header is row 1). */
    readonly row: number;
    readonly code: C;
    readonly params: TableWarningParams[C];
    /** Plain English, for logs and SDK users: what is wrong and what to check. */
    readonly message: string;
  };
}[TableWarningCode];

/**
 * A remark about the whole file for the admin: the first row looks like data but is read
 * as column names (`value`: the cell that looks like data), or a reader warning about a
 * row no data row carries (the header row).
 */
export type TableNotice =
  | {
      readonly code: 'header_looks_like_data';
      readonly params: { readonly value: string };
      /** Plain English, for logs and SDK users. */
      readonly message: string;
    }
  | TableWarning;

/**
 * A file read into string cells. Blank rows are dropped; `rowNumbers` keeps each data
 * row's number in the file as a spreadsheet shows it (the header is row 1). A table is
 * never changed after reading: a corrected cell makes a new table.
 */
export interface Table {
  /** Column names: the header row, or `Column A`, `Column B`, … when there is none. */
  readonly headers: readonly string[];
  /** Data rows; every row has `headers.length` cells. */
  readonly rows: readonly (readonly string[])[];
  /** File row number of each data row (1-based, blank rows counted). */
  readonly rowNumbers: readonly number[];
  readonly detected: TableDetection;
  /** Remarks for the admin about the whole file (e.g. "the first row looks like data"). */
  readonly notices: readonly TableNotice[];
  /** Rows read with a warning (a stray quote, extra cells, bytes that are not UTF-8), in row order. */
  readonly warnings: readonly TableWarning[];
}

/** Default ceiling on data rows per import. */
export const DEFAULT_MAX_ROWS = 100_000;
/** Default ceiling on the size of an imported file. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
/** Most columns a row may have (a wider row is refused, not padded into every other row). */
export const MAX_COLUMNS = 1_000;
/** Most characters in one cell: Excel's own limit, so no real spreadsheet has more. */
export const MAX_CELL_LENGTH = 32_767;
/** XLSX: most bytes one workbook part (sheet, shared strings) may unpack to. */
export const MAX_ZIP_ENTRY_BYTES = 100 * 1024 * 1024;
/** XLSX: most bytes the parts read may unpack to together. */
export const MAX_ZIP_TOTAL_BYTES = 150 * 1024 * 1024;
