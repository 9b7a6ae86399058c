/**
 * The table's phone formatter (and libphonenumber-js's metadata, ~29 kB) downloads with
 * the first phone it shows, not with the table: a directory without phones never pays for it.
 */
import { fixture, html, expect } from '@open-wc/testing';
import { createRoster } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import { describe, it } from '@roster/test-support/harness';
import type { RosterUserTableElement } from '@roster/elements/user-table';
import '@roster/elements/user-table';
import { allByRole } from './support/by-role.js';
import { until } from './support/until.js';

// An observer, not `performance.getEntriesByType`: the page's resource timing buffer
// (250 entries) is full of the test runner's modules long before the test runs.
const downloads: PerformanceResourceTiming[] = [];
new PerformanceObserver((list) => {
  downloads.push(...(list.getEntries() as PerformanceResourceTiming[]));
}).observe({ type: 'resource' });

/** When the page started downloading the table's phone formatter, if it has. */
function formatterRequestedAt(): number | undefined {
  return downloads.find((entry) => /\/format-phone\.[jt]s/.test(entry.name))?.startTime;
}

describe('the user table downloads its phone formatter with the first phone it shows', () => {
  it('not for users without phones; then, once a user with a phone is in view, formatted', async () => {
    const roster = createRoster({ backend: memoryBackend(), defaultCountry: 'ZA' });
    await roster.users.create({ name: 'Ann Lee', email: 'ann@example.com' });
    await roster.users.create({ name: 'Bo Chen', email: 'bo@example.com' });
    const table = await fixture<RosterUserTableElement>(
      html`<roster-user-table .roster=${roster}></roster-user-table>`,
    );
    const root = table.shadowRoot!;
    await until(() => allByRole(root, 'rowheader').length === 2, 'two rows');
    expect(allByRole(root, 'columnheader').map((header) => header.textContent)).to.satisfy(
      (headers: (string | null)[]) => headers.some((text) => text?.includes('Phone')),
      'the phone column is shown',
    );

    // An order of two events on the page's timeline (the mark, then the request), not a
    // duration: a slow machine moves both.
    const phoneAdded = performance.mark('a user with a phone is added').startTime;
    await roster.users.create({ name: 'Cy Dube', email: 'cy@example.com', phone: '082 455 1234' });
    await until(() => root.textContent!.includes('+27 82 455 1234'), 'the phone formatted');
    const requested = formatterRequestedAt();
    expect(requested, 'the formatter was downloaded').to.be.a('number');
    expect(requested!, 'requested only after a phone came into view').to.be.greaterThan(phoneAdded);
  });
  it('formats the phones that scrolling brings into view', async () => {
    // 45 users: one load block, so scrolling to the end loads nothing; the first 35 by
    // name have no phone, the last 10 have one.
    const roster = createRoster({ backend: memoryBackend(), defaultCountry: 'ZA' });
    for (let i = 0; i < 45; i++)
      await roster.users.create({
        name: `User ${String(i).padStart(2, '0')}`,
        email: `user${i}@example.com`,
        ...(i >= 35 ? { phone: `082 455 12${String(i).padStart(2, '0')}` } : {}),
      });
    const table = await fixture<RosterUserTableElement>(
      html`<roster-user-table
        .roster=${roster}
        style="--roster-table-height: 300px"
      ></roster-user-table>`,
    );
    const root = table.shadowRoot!;
    await until(() => allByRole(root, 'rowheader').length > 0, 'first rows');
    expect(root.textContent).not.to.contain('User 44');
    const scroller = root.querySelector<HTMLElement>('[part=grid]')!;
    scroller.scrollTop = scroller.scrollHeight;
    await until(() => root.textContent!.includes('User 44'), 'the last row');
    await until(
      () => root.textContent!.includes('+27 82 455 1244'),
      () => `the last row's phone formatted: ${root.textContent!.match(/\+27\S*/)?.[0]}`,
    );
  });
});
