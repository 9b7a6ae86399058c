import type { TextEncodingName } from './types.js';

/** Result of {@link decodeText}. */
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  bom: boolean;
}

/**
 * Decodes file bytes to text. A BOM decides (UTF-8, UTF-16 LE/BE); otherwise UTF-16 is
 * recognised by its zero bytes, then strict UTF-8 is tried and Windows-1252 (legacy
 * Excel "CSV") is the fallback. The BOM never reaches the text.
 */
export function decodeText(bytes: Uint8Array, forced?: TextEncodingName): DecodedText {
  const bomEncoding = sniffBom(bytes);
  let encoding = forced ?? bomEncoding ?? sniffUtf16(bytes);
  let text: string | null = null;
  if (encoding === null) {
    // One strict pass both checks and decodes; invalid UTF-8 is legacy Excel "CSV".
    text = strictUtf8(bytes);
    encoding = text === null ? 'windows-1252' : 'utf-8';
  }
  const bom = bomEncoding !== null && bomEncoding === encoding;
  // ignoreBOM false (the default) strips a matching BOM.
  text ??= new TextDecoder(encoding).decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, encoding, bom };
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
