/**
 * `@roster/elements/user-table` registers the table alone, so a page that shows only the
 * table downloads only the table (the bundle suite's `portal-app-first-load`).
 */
import { fixture, html, expect } from '@open-wc/testing';
import { createRoster } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import { describe, it } from '@roster/test-support/harness';
import { RosterUserTableElement } from '@roster/elements/user-table';
import { messagesFor } from '../src/i18n/index.js';
import { allByRole, byRole, shownText } from './support/by-role.js';
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

  it("carries its own texts: in German under lang=de, in English otherwise (no other element's texts loaded)", async () => {
    const roster = createRoster({ backend: memoryBackend() });
    await roster.users.create({ name: 'Ann Lee', email: 'ann@example.com' });
    const german = await fixture<HTMLElement>(
      html`<div lang="de"><roster-user-table .roster=${roster}></roster-user-table></div>`,
    );
    const table = german.querySelector('roster-user-table')!;
    await until(() => allByRole(table.shadowRoot!, 'rowheader').length === 1, 'one row');
    expect(byRole(table.shadowRoot!, 'grid', 'Benutzer')).to.exist;
    expect(byRole(table.shadowRoot!, 'searchbox', 'Benutzer suchen')).to.exist;
    expect(table.shadowRoot!.textContent).to.contain('Eingeladen');
    german.removeAttribute('lang');
    await until(() => allByRole(table.shadowRoot!, 'grid', 'Users').length === 1, 'English');
    expect(table.shadowRoot!.textContent).to.contain('Invited');
    // The translation table holds what this page loaded: the shared texts and the table's.
    expect(Object.keys(messagesFor('de')).sort()).to.deep.equal(['common', 'userTable']);
  });

  it('shows phones formatted once the formatter has loaded, and finds users by phone digits', async () => {
    const roster = createRoster({ backend: memoryBackend(), defaultCountry: 'ZA' });
    await roster.users.create({ name: 'Ann Lee', email: 'ann@example.com', phone: '082 455 1234' });
    await roster.users.create({ name: 'Bo Chen', email: 'bo@example.com' });
    const table = await fixture<RosterUserTableElement>(
      html`<roster-user-table .roster=${roster}></roster-user-table>`,
    );
    const root = table.shadowRoot!;
    await until(() => root.textContent!.includes('+27 82 455 1234'), 'the phone formatted');
    for (const search of ['082 455', '+27 82 455', '824551234']) {
      table.search = search;
      await until(
        () => allByRole(root, 'rowheader').map(shownText).join() === 'Ann Lee',
        () => `only Ann for ${search}: ${allByRole(root, 'rowheader').map(shownText).join()}`,
      );
    }
  });
});
