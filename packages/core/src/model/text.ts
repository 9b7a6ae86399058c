import * as z from 'zod/mini';

/**
 * Characters no text field accepts: C0 controls (U+0000–U+001F, DEL U+007F) are
 * invisible and break files and terminals; bidi embedding, override and isolate controls
 * (U+202A–U+202E, U+2066–U+2069) make text display in another order than it is stored
 * ("AAC \u202Eexe.live gnp." shows as "AAC gnp.evil.exe"). Tab and line breaks are allowed
 * only where a field is multi-line (notes, descriptions).
 */
/* eslint-disable no-control-regex -- matching control characters is their point */
const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001F\u007F\u202A-\u202E\u2066-\u2069]/u;
const MULTI_LINE_FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/u;
/* eslint-enable no-control-regex */

/** Why a text value is refused, for a zod issue or an import cell. */
export type TextProblem = 'control_character' | 'bidi_control';

/** A refused character found by {@link textProblem}. */
export interface TextProblemFound {
  readonly problem: TextProblem;
  /** The character's code point, `U+0000`. */
  readonly char: string;
  /** Its position in the value, 1-based. */
  readonly position: number;
  /** Plain English, naming the field, the character and its position. */
  readonly message: string;
}

/** Which kind of text a field holds. */
export interface TextRules {
  /** Tab, LF and CR allowed (notes, descriptions). Default false. */
  multiline?: boolean;
}

function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The first character `value` may not hold, with a message naming the field, the
 * character and its position; `null` when the text is acceptable. Import validation
 * and the schemas below share it, so a file and a form refuse the same text.
 *
 * @example
 * ```ts
 * textProblem('Ann\u0000', 'name');
 * // { problem: 'control_character', char: 'U+0000', position: 4, message: 'name contains the control character U+0000 (position 4); remove it' }
 * textProblem('line 1\nline 2', 'notes', { multiline: true }); // null
 * ```
 */
export function textProblem(
  value: string,
  field: string,
  rules: TextRules = {},
): TextProblemFound | null {
  const match = (rules.multiline ? MULTI_LINE_FORBIDDEN : SINGLE_LINE_FORBIDDEN).exec(value);
  if (!match) return null;
  const char = codePoint(match[0]);
  const position = match.index + 1;
  const where = `${char} (position ${position})`;
  return match[0].codePointAt(0)! >= 0x202a
    ? {
        problem: 'bidi_control',
        char,
        position,
        message: `${field} contains the bidirectional control ${where}, which can make text display in a misleading order; remove it`,
      }
    : {
        problem: 'control_character',
        char,
        position,
        message: `${field} contains the control character ${where}; remove it`,
      };
}

/**
 * A string schema refusing control and bidi characters (see {@link textProblem}) with
 * a `custom` issue on the field whose `params.reason` is the {@link TextProblem}.
 * Length limits stay on the schema (`z.maxLength`), so {@link maxLengthOf} reads them back.
 */
export function safeText(field: string, rules: TextRules = {}): z.ZodMiniString<string> {
  return z.string().check(refuseUnsafeText(field, rules));
}

/** The check of {@link safeText}, to add to a string schema after its trim: `.check(...)`. */
export function refuseUnsafeText(field: string, rules: TextRules = {}) {
  return z.superRefine<string>((value, ctx) => {
    const found = textProblem(value, field, rules);
    if (found)
      ctx.addIssue({ code: 'custom', message: found.message, params: { reason: found.problem } });
  });
}
