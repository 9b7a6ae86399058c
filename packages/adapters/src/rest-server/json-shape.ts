/**
 * The shape of a JSON text, measured before it is parsed: how deeply arrays and objects
 * nest, and how many values it holds. One pass over the characters, skipping strings,
 * stopping at the first limit passed. A hostile body then costs one linear scan, never
 * a parse of a million nested arrays (most of a second of CPU and hundreds of MB in
 * `JSON.parse`), nor the validation of a million wrong values (zod reports each: 2
 * million cost 23 s and 1.3 GB), which `maxBodyBytes` alone allows.
 */

/** Limits of {@link jsonShapeProblem}. */
export interface JsonShapeLimits {
  /** Deepest nesting of arrays and objects. */
  maxDepth: number;
  /** Most values (array items and object members, at any depth). */
  maxValues: number;
}

/** The first limit `text` passes, and the character offset where it does. */
export type JsonShapeProblem = { limit: 'depth' | 'values'; at: number };

/**
 * The first limit of `limits` that `text` passes, or `null` when it stays within them.
 * Values are counted as separators plus containers: exact for well-formed JSON up to one
 * per container, which is all a limit needs.
 */
export function jsonShapeProblem(text: string, limits: JsonShapeLimits): JsonShapeProblem | null {
  let depth = 0;
  let values = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c /* \ */) i++;
      else if (char === 0x22 /* " */) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b /* [ */ || char === 0x7b /* { */) {
      depth++;
      values++;
      if (depth > limits.maxDepth) return { limit: 'depth', at: i };
    } else if (char === 0x5d /* ] */ || char === 0x7d /* } */) depth--;
    else if (char === 0x2c /* , */) values++;
    if (values > limits.maxValues) return { limit: 'values', at: i };
  }
  return null;
}
