/**
 * The key filter behind fast bulk imports: it must never say "absent" for a stored key
 * (that would let a duplicate email through to the unique index and fail the whole
 * batch), and must rarely say "maybe" for a new one (each costs a read that waits for
 * the batch's queued writes).
 */
import { describe, it } from '@roster/test-support/harness';
import { expect } from 'chai';
import { filterKey, KeyFilter } from '../src/indexeddb/key-filter.js';

function filled(count: number): KeyFilter {
  const filter = KeyFilter.empty();
  for (let i = 0; i < count; i++) {
    filter.add(filterKey.user(`person-${i}`));
    filter.add(filterKey.email(`first${i % 60}.last${i % 50}${i}@acme.example`));
  }
  return filter;
}

describe('indexeddb: key filter', () => {
  it('never forgets a key, across layer growth', () => {
    const filter = filled(30_000);
    expect(filter.layers.length, 'grew beyond the first layer').to.be.greaterThan(1);
    for (let i = 0; i < 30_000; i++) {
      if (!filter.mayContain(filterKey.user(`person-${i}`))) throw new Error(`lost person-${i}`);
      if (!filter.mayContain(filterKey.email(`first${i % 60}.last${i % 50}${i}@acme.example`)))
        throw new Error(`lost email ${i}`);
    }
  });

  it('says "maybe" for fewer than 1 in 5,000 new keys', () => {
    const filter = filled(30_000);
    let maybe = 0;
    const tries = 200_000;
    for (let i = 0; i < tries; i++) if (filter.mayContain(filterKey.user(`newcomer-${i}`))) maybe++;
    expect(maybe / tries).to.be.below(1 / 5000);
  });

  it('restores from its stored segments, and refuses segments that do not fit', () => {
    const filter = filled(10_000);
    const segments = filter.takeDirty();
    const restored = KeyFilter.restore(filter.layers, segments);
    expect(restored).to.not.equal(null);
    for (let i = 0; i < 10_000; i += 97)
      expect(restored!.mayContain(filterKey.user(`person-${i}`))).to.equal(true);
    expect(KeyFilter.restore(filter.layers, segments.slice(1)), 'a segment missing').to.equal(null);
    expect(KeyFilter.restore([], segments), 'no layers').to.equal(null);
  });
});
