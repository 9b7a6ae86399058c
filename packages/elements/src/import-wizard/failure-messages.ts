import type {
  ImportFailure,
  ImportFailureCode,
  ImportField,
  ReadFailure,
  ReadFailureReason,
} from '@roster/core';

/**
 * How the wizard tells why a row was not imported, from the report row's failure code
 * (`field`: the field the backend named, in the admin's language, when it named one).
 * The report's `message` stays English for SDK users and the downloadable CSV.
 */
export type FailureTexts = { [C in ImportFailureCode]: (field: string | undefined) => string };

/** How the wizard tells why a file could not be read, from the reader's failure reason. */
export type ReadFailureTexts = {
  [R in ReadFailureReason]: (failure: Extract<ReadFailure, { reason: R }>) => string;
};

const n = (count: number, locale: string): string => count.toLocaleString(locale);
const mb = (bytes: number, locale: string, digits: number): string =>
  (bytes / 1024 / 1024).toLocaleString(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });

export const failureTextsEn: FailureTexts = {
  rejected: () => 'the row has errors',
  validation: (field) =>
    field
      ? `the directory refused the value for ${field}`
      : 'the directory refused this row’s data',
  conflict: (field) =>
    field
      ? `${field} is already used by another user`
      : 'someone else changed this user meanwhile; reload and try again',
  not_found: () => 'the user no longer exists',
  forbidden: () => 'you may not make this change',
  rule: () => 'a directory rule refused this row',
  unsupported: () => 'this directory cannot do this',
  unavailable: () => 'the directory could not be reached; nothing was changed for this row',
  aborted: () => 'not imported: the import was cancelled',
  lost_in_restart: () =>
    'may not be stored: the server restarted during the import and lost what it held — check the directory and import this row again',
};

export const failureTextsDe: FailureTexts = {
  rejected: () => 'die Zeile hat Fehler',
  validation: (field) =>
    field
      ? `das Verzeichnis hat das Feld „${field}“ abgelehnt`
      : 'das Verzeichnis hat die Daten dieser Zeile abgelehnt',
  conflict: (field) =>
    field
      ? `das Feld „${field}“ ist bereits bei einem anderen Benutzer eingetragen`
      : 'jemand anderes hat diesen Benutzer inzwischen geändert; neu laden und erneut versuchen',
  not_found: () => 'den Benutzer gibt es nicht mehr',
  forbidden: () => 'Sie dürfen diese Änderung nicht vornehmen',
  rule: () => 'eine Regel des Verzeichnisses hat diese Zeile abgelehnt',
  unsupported: () => 'dieses Verzeichnis kann das nicht',
  unavailable: () => 'das Verzeichnis war nicht erreichbar; für diese Zeile wurde nichts geändert',
  aborted: () => 'nicht importiert: der Import wurde abgebrochen',
  lost_in_restart: () =>
    'möglicherweise nicht gespeichert: der Server wurde während des Imports neu gestartet und hat verloren, was er hielt – prüfen Sie das Verzeichnis und importieren Sie diese Zeile erneut',
};

export const readFailureTextsEn: ReadFailureTexts = {
  file_too_large: ({ max, actual }) =>
    `this file is ${mb(actual, 'en', 1)} MB; the most one import can take is ${mb(max, 'en', 0)} MB. Split it into smaller files.`,
  too_many_rows: ({ max }) =>
    `this file has more than ${n(max, 'en')} rows, the most one import can take. Split it into smaller files and import them one after another.`,
  too_many_columns: ({ row, max, actual }) =>
    `row ${row} has ${n(actual, 'en')} columns; at most ${n(max, 'en')} can be imported. Remove the extra columns and try again.`,
  cell_too_long: ({ max, row, column }) =>
    `${row === undefined ? 'a cell' : `row ${row}${column ? `, column ${column}` : ''}`} holds more than ${n(max, 'en')} characters, the most a cell can hold. If the file has a quote (") that is never closed, close it.`,
  unpacked_too_large: ({ max }) =>
    `this workbook unpacks to more than ${mb(max, 'en', 0)} MB, the most one import reads. Save only the sheet with the users as a new workbook, or as CSV.`,
  damaged_workbook: () => 'this workbook is damaged. Save it again from Excel, or as CSV.',
  not_a_workbook: () =>
    'this file could not be read as an Excel workbook (.xlsx). Save it again from Excel, or as CSV.',
  legacy_excel: () =>
    'old Excel files (.xls) cannot be read. Save the file as .xlsx or CSV and try again.',
  no_sheets: () => 'this workbook has no sheets.',
  no_such_sheet: ({ sheet, sheets }) =>
    `this workbook has no sheet named “${sheet}”. Its sheets are: ${sheets.join(', ')}.`,
};

export const readFailureTextsDe: ReadFailureTexts = {
  file_too_large: ({ max, actual }) =>
    `diese Datei ist ${mb(actual, 'de', 1)} MB groß; ein Import nimmt höchstens ${mb(max, 'de', 0)} MB. Teilen Sie sie in kleinere Dateien auf.`,
  too_many_rows: ({ max }) =>
    `diese Datei hat mehr als ${n(max, 'de')} Zeilen, mehr als ein Import nehmen kann. Teilen Sie sie in kleinere Dateien auf und importieren Sie sie nacheinander.`,
  too_many_columns: ({ row, max, actual }) =>
    `Zeile ${row} hat ${n(actual, 'de')} Spalten; höchstens ${n(max, 'de')} können importiert werden. Entfernen Sie die überzähligen Spalten und versuchen Sie es erneut.`,
  cell_too_long: ({ max, row, column }) =>
    `${row === undefined ? 'eine Zelle' : `Zeile ${row}${column ? `, Spalte ${column}` : ''}`} enthält mehr als ${n(max, 'de')} Zeichen, mehr als eine Zelle fassen kann. Enthält die Datei ein Anführungszeichen ("), das nie geschlossen wird, schließen Sie es.`,
  unpacked_too_large: ({ max }) =>
    `diese Arbeitsmappe wird entpackt größer als ${mb(max, 'de', 0)} MB, mehr als ein Import liest. Speichern Sie nur das Blatt mit den Benutzern als neue Arbeitsmappe oder als CSV.`,
  damaged_workbook: () =>
    'diese Arbeitsmappe ist beschädigt. Speichern Sie sie in Excel erneut oder als CSV.',
  not_a_workbook: () =>
    'diese Datei konnte nicht als Excel-Arbeitsmappe (.xlsx) gelesen werden. Speichern Sie sie in Excel erneut oder als CSV.',
  legacy_excel: () =>
    'alte Excel-Dateien (.xls) können nicht gelesen werden. Speichern Sie die Datei als .xlsx oder CSV und versuchen Sie es erneut.',
  no_sheets: () => 'diese Arbeitsmappe hat keine Blätter.',
  no_such_sheet: ({ sheet, sheets }) =>
    `diese Arbeitsmappe hat kein Blatt namens „${sheet}“. Ihre Blätter: ${sheets.join(', ')}.`,
};

/**
 * Why a report row failed, in the language of `texts` (`fields`: the field labels); the
 * row's English `message` for a code this table does not know (a newer backend's).
 */
export function failureText(
  row: { failure?: ImportFailure; message: string },
  texts: FailureTexts,
  fields: Record<ImportField, string>,
): string {
  const text = row.failure ? (texts as Partial<FailureTexts>)[row.failure.code] : undefined;
  if (!text) return row.message;
  const field = row.failure?.field;
  return text(
    field === undefined || !Object.hasOwn(fields, field) ? field : fields[field as ImportField],
  );
}

/** Why the file could not be read, in the language of `texts`. */
export function readFailureText(failure: ReadFailure, texts: ReadFailureTexts): string {
  // `reason` and the rest belong together (ReadFailure is a union by reason).
  const text = texts[failure.reason] as (failure: ReadFailure) => string;
  return text(failure);
}
