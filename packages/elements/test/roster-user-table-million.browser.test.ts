/**
 * The table at 1,000,000 users, driven by keyboard and mouse: sorting, filtering,
 * selecting all matching, a bulk action with a refused item, Ctrl+End and a drag of the
 * scrollbar to the last row. The same scenario runs on a backend with offset paging and
 * on one without (cursor pages only). The directory is synthetic (computed from each
 * user's position), so it costs nothing to create; its keyword search is core's matcher.
 */
import { fixture, html, expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createRoster } from '@roster/core';
import { describe, it } from '@roster/test-support/harness';
import '@roster/elements/define';
import type { RosterSelectionChangeEvent, RosterUserTableElement } from '@roster/elements';
import { allByRole, byRole, shownText } from './support/by-role.js';
import { until } from './support/until.js';
import { press } from './support/user-input.js';
import { userSearchText } from '@roster/core/backend-kit';
import {
  syntheticBackend,
  syntheticSearchText,
  syntheticUser,
} from './support/synthetic-directory.js';

const MILLION = 1_000_000;

function names(table: RosterUserTableElement): string[] {
  return allByRole(table.shadowRoot!, 'rowheader').map((cell) => shownText(cell));
}

function rowIndexOf(element: Element | null): string | null {
  return element?.closest('[role=row]')?.getAttribute('aria-rowindex') ?? null;
}

describe('the synthetic directory of the 1,000,000-row tests', () => {
  it('searches by core’s search text: the written-out text is userSearchText’s', () => {
    for (const position of [0, 1, 2, 41, 42, 999, 123_456, 999_998, 999_999])
      expect(syntheticSearchText(position), `user ${position}`).to.deep.equal(
        userSearchText(syntheticUser(position)),
      );
  });
});

for (const offsetPaging of [true, false]) {
  describe(`<roster-user-table> at 1,000,000 users (${offsetPaging ? 'offset' : 'cursor'} paging)`, () => {
    async function table(): Promise<RosterUserTableElement> {
      const roster = createRoster({
        backend: syntheticBackend({ size: MILLION, offsetPaging }),
        actor: { id: 'admin-1' },
      });
      const element = await fixture<RosterUserTableElement>(
        html`<roster-user-table
          .roster=${roster}
          style="--roster-table-height: 480px"
        ></roster-user-table>`,
      );
      await until(() => names(element).length > 0, 'first rows');
      return element;
    }

    it('windows a million rows: whole-result row indices, a constant number of DOM rows', async () => {
      const element = await table();
      const root = element.shadowRoot!;
      expect(byRole(root, 'status', '1,000,000 users')).to.exist;
      const grid = byRole(root, 'grid', 'Users');
      expect(grid.getAttribute('aria-rowcount')).to.equal(String(MILLION + 1));
      const visible = Math.ceil(480 / 44);
      const domRows = () => root.querySelectorAll('.body [role=row]').length;
      expect(domRows()).to.be.at.most(visible + 20);
      const before = domRows();
      allByRole(root, 'rowheader')[0]!.focus();
      // Drag the scrollbar's thumb to the middle: rows around 500,000, same number of DOM rows.
      const scroller = root.querySelector<HTMLElement>('[part=grid]')!;
      scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) / 2;
      await until(
        () => names(element).some((name) => /^User 0(49|50)\d{4}$/.test(name)),
        'middle rows',
      );
      expect(domRows()).to.equal(before);
      // The focused row scrolled away: the grid keeps the focus, and an arrow brings it back.
      expect(root.activeElement).to.equal(grid);
      await sendKeys({ press: 'ArrowDown' });
      await until(() => rowIndexOf(root.activeElement) === '3', 'focus back on the second row');
      expect(names(element)).to.include('User 0000001');
    });

    it('reaches the last row by Ctrl+End and by dragging the scrollbar to the bottom', async () => {
      const element = await table();
      const root = element.shadowRoot!;
      allByRole(root, 'rowheader')[0]!.focus();
      await press('End', { ctrl: true });
      await until(() => names(element).includes('User 0999999'), 'last row after Ctrl+End');
      await until(
        () => rowIndexOf(root.activeElement) === String(MILLION + 1),
        () =>
          `focus on last row (now in row ${rowIndexOf(root.activeElement)}: ${root.activeElement?.outerHTML.slice(0, 90)})`,
      );
      // Focus survives windowing: arrows move on from the last row's cell.
      await sendKeys({ press: 'ArrowUp' });
      await until(() => rowIndexOf(root.activeElement) === String(MILLION), 'focus one row up');
      await press('Home', { ctrl: true });
      await until(() => rowIndexOf(root.activeElement) === '2', 'first row again');
      expect(names(element)[0]).to.equal('User 0000000');

      const scroller = root.querySelector<HTMLElement>('[part=grid]')!;
      // The browser caps element height: the scroll range is mapped, not 44 px × 1M.
      expect(scroller.scrollHeight).to.be.below(44 * MILLION);
      scroller.scrollTop = scroller.scrollHeight;
      await until(
        () => names(element).includes('User 0999999'),
        () =>
          `last row after a drag (${scroller.scrollTop} of ${scroller.scrollHeight} - ${scroller.clientHeight}: ${names(element).join()})`,
      );
      const last = allByRole(root, 'row').find(
        (row) => row.getAttribute('aria-rowindex') === String(MILLION + 1),
      )!;
      const frame = scroller.getBoundingClientRect();
      expect(last.getBoundingClientRect().bottom).to.be.at.most(frame.bottom + 1);
      expect(last.getBoundingClientRect().top).to.be.at.least(frame.top);
    });

    it('sorts by mouse and keyboard, and selects all 1,000,000 matching as the query', async () => {
      const element = await table();
      const root = element.shadowRoot!;
      // Sort: the name header, twice the keyboard way (Enter on the focused header).
      byRole(root, 'columnheader', /Name/).click();
      await until(() => names(element)[0] === 'User 0999999', 'descending');
      byRole(root, 'columnheader', /Name/).focus();
      await sendKeys({ press: 'Enter' });
      await until(() => names(element)[0] === 'User 0000000', 'ascending again');
      await sendKeys({ press: 'Enter' });
      await until(() => names(element)[0] === 'User 0999999', 'descending again');

      // All of a million matching, kept as the query.
      allByRole(root, 'rowheader')[0]!.focus();
      await sendKeys({ press: ' ' });
      await until(() => allByRole(root, 'region', 'Selected users').length === 1, 'selection bar');
      let selection: RosterSelectionChangeEvent['selection'] | undefined;
      element.addEventListener('roster-selection-change', (e) => (selection = e.selection));
      byRole(root, 'button', 'Select all 1,000,000 matching').click();
      await until(
        () =>
          byRole(root, 'region', 'Selected users').textContent!.includes(
            '1,000,000 users selected',
          ),
        'all selected',
      );
      expect(selection?.kind).to.equal('query');

      // Filter: a keyword typed into the search box (the selection of another result goes).
      byRole(root, 'searchbox', 'Search users').focus();
      await sendKeys({ type: 'user 0999' });
      await until(() => allByRole(root, 'status', '1,000 users').length === 1, '1,000 matches');
      expect(allByRole(root, 'region', 'Selected users')).to.have.length(0);
      expect(names(element)[0]).to.equal('User 0999999');
    });

    it('finds what core’s search rule finds: phone digits as typed, the start of an email', async () => {
      const element = await table();
      const root = element.shadowRoot!;
      const search = byRole(root, 'searchbox', 'Search users') as HTMLInputElement;
      search.focus();
      // `082 099 99`: the national number's digits, leading zero and spaces as typed.
      await sendKeys({ type: '082 099 99' });
      await until(() => allByRole(root, 'status', '50 users').length === 1, '50 phone matches');
      expect(names(element)[0]).to.equal('User 0999900');
      search.select();
      await sendKeys({ type: 'user0999999@' });
      await until(() => allByRole(root, 'status', '1 user').length === 1, 'one email match');
      expect(names(element)).to.deep.equal(['User 0999999']);
    });

    it('filters, selects all matching by keyboard and deactivates them, naming the refused one', async () => {
      const element = await table();
      const root = element.shadowRoot!;
      byRole(root, 'columnheader', /Name/).click();
      await until(() => names(element)[0] === 'User 0999999', 'descending');
      byRole(root, 'searchbox', 'Search users').focus();
      await sendKeys({ type: 'user 00000' });
      await until(() => allByRole(root, 'status', '100 users').length === 1, '100 matches');
      expect(names(element)[0]).to.equal('User 0000099');

      // Select the visible rows by keyboard (Space on the header checkbox cell), then all matching.
      byRole(root, 'columnheader', /Name/).focus();
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: ' ' });
      await until(
        () => allByRole(root, 'button', 'Select all 100 matching').length === 1,
        'offer all',
      );
      byRole(root, 'button', 'Select all 100 matching').focus();
      await sendKeys({ press: 'Enter' });
      await until(
        () => byRole(root, 'region', 'Selected users').textContent!.includes('100 users selected'),
        'all 100',
      );

      // Deactivate: the owner (User 0000000) is refused, by name and reason.
      byRole(root, 'button', 'Deactivate').click();
      await until(
        () =>
          allByRole(root, 'status', /deactivated/).some((s) => s.textContent!.includes('refused')),
        'outcome',
      );
      const outcome = byRole(root, 'status', /deactivated/).textContent!;
      expect(outcome).to.contain('99 deactivated.');
      expect(outcome).to.contain('1 refused: User 0000000 (the last owner cannot be deactivated)');
      // The visible rows reloaded without losing the place: statuses changed in view.
      await until(
        () =>
          allByRole(root, 'row').some(
            (row) =>
              row.textContent!.includes('User 0000099') && row.textContent!.includes('Inactive'),
          ),
        'reloaded',
      );
      expect(names(element)[0]).to.equal('User 0000099');
    });
  });
}
