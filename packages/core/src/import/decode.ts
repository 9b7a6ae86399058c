import type { TextEncodingName } from './types.js';

/** Result of {@link decodeText}. */
export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
  readonly bom: boolean;
  /**
   * Some bytes were not valid in `encoding` and became U+FFFD (only for a file that is
   * mostly UTF-8): the rows holding them are flagged.
   */
  readonly lossy: boolean;
}

/**
 * Decodes file bytes to text. A BOM decides (UTF-8, UTF-16 LE/BE); otherwise UTF-16 is
 * recognised by its zero bytes, then UTF-8 is tried. Bytes that are not UTF-8 make the file
 * Windows-1252 (legacy Excel "CSV") only when there is no valid multi-byte UTF-8 sequence to
 * outweigh them: one stray byte in a UTF-8 file must not turn every `ö` into `Ã¶`. The BOM
 * never reaches the text. `forced` decodes the whole file with the admin's choice.
 */
export function decodeText(bytes: Uint8Array, forced?: TextEncodingName): DecodedText {
  const bomEncoding = sniffBom(bytes);
  let encoding = forced ?? bomEncoding ?? sniffUtf16(bytes);
  let text: string | null = null;
  let lossy = false;
  if (encoding === null) {
    text = strictUtf8(bytes);
    if (text !== null) encoding = 'utf-8';
    else if (mostlyUtf8(bytes)) {
      encoding = 'utf-8';
      lossy = true;
    } else encoding = 'windows-1252';
  } else if (encoding === 'utf-8' && strictUtf8(bytes) === null) lossy = true;
  const bom = bomEncoding !== null && bomEncoding === encoding;
  // ignoreBOM false (the default) strips a matching BOM.
  text ??= new TextDecoder(encoding).decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, encoding, bom, lossy };
}

function sniffBom(bytes: Uint8Array): TextEncodingName | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** UTF-16 without BOM: ASCII text leaves every other byte zero. */
function sniffUtf16(bytes: Uint8Array): TextEncodingName | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

const strict = new TextDecoder('utf-8', { fatal: true });

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return strict.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * More well-formed multi-byte UTF-8 sequences than bytes that fit none. Windows-1252 text
 * almost never forms a valid sequence (a lead byte followed by the right number of
 * continuation bytes), so a valid one is strong evidence of UTF-8.
 */
function mostlyUtf8(bytes: Uint8Array): boolean {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length =
      lead >= 0xc2 && lead <= 0xdf
        ? 2
        : lead >= 0xe0 && lead <= 0xef
          ? 3
          : lead >= 0xf0 && lead <= 0xf4
            ? 4
            : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += length;
    } else {
      invalid++;
      i++;
    }
  }
  return valid > 0 && valid >= invalid;
}
