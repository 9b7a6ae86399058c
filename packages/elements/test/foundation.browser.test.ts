import { fixture, html, expect } from '@open-wc/testing';
import { createRoster, type Roster } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import { describe, it, beforeEach, afterEach } from '@roster/test-support/harness';
import { RosterElement, ROSTER_GRACE_MS } from '@roster/elements';
import '@roster/elements/define';
import { property } from 'lit/decorators.js';

/** A minimal element on the foundation: the number of users matching `search`. */
class CountProbe extends RosterElement {
  @property() accessor search = '';
  runs = 0;
  signals: AbortSignal[] = [];
  /** Resolves the pending run when a test wants control over timing. */
  gate: Promise<void> | undefined;
  readonly count = this.rosterTask({
    args: () => [this.search] as const,
    task: async ({ roster, signal }, [search]) => {
      this.runs += 1;
      this.signals.push(signal);
      await this.gate;
      return (await roster.users.list({ search: search || undefined }, { signal })).total;
    },
  });
  constructor() {
    super();
    this.onRosterChange(['users'], () => void this.count.run());
  }
  override render() {
    return html`${this.renderTask(this.count, (total) => html`<output>${this.t.common.userCount(total)}</output>`)}
    ${this.can('devices') ? html`<button type="button">Devices</button>` : null}`;
  }
}
customElements.define('count-probe', CountProbe);

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((r) => setTimeout(r, 10));
  expect(check(), 'condition reached').to.equal(true);
}

/** What the probe shows: its count, or its state (loading, error). */
const text = (el: Element) =>
  (el.shadowRoot!.querySelector('output, .state')?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('element foundation', () => {
  let roster: Roster;
  beforeEach(async () => {
    roster = createRoster({ backend: memoryBackend() });
    await roster.users.create({ name: 'Anna Berg', email: 'anna@example.com' });
    await roster.users.create({ name: 'Björn Ek', email: 'bjorn@example.com' });
  });

  it('loads through the Roster property and shows the result', async () => {
    const el = await fixture<CountProbe>(html`<count-probe .roster=${roster}></count-probe>`);
    await until(() => text(el) === '2 users');
  });

  it('takes the Roster from <roster-provider>', async () => {
    const provider = await fixture(
      html`<roster-provider .roster=${roster}><count-probe></count-probe></roster-provider>`,
    );
    const el = provider.querySelector('count-probe')!;
    await until(() => text(el) === '2 users');
  });

  it('aborts a stale run and shows only the latest answer', async () => {
    let release!: () => void;
    const el = await fixture<CountProbe>(html`<count-probe .roster=${roster}></count-probe>`);
    await until(() => text(el) === '2 users');
    el.gate = new Promise((resolve) => (release = resolve));
    el.search = 'anna';
    await el.updateComplete;
    el.search = 'nobody';
    await el.updateComplete;
    release();
    await until(() => text(el) === '0 users');
    const [, first, second] = el.signals;
    expect(first!.aborted, 'the run for "anna" was aborted').to.equal(true);
    expect(second!.aborted).to.equal(false);
  });

  it('reloads on changes while connected and lets go of the Roster when removed', async () => {
    const el = await fixture<CountProbe>(html`<count-probe .roster=${roster}></count-probe>`);
    await until(() => text(el) === '2 users');
    await roster.users.create({ name: 'Carla Diaz', email: 'carla@example.com' });
    await until(() => text(el) === '3 users');
    el.remove();
    const runs = el.runs;
    await roster.users.create({ name: 'Dora Eck', email: 'dora@example.com' });
    await new Promise((r) => setTimeout(r, 50));
    expect(el.runs, 'no reload after disconnect').to.equal(runs);
  });

  it('re-renders when the lang of an ancestor changes', async () => {
    const wrapper = await fixture(
      html`<div lang="en"><count-probe .roster=${roster}></count-probe></div>`,
    );
    const el = wrapper.querySelector<CountProbe>('count-probe')!;
    await until(() => text(el) === '2 users');
    wrapper.setAttribute('lang', 'de');
    await until(() => text(el) === '2 Benutzer');
    el.locale = 'en';
    await until(() => text(el) === '2 users');
  });

  it('shows an error with a retry that loads again', async () => {
    let fail = true;
    const backend = memoryBackend();
    const listUsers = backend.listUsers.bind(backend);
    backend.listUsers = (query, options) =>
      fail ? Promise.reject(new Error('backend down')) : listUsers(query, options);
    const failing = createRoster({ backend });
    const el = await fixture<CountProbe>(html`<count-probe .roster=${failing}></count-probe>`);
    await until(() => el.shadowRoot!.querySelector('[role=alert]') !== null);
    expect(text(el)).to.contain('backend down');
    fail = false;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[role=alert] button')!.click();
    await until(() => text(el) === '0 users');
  });

  it('hides what the backend cannot do', async () => {
    const el = await fixture<CountProbe>(html`<count-probe .roster=${roster}></count-probe>`);
    await until(() => text(el) === '2 users');
    expect(roster.capabilities.devices).to.equal(true);
    expect(el.shadowRoot!.querySelector('button')).to.not.equal(null);
    const backend = memoryBackend();
    Object.defineProperty(backend, 'capabilities', {
      value: { ...backend.capabilities, devices: false },
    });
    el.roster = createRoster({ backend });
    await until(() => text(el) === '0 users');
    expect(el.shadowRoot!.querySelector('button')).to.equal(null);
  });

  /* eslint-disable no-console -- these tests capture the foundation's warning */
  describe('without a Roster', () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    beforeEach(() => {
      warnings.length = 0;
      console.warn = (...args: unknown[]) => void warnings.push(args);
    });
    afterEach(() => {
      console.warn = warn;
    });

    it('shows loading during start-up, then says none is connected and warns naming the element', async () => {
      const el = await fixture<CountProbe>(html`<count-probe></count-probe>`);
      expect(el.shadowRoot!.querySelector('[role=alert]'), 'no alert during start-up').to.equal(
        null,
      );
      expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('Loading');
      await new Promise((r) => setTimeout(r, ROSTER_GRACE_MS + 100));
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain(
        'No Roster connected',
      );
      expect(String(warnings[0]?.[0])).to.contain('<count-probe>');
      el.roster = roster;
      await until(() => text(el) === '2 users');
    });

    it('says nothing when the Roster arrives during the grace period', async () => {
      const el = await fixture<CountProbe>(html`<count-probe></count-probe>`);
      await new Promise((r) => setTimeout(r, ROSTER_GRACE_MS / 2));
      el.roster = roster;
      await until(() => text(el) === '2 users');
      await new Promise((r) => setTimeout(r, ROSTER_GRACE_MS));
      expect(warnings).to.have.length(0);
      expect(el.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
    });
  });
});
