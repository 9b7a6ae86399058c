import { expect } from 'chai';
import { createRoster } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import { describe, it } from '@roster/test-support/harness';
import '@roster/elements/user-table';
import type { RosterUserTableElement } from '@roster/elements';
import { en as commonEn } from '../src/i18n/common.js';
import { en as tableEn } from '../src/user-table/messages.js';
import { allByRole, byRole, queryByRole } from './support/by-role.js';
import { until } from './support/until.js';

/**
 * German texts load on first use (an English page downloads none of them). This file's
 * page has loaded no German before its first test: what a German visitor's first page is.
 */
describe('German texts, loaded on first use', () => {
  it('a German page renders German from its first frame, never English first', async () => {
    const roster = createRoster({ backend: memoryBackend() });
    await roster.users.create({ name: 'Anna Berg', email: 'anna@example.com' });
    const page = document.createElement('div');
    page.lang = 'de';
    const table = document.createElement('roster-user-table') as RosterUserTableElement;
    table.roster = roster;
    page.append(table);
    document.body.append(page);
    const frames: string[] = [];
    const observer = new MutationObserver(() => frames.push(table.shadowRoot!.innerHTML));
    observer.observe(table.shadowRoot!, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
    });
    try {
      await until(() => allByRole(table.shadowRoot!, 'rowheader').length === 1, 'rows shown');
      const root = table.shadowRoot!;
      expect(byRole(root, 'grid', 'Benutzer')).to.exist;
      expect(byRole(root, 'searchbox', 'Benutzer suchen')).to.exist;
      expect(frames.length).to.be.greaterThan(0);
      for (const english of [tableEn.searchUsers, tableEn.loadingUsers, commonEn.loading])
        expect(frames.join('\n'), english).not.to.include(english);
    } finally {
      observer.disconnect();
      page.remove();
    }
  });

  it('a page switching to German re-renders in German', async () => {
    const roster = createRoster({ backend: memoryBackend() });
    const table = document.createElement('roster-user-table') as RosterUserTableElement;
    table.roster = roster;
    document.body.append(table);
    try {
      await until(() => !!queryByRole(table.shadowRoot!, 'searchbox', 'Search users'), 'English');
      document.documentElement.lang = 'de';
      await until(() => !!queryByRole(table.shadowRoot!, 'searchbox', 'Benutzer suchen'), 'German');
    } finally {
      document.documentElement.lang = '';
      table.remove();
    }
  });
});
