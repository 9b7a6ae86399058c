/**
 * Duplicate checks of import validation (keys grouped by hash in bulk, for speed) name the
 * same first row as a plain Map would, on files full of repeats and near-repeats.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { describe, it } from '@roster/test-support/harness';
import { readTable, suggestMapping, validateRows } from '../src/import/index.js';

/** The first row of each key, the obvious way. */
function expectedDuplicates(keys: string[], firstRow: number): (string | null)[] {
  const seen = new Map<string, number>();
  return keys.map((key, i) => {
    const first = seen.get(key);
    if (first === undefined) seen.set(key, firstRow + i);
    return first === undefined ? null : `duplicate of row ${first}`;
  });
}

describe('import validation: duplicates', () => {
  it('names the first row of every repeated email and external ID', async () => {
    // Short keys from a tiny alphabet: many repeats, differing only in case or by one letter.
    const key = fc.stringMatching(/^[abAB]{1,6}$/);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(key, key), { minLength: 1, maxLength: 300 }),
        async (rows) => {
          const lines = rows.map(([email, id], i) => `P${i},${email}@x.example,${id}`);
          const table = await readTable(['Name,Email,External ID', ...lines].join('\n'));
          const validated = validateRows(table, suggestMapping(table).mapping);
          const message = (field: string) =>
            validated.map((row) => row.issues.find((i) => i.field === field)?.message ?? null);
          expect(message('email')).to.deep.equal(
            expectedDuplicates(
              rows.map(([email]) => `${email}@x.example`.toLowerCase()),
              2,
            ),
          );
          expect(message('externalId')).to.deep.equal(
            expectedDuplicates(
              rows.map(([, id]) => id.toLowerCase()),
              2,
            ),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps every distinct key of a large file apart', async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `P${i},p${i}@x.example,${i}`);
    const table = await readTable(
      ['Name,Email,External ID', ...lines, 'Q,P7@X.example,19999'].join('\n'),
    );
    const validated = validateRows(table, suggestMapping(table).mapping);
    const issues = validated.flatMap((row) =>
      row.issues.map((i) => `${row.row} ${i.field}: ${i.message}`),
    );
    expect(issues).to.deep.equal([
      '20002 email: duplicate of row 9',
      '20002 externalId: duplicate of row 20001',
    ]);
  });

  it('lists a duplicate among the other issues of its row in field order', async () => {
    const id = 'E'.repeat(300);
    const text = [
      'Name,Email,Phone,External ID,Notes',
      `A,a@x.example,0825550101,${id},ok`,
      `B,A@x.example,12,${id},${'n'.repeat(10_001)}`,
      `C,c@x.example,082 555 0101,c,ok`,
    ].join('\n');
    const table = await readTable(text);
    const validated = validateRows(table, suggestMapping(table).mapping, { defaultCountry: 'ZA' });
    const issues = validated.map((row) => row.issues.map((i) => `${i.field} ${i.code}`));
    expect(issues).to.deep.equal([
      ['externalId too_long'],
      [
        'email duplicate',
        'phone invalid',
        'externalId too_long',
        'externalId duplicate',
        'notes too_long',
      ],
      ['phone duplicate'],
    ]);
  });
});
