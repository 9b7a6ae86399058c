import { fixture, html, expect } from '@open-wc/testing';
import { render } from 'lit';
import { describe, it } from '@roster/test-support/harness';
import {
  allByRole,
  byRole,
  findByRole,
  nameOf,
  queryByRole,
  shownText,
} from './support/by-role.js';

// The test helper every element test finds UI with: if it found hidden controls or named
// them wrongly, those tests would pass where a person could not do what they check.

class ShadowCard extends HTMLElement {
  constructor() {
    super();
    render(
      html`<h2 id="title">Card <span aria-hidden="true">★</span></h2>
        <section aria-labelledby="title"><slot></slot></section>
        <button type="button" aria-label="Close the card">×</button>`,
      this.attachShadow({ mode: 'open' }),
    );
  }
}
customElements.define('by-role-shadow-card', ShadowCard);

describe('finding UI by role and name (test support)', () => {
  it('finds through shadow roots and slots, by the name assistive tech computes', async () => {
    const page = await fixture(
      html`<div>
        <by-role-shadow-card><button type="button">Save</button></by-role-shadow-card>
        <label>Search <input type="search" /></label>
        <fieldset>
          <legend>Plan</legend>
          <label><input type="radio" /> Free</label>
        </fieldset>
      </div>`,
    );
    expect(byRole(page, 'heading').id).to.equal('title');
    expect(nameOf(byRole(page, 'heading'))).to.equal('Card');
    expect(byRole(page, 'region', 'Card')).to.exist;
    expect(byRole(page, 'button', 'Close the card')).to.exist;
    expect(byRole(page, 'button', 'Save')).to.exist;
    expect(byRole(page, 'searchbox', 'Search')).to.exist;
    expect(byRole(page, 'group', 'Plan')).to.exist;
    expect(byRole(page, 'radio', 'Free')).to.exist;
    expect(shownText(page.querySelector('by-role-shadow-card')!)).to.equal('Card Save ×');
  });

  it('does not find what is hidden from people and screen readers', async () => {
    const page = await fixture(
      html`<div>
        <button type="button" hidden>Hidden</button>
        <div inert><button type="button">Inert</button></div>
        <div aria-hidden="true"><button type="button">Aria hidden</button></div>
        <div style="display: none"><button type="button">Not displayed</button></div>
        <div style="visibility: hidden"><button type="button">Invisible</button></div>
        <dialog><button type="button">In a closed dialog</button></dialog>
        <button type="button">Shown</button>
      </div>`,
    );
    expect(allByRole(page, 'button').map(nameOf)).to.deep.equal(['Shown']);
    expect(queryByRole(page, 'button', 'Hidden')).to.equal(null);
  });

  it('fails when there is no such element, or several', async () => {
    const page = await fixture(
      html`<div><button type="button">Twice</button><button type="button">Twice</button></div>`,
    );
    expect(() => byRole(page, 'button', 'Missing')).to.throw(/expected one button named Missing/);
    expect(() => byRole(page, 'button', 'Twice')).to.throw(/found 2/);
    expect(() => queryByRole(page, 'button', 'Twice')).to.throw(/at most one/);
    const later = findByRole(page, 'link', 'Later');
    page.insertAdjacentHTML('beforeend', '<a href="#later">Later</a>');
    expect((await later).getAttribute('href')).to.equal('#later');
  });
});
