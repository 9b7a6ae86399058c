import type { ImportField, ImportRowStatus, PlanAction } from '@roster/core';
import type { ImportWizardStep } from './events.js';
import { addMessages } from '../i18n/index.js';
import {
  issueTextsEn,
  noticeTextsEn,
  skipTextsEn,
  type IssueTexts,
  type NoticeTexts,
  type SkipTexts,
} from './issue-messages.js';
import {
  failureTextsEn,
  readFailureTextsEn,
  type FailureTexts,
  type ReadFailureTexts,
} from './failure-messages.js';

/** Texts of `<roster-import-wizard>`. */
export interface ImportWizardMessages {
  title: string;
  steps: Record<ImportWizardStep, string>;
  stepOf: (index: number, total: number) => string;
  back: string;
  next: string;
  // Source
  sourceHeading: string;
  tabFile: string;
  tabPaste: string;
  sourceTabs: string;
  dropZone: string;
  dropZoneHint: string;
  chooseFile: string;
  pasteLabel: string;
  pastePlaceholder: string;
  pasteHint: string;
  readPasted: string;
  downloadTemplate: string;
  templateHint: string;
  reading: string;
  readFailed: (reason: string) => string;
  /** Why a file could not be read, from the reader's failure reason. */
  readFailureTexts: ReadFailureTexts;
  fileRead: (name: string, rows: number) => string;
  pastedText: string;
  sheet: string;
  headerRow: string;
  encoding: string;
  delimiter: string;
  delimiters: Record<',' | ';' | '\t' | '|', string>;
  encodings: Record<'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252', string>;
  detected: string;
  detectedHeader: (detected: boolean) => string;
  /** Appended to the detected encoding or delimiter among the choices. */
  detectedChoice: (label: string) => string;
  readWarnings: (rows: number) => string;
  notUtf8Hint: string;
  preview: string;
  previewCaption: (shown: number, total: number) => string;
  noRows: string;
  // Mapping
  mappingHeading: string;
  mappingIntro: string;
  column: string;
  samples: string;
  field: string;
  confidence: string;
  fieldFor: (column: string) => string;
  ignore: string;
  fields: Record<ImportField, string>;
  required: string;
  byHeader: (percent: number) => string;
  byContent: (percent: number) => string;
  notRecognised: string;
  nameCombined: string;
  requiredName: string;
  requiredContact: string;
  requirementMet: string;
  requirementMissing: string;
  mappingIncomplete: string;
  defaultCountry: string;
  defaultCountryNone: string;
  defaultCountryHint: string;
  roleValues: string;
  roleValue: string;
  roleFor: (value: string) => string;
  defaultRole: (name: string) => string;
  unknownRole: string;
  rowsWith: (rows: number) => string;
  groupValues: string;
  groupFor: (value: string) => string;
  newGroup: string;
  existingGroup: string;
  newGroupsListed: (names: string) => string;
  // Review
  reviewHeading: string;
  checking: string;
  summary: (counts: Record<PlanAction, number>) => string;
  show: string;
  showAll: (count: number) => string;
  showErrors: (count: number) => string;
  showWarnings: (count: number) => string;
  warningsCount: (count: number) => string;
  noWarnings: string;
  warning: string;
  /** Each import issue and reader warning, from its code and params. */
  issueTexts: IssueTexts;
  /** The reader's remarks about the whole file. */
  noticeTexts: NoticeTexts;
  /** Why the plan skips a row. */
  skipTexts: SkipTexts;
  /** Why the backend did not take a row (the report row's failure code). */
  failureTexts: FailureTexts;
  rows: string;
  rowNumber: string;
  status: string;
  issues: string;
  actions: Record<PlanAction, string>;
  selectRow: (row: number) => string;
  selectAllValid: string;
  selectedCount: (count: number) => string;
  fixColumn: string;
  editRow: (row: number) => string;
  saveRow: (row: number) => string;
  cancelEdit: string;
  cellLabel: (field: string, row: number) => string;
  rowFixed: (row: number) => string;
  rowStillInvalid: (row: number, issues: string) => string;
  noErrors: string;
  options: string;
  sendInvites: string;
  createGroups: (count: number) => string;
  existingUsers: string;
  existingSkip: string;
  existingUpdate: string;
  existingReinvite: string;
  importAllValid: (count: number) => string;
  importSelected: (count: number) => string;
  nothingToImport: string;
  // Import
  importHeading: string;
  progress: (done: number, total: number) => string;
  cancelImport: string;
  cancelling: string;
  // Result
  resultHeading: string;
  resultCancelled: string;
  /** The server restarted mid-import without durable storage and lost this many rows. */
  lostInRestart: (rows: number) => string;
  outcome: Record<ImportRowStatus, string>;
  reinvited: (count: number) => string;
  groupsCreated: (names: string) => string;
  downloadReport: string;
  showUsers: string;
  undo: (count: number) => string;
  undoing: string;
  undone: (count: number) => string;
  undoFailed: (reason: string) => string;
  importAnother: string;
  failedRows: string;
}

const FIELDS_EN: Record<ImportField, string> = {
  name: 'Name',
  firstName: 'First name',
  middleName: 'Middle name',
  lastName: 'Last name',
  email: 'Email',
  phone: 'Phone',
  groups: 'Groups',
  role: 'Role',
  notes: 'Notes',
  externalId: 'External ID',
};

const n = (count: number, locale: string): string => count.toLocaleString(locale);

export const en: ImportWizardMessages = {
  title: 'Import users',
  steps: {
    source: 'File',
    mapping: 'Columns',
    review: 'Review',
    import: 'Import',
    result: 'Result',
  },
  stepOf: (index, total) => `Step ${index} of ${total}`,
  back: 'Back',
  next: 'Next',
  sourceHeading: 'Choose a file or paste a list',
  tabFile: 'File',
  tabPaste: 'Paste',
  sourceTabs: 'Where the users come from',
  dropZone: 'Drop a file here or choose one',
  dropZoneHint: 'CSV, TSV or Excel (XLSX), up to 100,000 rows.',
  chooseFile: 'Choose a file',
  pasteLabel: 'Pasted list',
  pastePlaceholder: 'name, mobile, notes\nSipho Dlamini, 082 123 4567, front gate',
  pasteHint: 'One person per line: name, mobile, notes.',
  readPasted: 'Read the list',
  downloadTemplate: 'Download the template',
  templateHint: 'A CSV file with the columns the import reads without help.',
  reading: 'Reading…',
  readFailed: (reason) => `The file could not be read: ${reason}`,
  readFailureTexts: readFailureTextsEn,
  fileRead: (name, rows) => `${name}: ${n(rows, 'en')} ${rows === 1 ? 'row' : 'rows'}`,
  pastedText: 'Pasted list',
  sheet: 'Sheet',
  headerRow: 'First row is a header',
  encoding: 'Encoding',
  delimiter: 'Delimiter',
  delimiters: { ',': 'Comma (,)', ';': 'Semicolon (;)', '\t': 'Tab', '|': 'Pipe (|)' },
  encodings: {
    'utf-8': 'UTF-8',
    'utf-16le': 'UTF-16 LE',
    'utf-16be': 'UTF-16 BE',
    'windows-1252': 'Windows-1252 (Western European)',
  },
  detected: 'Detected',
  detectedHeader: (detected) =>
    detected ? 'The first row looks like column names.' : 'The first row looks like data.',
  detectedChoice: (label) => `${label} (detected)`,
  readWarnings: (rows) =>
    `${n(rows, 'en')} ${rows === 1 ? 'row was' : 'rows were'} read with a warning: the review shows ${rows === 1 ? 'it' : 'them'}.`,
  notUtf8Hint:
    'Some characters are not valid UTF-8 (shown as �): if names look wrong, choose another encoding.',
  preview: 'Preview',
  previewCaption: (shown, total) => `First ${n(shown, 'en')} of ${n(total, 'en')} rows`,
  noRows: 'This file has no rows to import.',
  mappingHeading: 'Match the columns',
  mappingIntro: 'Choose which field each column fills. Columns set to “Ignore” are not imported.',
  column: 'Column',
  samples: 'Sample values',
  field: 'Field',
  confidence: 'Match',
  fieldFor: (column) => `Field for column ${column}`,
  ignore: 'Ignore',
  fields: FIELDS_EN,
  required: 'required',
  byHeader: (percent) => `By column name, ${percent}%`,
  byContent: (percent) => `Guessed from the values, ${percent}%`,
  notRecognised: 'Not recognised',
  nameCombined: 'First, middle and last name are combined into the name.',
  requiredName: 'Name (or first and last name)',
  requiredContact: 'Email or phone',
  requirementMet: 'mapped',
  requirementMissing: 'missing',
  mappingIncomplete: 'Map a name column and an email or phone column to continue.',
  defaultCountry: 'Country for phone numbers without a country code',
  defaultCountryNone: 'None (numbers must start with +)',
  defaultCountryHint: 'Numbers are stored in international form, e.g. +27821234567.',
  roleValues: 'Roles in the file',
  roleValue: 'Value in the file',
  roleFor: (value) => `Role for “${value}”`,
  defaultRole: (name) => `Default role (${name})`,
  unknownRole: 'Not a role: rows are flagged',
  rowsWith: (rows) => `${n(rows, 'en')} ${rows === 1 ? 'row' : 'rows'}`,
  groupValues: 'Groups in the file',
  groupFor: (value) => `Group for “${value}”`,
  newGroup: 'New group',
  existingGroup: 'Existing group',
  newGroupsListed: (names) => `New groups: ${names}`,
  reviewHeading: 'Review the rows',
  checking: 'Checking the rows…',
  summary: (c) =>
    `${n(c.create, 'en')} to create, ${n(c.update, 'en')} to update, ${n(c.skip, 'en')} to skip, ${n(c.error, 'en')} with errors`,
  show: 'Show',
  showAll: (count) => `All rows (${n(count, 'en')})`,
  showErrors: (count) => `Rows with errors (${n(count, 'en')})`,
  showWarnings: (count) => `Rows with warnings (${n(count, 'en')})`,
  warningsCount: (count) => `${n(count, 'en')} with warnings`,
  noWarnings: 'No rows with warnings.',
  warning: 'Warning',
  issueTexts: issueTextsEn,
  noticeTexts: noticeTextsEn,
  skipTexts: skipTextsEn,
  failureTexts: failureTextsEn,
  rows: 'Rows',
  rowNumber: 'Row',
  status: 'Status',
  issues: 'Issues',
  actions: { create: 'New', update: 'Update', skip: 'Skip', error: 'Error' },
  selectRow: (row) => `Select row ${row}`,
  selectAllValid: 'Select all valid rows',
  selectedCount: (count) => `${n(count, 'en')} selected`,
  fixColumn: 'Fix',
  editRow: (row) => `Fix row ${row}`,
  saveRow: (row) => `Check row ${row} again`,
  cancelEdit: 'Cancel',
  cellLabel: (field, row) => `${field}, row ${row}`,
  rowFixed: (row) => `Row ${row} is fine now.`,
  rowStillInvalid: (row, issues) => `Row ${row} still has problems: ${issues}`,
  noErrors: 'No rows with errors.',
  options: 'Options',
  sendInvites: 'Send new users an invitation',
  createGroups: (count) =>
    count === 0
      ? 'Create missing groups'
      : `Create ${n(count, 'en')} missing ${count === 1 ? 'group' : 'groups'}`,
  existingUsers: 'Users who already exist',
  existingSkip: 'Skip them',
  existingUpdate: 'Update their details',
  existingReinvite: 'Invite again those who never signed in',
  importAllValid: (count) => `Import all valid (${n(count, 'en')})`,
  importSelected: (count) => `Import selected (${n(count, 'en')})`,
  nothingToImport: 'No row can be imported yet: fix the rows with errors or go back.',
  importHeading: 'Importing',
  progress: (done, total) => `${n(done, 'en')} of ${n(total, 'en')} rows`,
  cancelImport: 'Cancel the import',
  cancelling: 'Cancelling after this batch…',
  resultHeading: 'Import finished',
  resultCancelled: 'Import cancelled: rows not reached were not imported.',
  lostInRestart: (rows) =>
    rows === 1
      ? 'The server restarted during the import and does not keep its data: 1 row imported before the restart is gone and counted as not imported. Check the directory and import it again.'
      : `The server restarted during the import and does not keep its data: ${n(rows, 'en')} rows imported before the restart are gone and counted as not imported. Check the directory and import them again.`,
  outcome: {
    created: 'Created',
    updated: 'Updated',
    skipped: 'Skipped',
    failed: 'Failed',
    cancelled: 'Not reached',
  },
  reinvited: (count) =>
    `${n(count, 'en')} existing ${count === 1 ? 'user' : 'users'} invited again.`,
  groupsCreated: (names) => `Groups created: ${names}`,
  downloadReport: 'Download the report (CSV)',
  showUsers: 'Show the imported users',
  undo: (count) =>
    `Undo this import (delete ${n(count, 'en')} new ${count === 1 ? 'user' : 'users'})`,
  undoing: 'Deleting the new users…',
  undone: (count) =>
    `${n(count, 'en')} ${count === 1 ? 'user' : 'users'} deleted. They can be restored from the deleted users.`,
  undoFailed: (reason) => `The import could not be undone: ${reason}`,
  importAnother: 'Import another file',
  failedRows: 'Rows not imported',
};

addMessages('importWizard', en);
