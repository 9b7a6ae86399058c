import { fixture, html, expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createRoster } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import { describe, it } from '@roster/test-support/harness';
import '@roster/elements/define';
import type { RosterUserTableElement } from '@roster/elements';
import { allByRole, byRole } from './support/by-role.js';
import { until } from './support/until.js';

// User text (the foundation's `userText`), seen through the table: isolated, clamped, and
// readable whole by hover and by keyboard focus.
describe('user text in an element', () => {
  const longEmail = `${'maximiliane.oberhauser-von-lichtenstein'.repeat(3)}@example.com`;

  async function table(): Promise<RosterUserTableElement> {
    const roster = createRoster({ backend: memoryBackend(), actor: { id: 'admin-1' } });
    await roster.users.create({ name: '<b>Ann</b> سلمى', email: longEmail });
    const element = await fixture<RosterUserTableElement>(
      html`<roster-user-table .roster=${roster}></roster-user-table>`,
    );
    await until(() => allByRole(element.shadowRoot!, 'rowheader').length > 0, 'rows shown');
    return element;
  }

  function emailText(element: RosterUserTableElement): HTMLElement {
    const cell = allByRole(element.shadowRoot!, 'gridcell').find((c) =>
      c.textContent?.includes('@example.com'),
    );
    expect(cell, 'the email cell').to.exist;
    return cell!.querySelector<HTMLElement>('[title]')!;
  }

  it('binds a name as text, isolated from the row direction', async () => {
    const element = await table();
    const button = byRole(element.shadowRoot!, 'button', 'Open <b>Ann</b> سلمى');
    expect(button.querySelector('b'), 'markup is not interpreted').to.equal(null);
    const text = button.querySelector<HTMLElement>('[dir]')!;
    expect(text.getAttribute('dir')).to.equal('auto');
  });

  it('clamps a long value, with the whole value on hover and opened in place on keyboard focus', async () => {
    const element = await table();
    const text = emailText(element);
    expect(text.getAttribute('title')).to.equal(longEmail);
    expect(text.scrollWidth, 'clamped while not focused').to.be.greaterThan(text.clientWidth);

    const name = byRole(element.shadowRoot!, 'button', /^Open /);
    name.focus();
    await sendKeys({ press: 'ArrowRight' });
    await until(() => element.shadowRoot!.activeElement?.contains(text) ?? false, 'email focused');
    expect(text.scrollWidth, 'the whole value shows').to.be.at.most(text.clientWidth + 1);
  });
});
