import type {
  ImportIssue,
  ImportIssueCode,
  ImportIssueParams,
  PhoneProblem,
  SkipReason,
  TableNotice,
  TextProblemParams,
} from '@roster/core';

/**
 * How the wizard tells each import issue, from its code and params (the engine's
 * `message` is English, for SDK users). One entry per code: the type makes a missing
 * one a compile error, and a test checks every code in both languages.
 */
export type IssueTexts = {
  [C in ImportIssueCode]: (params: ImportIssueParams[C]) => string;
};

/** How the wizard tells the reader's remarks about the whole file. */
export interface NoticeTexts {
  /** The first row is read as column names but looks like data (`value`). */
  headerLooksLikeData: (value: string) => string;
  /** A reader warning about a row no data row carries (the header row). */
  onRow: (row: number, text: string) => string;
}

/** Why the plan skips a row (`PlanEntry.skipped`). */
export type SkipTexts = {
  [B in SkipReason['because']]: (reason: Extract<SkipReason, { because: B }>) => string;
};

type KeyField = ImportIssueParams['conflict']['key'];

const KEYS_EN: Record<KeyField, string> = {
  email: 'email',
  phone: 'phone',
  externalId: 'external ID',
};
const KEYS_DE: Record<KeyField, string> = {
  email: 'die E-Mail',
  phone: 'die Telefonnummer',
  externalId: 'die externe ID',
};

const PHONE_EN: Record<PhoneProblem, (value: string) => string> = {
  empty: () => 'the phone number is empty',
  letters: (value) => `“${value}” contains letters`,
  too_short: (value) => `“${value}” is too short for a phone number`,
  no_country: (value) => `“${value}” needs a country code (e.g. +27…) or a default country`,
  not_a_number: (value) => `“${value}” is not a valid phone number`,
};
const PHONE_DE: Record<PhoneProblem, (value: string) => string> = {
  empty: () => 'die Telefonnummer ist leer',
  letters: (value) => `„${value}“ enthält Buchstaben`,
  too_short: (value) => `„${value}“ ist zu kurz für eine Telefonnummer`,
  no_country: (value) => `„${value}“ braucht eine Ländervorwahl (z. B. +27…) oder ein Standardland`,
  not_a_number: (value) => `„${value}“ ist keine gültige Telefonnummer`,
};

/** "position 4, column A" / "Position 4, Spalte A". */
function whereEn(p: TextProblemParams): string {
  return `position ${p.position}${p.column ? `, column ${p.column}` : ''}`;
}
function whereDe(p: TextProblemParams): string {
  return `Position ${p.position}${p.column ? `, Spalte ${p.column}` : ''}`;
}

const n = (count: number, locale: string): string => count.toLocaleString(locale);

export const issueTextsEn: IssueTexts = {
  required: ({ missing }) =>
    missing === 'name'
      ? 'name is required'
      : missing === 'email'
        ? 'email is required'
        : 'email or phone is required',
  invalid: ({ value, reason }) =>
    reason === undefined ? 'email is not valid' : PHONE_EN[reason](value),
  too_long: ({ limit, item, value }) =>
    value === undefined
      ? `longer than ${n(limit, 'en')} characters`
      : `group ${item ? `${item} ` : ''}“${value}…” is longer than ${n(limit, 'en')} characters`,
  duplicate: ({ row }) => `duplicate of row ${row}`,
  conflict: ({ key, user, matchedBy, matchedUser }) =>
    matchedBy === undefined
      ? `the ${KEYS_EN[key]} belongs to another user (${user})`
      : `the ${KEYS_EN[key]} belongs to ${user}, but the ${KEYS_EN[matchedBy]} belongs to ${matchedUser}`,
  unknown_group: ({ group }) =>
    `group “${group}” does not exist; it is added only if you choose to create missing groups`,
  unknown_role: ({ value, roles }) => `role “${value}” does not exist (roles: ${roles.join(', ')})`,
  control_character: (p) =>
    `${p.item ? `group ${p.item} ` : ''}contains the control character ${p.char} (${whereEn(p)}); remove it`,
  bidi_control: (p) =>
    `${p.item ? `group ${p.item} ` : ''}contains the bidirectional control ${p.char} (${whereEn(p)}), which can make text display in a misleading order; remove it`,
  unclosed_quote: () =>
    'a quoted cell is never closed, so the rest of the file was read into it — check the quotes (") in this row',
  malformed_quote: () =>
    'text follows a closing quote (e.g. "Doe" Jane); it was kept — check the quotes (") in this row',
  extra_cells: ({ cells, headerCells }) =>
    `this row has ${cells} cells, the header row ${headerCells} — check the delimiters and quotes in this row`,
  not_utf8: () => 'characters that are not UTF-8 — check the file’s encoding',
};

export const issueTextsDe: IssueTexts = {
  required: ({ missing }) =>
    missing === 'name'
      ? 'Name ist erforderlich'
      : missing === 'email'
        ? 'E-Mail ist erforderlich'
        : 'E-Mail oder Telefon ist erforderlich',
  invalid: ({ value, reason }) =>
    reason === undefined ? 'E-Mail ist ungültig' : PHONE_DE[reason](value),
  too_long: ({ limit, item, value }) =>
    value === undefined
      ? `länger als ${n(limit, 'de')} Zeichen`
      : `Gruppe ${item ? `${item} ` : ''}„${value}…“ ist länger als ${n(limit, 'de')} Zeichen`,
  duplicate: ({ row }) => `Duplikat von Zeile ${row}`,
  conflict: ({ key, user, matchedBy, matchedUser }) =>
    matchedBy === undefined
      ? `${KEYS_DE[key]} gehört einem anderen Benutzer (${user})`
      : `${KEYS_DE[key]} gehört ${user}, aber ${KEYS_DE[matchedBy]} gehört ${matchedUser}`,
  unknown_group: ({ group }) =>
    `die Gruppe „${group}“ gibt es nicht; sie wird nur angelegt, wenn Sie fehlende Gruppen anlegen lassen`,
  unknown_role: ({ value, roles }) =>
    `die Rolle „${value}“ gibt es nicht (Rollen: ${roles.join(', ')})`,
  control_character: (p) =>
    `${p.item ? `Gruppe ${p.item} ` : ''}enthält das Steuerzeichen ${p.char} (${whereDe(p)}); bitte entfernen`,
  bidi_control: (p) =>
    `${p.item ? `Gruppe ${p.item} ` : ''}enthält das Bidi-Steuerzeichen ${p.char} (${whereDe(p)}), durch das Text in irreführender Reihenfolge erscheinen kann; bitte entfernen`,
  unclosed_quote: () =>
    'eine Zelle in Anführungszeichen wird nie geschlossen, daher wurde der Rest der Datei in sie gelesen – prüfen Sie die Anführungszeichen (") in dieser Zeile',
  malformed_quote: () =>
    'nach einem schließenden Anführungszeichen folgt Text (z. B. "Doe" Jane); er wurde übernommen – prüfen Sie die Anführungszeichen (") in dieser Zeile',
  extra_cells: ({ cells, headerCells }) =>
    `diese Zeile hat ${cells} Zellen, die Kopfzeile ${headerCells} – prüfen Sie Trennzeichen und Anführungszeichen in dieser Zeile`,
  not_utf8: () => 'Zeichen, die kein UTF-8 sind – prüfen Sie die Zeichenkodierung der Datei',
};

export const skipTextsEn: SkipTexts = {
  exists: ({ by }) => `already in the directory (same ${KEYS_EN[by]})`,
  no_changes: () => 'no changes',
};

export const skipTextsDe: SkipTexts = {
  exists: ({ by }) =>
    `bereits im Verzeichnis (gleiche ${{ email: 'E-Mail', phone: 'Telefonnummer', externalId: 'externe ID' }[by]})`,
  no_changes: () => 'keine Änderungen',
};

export const noticeTextsEn: NoticeTexts = {
  headerLooksLikeData: (value) =>
    `The first row is being used as column names, but it looks like data (“${value}”). Turn off “First row is a header” to import it as a row.`,
  onRow: (row, text) => `Row ${row}: ${text}`,
};

export const noticeTextsDe: NoticeTexts = {
  headerLooksLikeData: (value) =>
    `Die erste Zeile wird als Spaltennamen verwendet, sieht aber nach Daten aus („${value}“). Schalten Sie „Erste Zeile enthält Spaltennamen“ aus, um sie als Zeile zu importieren.`,
  onRow: (row, text) => `Zeile ${row}: ${text}`,
};

/** What `issue` says, in the language of `texts`. */
export function issueText(issue: Pick<ImportIssue, 'code' | 'params'>, texts: IssueTexts): string {
  // `code` and `params` belong together (ImportIssue is a union by code).
  const text = texts[issue.code] as (params: ImportIssue['params']) => string;
  return text(issue.params);
}

/** What a reader notice says, in the language of `texts` and `notices`. */
export function noticeText(notice: TableNotice, texts: IssueTexts, notices: NoticeTexts): string {
  return notice.code === 'header_looks_like_data'
    ? notices.headerLooksLikeData(notice.params.value)
    : notices.onRow(notice.row, issueText(notice, texts));
}

/** Why the plan skips a row, in the language of `texts`. */
export function skipText(reason: SkipReason, texts: SkipTexts): string {
  return reason.because === 'exists' ? texts.exists(reason) : texts.no_changes(reason);
}
