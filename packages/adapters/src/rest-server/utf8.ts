/**
 * Strict UTF-8 for request bodies: a byte sequence that is not UTF-8 is refused instead
 * of being stored as U+FFFD, which would silently change the admin's data.
 */

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * The byte offset of the first byte that does not belong to a well-formed UTF-8 sequence
 * (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF), or `null` if all are.
 * Only run on bytes the decoder refused, to say where.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number | null {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    let length: number;
    let min = 0x80;
    let max = 0xbf;
    if (lead < 0x80) length = 1;
    else if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) min = 0xa0;
      if (lead === 0xed) max = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) min = 0x90;
      if (lead === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const byte = bytes[i + k];
      if (byte === undefined) return i;
      const low = k === 1 ? min : 0x80;
      const high = k === 1 ? max : 0xbf;
      if (byte < low || byte > high) return i;
    }
    i += length;
  }
  return null;
}

/** `bytes` as text, or the offset of the first byte that is not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { invalidAt: number } {
  try {
    return { text: strict.decode(bytes) };
  } catch {
    return { invalidAt: firstInvalidUtf8(bytes) ?? 0 };
  }
}
