/**
 * The keyword index's token table finds, for any prefix, exactly the slots of the tokens
 * that start with it, whether those tokens are packed, pending, or both (a token added
 * again after a merge), before and after merges.
 */
import { describe, it } from '@roster/test-support/harness';
import { expect } from 'chai';
import fc from 'fast-check';
import { TokenTable } from '../src/memory/token-table.js';

const token = fc.string({ minLength: 1, maxLength: 4, unit: fc.constantFrom('a', 'b', 'é', '1') });

/** What the table must answer: every slot of every token starting with `prefix`, sorted. */
function expected(added: [string, number][], prefix: string): number[] {
  return added
    .filter(([t]) => t.startsWith(prefix))
    .map(([, slot]) => slot)
    .sort((a, b) => a - b);
}

function found(table: TokenTable, prefix: string): number[] {
  return table
    .slotsWithPrefix(prefix)
    .flatMap((run) => [...run])
    .sort((a, b) => a - b);
}

describe('memory store: token table', () => {
  it('finds every slot of every token a prefix starts, packed, pending or both', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(token, { maxLength: 30 }), { minLength: 1, maxLength: 4 }),
        fc.array(token, { minLength: 1, maxLength: 8 }),
        (batches, prefixes) => {
          const table = new TokenTable();
          const added: [string, number][] = [];
          let slot = 0;
          for (const batch of batches) {
            for (const t of batch) {
              table.add(t, slot);
              added.push([t, slot++]);
            }
            for (const prefix of prefixes)
              expect(found(table, prefix), `${prefix} before merge`).to.deep.equal(
                expected(added, prefix),
              );
            table.merge();
            for (const prefix of prefixes)
              expect(found(table, prefix), `${prefix} after merge`).to.deep.equal(
                expected(added, prefix),
              );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
