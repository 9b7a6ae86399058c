/**
 * A fingerprint of a table's rows and row numbers: the worker takes one when it reads a
 * file, the page takes one before validating, and equal fingerprints mean the worker's own
 * copy of the rows can be validated instead of the page sending every row back.
 *
 * Two independent 32-bit FNV-1a hashes over every cell, with separators between cells and
 * rows and the row numbers mixed in: an edited cell, a removed or added row, or a moved
 * value changes it. Built incrementally, so the page can take it in time slices.
 */
export class TableFingerprint {
  private a = 0x811c9dc5;
  private b = 0x01000193;
  private rows = 0;

  /** Adds rows `from` (inclusive) to `to` (exclusive). */
  add(
    rows: readonly (readonly string[])[],
    rowNumbers: readonly number[],
    from = 0,
    to = rows.length,
  ): this {
    let a = this.a;
    let b = this.b;
    for (let r = from; r < to; r++) {
      const cells = rows[r]!;
      for (let c = 0; c < cells.length; c++) {
        const cell = cells[c] ?? '';
        for (let i = 0; i < cell.length; i++) {
          const code = cell.charCodeAt(i);
          a = Math.imul(a ^ code, 0x01000193);
          b = Math.imul(b ^ code, 0x5bd1e995);
        }
        // Cell separator: ['ab', 'c'] and ['a', 'bc'] differ.
        a = Math.imul(a ^ 0x1f, 0x01000193);
        b = Math.imul(b ^ 0x1f, 0x5bd1e995);
      }
      const number = rowNumbers[r] ?? -1;
      a = Math.imul(a ^ (number | 0) ^ 0x1e0000, 0x01000193);
      b = Math.imul(b ^ (number | 0) ^ 0x1e0000, 0x5bd1e995);
    }
    this.a = a;
    this.b = b;
    this.rows += to - from;
    return this;
  }

  /** The fingerprint so far, as text (row count and both hashes). */
  digest(): string {
    return `${this.rows}:${(this.a >>> 0).toString(36)}:${(this.b >>> 0).toString(36)}`;
  }
}
