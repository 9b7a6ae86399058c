/**
 * How deeply `text` (JSON, not yet parsed) nests arrays and objects, measured without
 * parsing: one pass over the characters, skipping strings. Stops as soon as the depth
 * passes `limit`, so a hostile body costs one linear scan, never a parse of a million
 * nested arrays (which takes most of a second of CPU and hundreds of MB in `JSON.parse`
 * and the validation after it).
 *
 * @returns `null` when the depth stays within `limit`, else the character offset of the
 *   first bracket beyond it.
 */
export function nestingBeyond(text: string, limit: number): number | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c /* \ */) i++;
      else if (char === 0x22 /* " */) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b /* [ */ || char === 0x7b /* { */) {
      depth++;
      if (depth > limit) return i;
    } else if (char === 0x5d /* ] */ || char === 0x7d /* } */) depth--;
  }
  return null;
}
