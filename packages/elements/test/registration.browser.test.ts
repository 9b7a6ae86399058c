/**
 * `@roster/elements/user-table` registers the table alone, so a page that shows only the
 * table downloads only the table (the bundle suite's `portal-app-first-load`).
 */
import { fixture, html, expect } from '@open-wc/testing';
import { createRoster } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import { describe, it } from '@roster/test-support/harness';
import { RosterUserTableElement } from '@roster/elements/user-table';
import { allByRole, shownText } from './support/by-role.js';
import { until } from './support/until.js';

describe('registering one element', () => {
  it('@roster/elements/user-table defines <roster-user-table> and no other element', () => {
    expect(customElements.get('roster-user-table')).to.equal(RosterUserTableElement);
    for (const tag of [
      'roster-provider',
      'roster-user-form',
      'roster-import-wizard',
      'roster-admin',
    ])
      expect(customElements.get(tag), tag).to.equal(undefined);
  });

  it('the table it registers shows the directory', async () => {
    const roster = createRoster({ backend: memoryBackend() });
    await roster.users.create({ name: 'Ann Lee', email: 'ann@example.com' });
    const table = await fixture<RosterUserTableElement>(
      html`<roster-user-table .roster=${roster}></roster-user-table>`,
    );
    await until(() => allByRole(table.shadowRoot!, 'rowheader').length === 1, 'one row');
    expect(shownText(allByRole(table.shadowRoot!, 'rowheader')[0]!)).to.equal('Ann Lee');
  });
});
