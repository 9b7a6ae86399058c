import * as z from 'zod/mini';
import { isRosterError } from '../errors/index.js';

/**
 * Why `readTable` refused a file, with what a UI needs to say it in its own words. The
 * reader's {@link RuleError} carries it in `details` (so it crosses the import worker
 * with the error); its `message` says the same in English for SDK users.
 *
 * - `file_too_large`: the file is over the byte limit (`max`, `actual` bytes).
 * - `too_many_rows`: more than `max` data rows.
 * - `too_many_columns`: row `row` has `actual` columns, over `max`.
 * - `cell_too_long`: a cell (at `row`, `column` when known) is over `max` characters.
 * - `unpacked_too_large`: a workbook's parts unpack to more than `max` bytes.
 * - `damaged_workbook`: a workbook part unpacks to more than it declares.
 * - `not_a_workbook`: a zip or `.xlsx` file that is no readable workbook.
 * - `legacy_excel`: an old Excel file (.xls).
 * - `no_sheets`: a workbook without sheets.
 * - `no_such_sheet`: the sheet asked for (`sheet`) is not among `sheets`.
 */
export type ReadFailure = z.infer<typeof ReadFailureSchema>;
/** One of the `reason`s of {@link ReadFailure}. */
export type ReadFailureReason = ReadFailure['reason'];

const ReadFailureSchema = z.discriminatedUnion('reason', [
  z.object({ reason: z.literal('file_too_large'), max: z.number(), actual: z.number() }),
  z.object({ reason: z.literal('too_many_rows'), max: z.number() }),
  z.object({
    reason: z.literal('too_many_columns'),
    row: z.number(),
    max: z.number(),
    actual: z.number(),
  }),
  z.object({
    reason: z.literal('cell_too_long'),
    max: z.number(),
    row: z.optional(z.number()),
    column: z.optional(z.string()),
  }),
  z.object({ reason: z.literal('unpacked_too_large'), max: z.number() }),
  z.object({ reason: z.literal('damaged_workbook') }),
  z.object({ reason: z.literal('not_a_workbook') }),
  z.object({ reason: z.literal('legacy_excel') }),
  z.object({ reason: z.literal('no_sheets') }),
  z.object({ reason: z.literal('no_such_sheet'), sheet: z.string(), sheets: z.array(z.string()) }),
]);

/**
 * The {@link ReadFailure} a `readTable` refusal carries, or `null` for any other error
 * (show its `message` then).
 *
 * @example
 * ```ts
 * try { await roster.import.readTable(file); }
 * catch (error) {
 *   const failure = readFailureOf(error);
 *   if (failure?.reason === 'too_many_rows') alert(`At most ${failure.max} rows`);
 * }
 * ```
 */
export function readFailureOf(error: unknown): ReadFailure | null {
  if (!isRosterError(error, 'rule')) return null;
  const parsed = z.safeParse(ReadFailureSchema, error.details);
  return parsed.success ? parsed.data : null;
}
