/**
 * <roster-admin> from a phone to a wide screen, and every section axe-clean in light and
 * dark, as it shows inside the admin.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { createRoster, type Roster } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import { describe, it, before, after } from '@roster/test-support/harness';
import '@roster/elements/define';
import { allByRole, findByRole, nameOf } from './support/by-role.js';
import { until } from './support/until.js';
import { mountAdmin, settledDeep, visit } from './roster-admin.support.js';

/** Every view of the admin, by its hash (`USER` is replaced by a user's id). */
const VIEWS = [
  '#users',
  '#users/USER',
  '#users/new',
  '#users/import',
  '#groups',
  '#groups/GROUP',
  '#settings',
  '#recycle-bin',
  '#outbox',
  '#activity',
];

/** The phone the layout must fit (an iPhone 12–15 in portrait). */
const PHONE = { width: 390, height: 844 };

/** The element's composed ancestors (through shadow hosts and slots). */
function* ancestors(element: Element): Generator<Element> {
  let node: Element | null = element;
  while (node) {
    node =
      node.assignedSlot ?? node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
    if (node) yield node;
  }
}

function scrollsSideways(element: Element): boolean {
  const { overflowX } = getComputedStyle(element);
  return overflowX === 'auto' || overflowX === 'scroll';
}

/**
 * What sticks out past the window's right edge without a scroll container to reach it
 * (a table in its own scrolling frame is fine; a button half off the screen is not).
 */
function cutOff(root: ShadowRoot, width: number): string[] {
  const found: string[] = [];
  const visit = (parent: ParentNode) => {
    for (const element of parent.querySelectorAll('*')) {
      if (element.shadowRoot) visit(element.shadowRoot);
      if (!element.checkVisibility()) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 0.5) continue;
      if ([...ancestors(element)].some(scrollsSideways)) continue;
      found.push(
        `${element.localName}.${element.className} "${nameOf(element).slice(0, 40)}" right=${Math.round(box.right)}`,
      );
    }
  };
  visit(root);
  return found;
}

describe('<roster-admin>: layout and accessibility', () => {
  let roster: Roster;
  let views: string[];
  before(async () => {
    history.replaceState(null, '', location.pathname + location.search);
    roster = createRoster({
      backend: memoryBackend(),
      actor: { id: 'admin-1', name: 'Ada Admin' },
    });
    const group = await roster.groups.create({ name: 'Warehouse Johannesburg Night Shift' });
    const anna = await roster.users.create(
      {
        name: 'Annelie van der Merwe-Dlamini',
        email: 'annelie.vandermerwe-dlamini@warehouse.example.co.za',
        phone: '+27821234567',
        groupIds: [group.id],
      },
      { invite: true },
    );
    await roster.users.create({ name: 'Ben Cole', email: 'ben@example.org', groupIds: [group.id] });
    const gone = await roster.users.create({ name: 'Cleo Dunn', email: 'cleo@example.org' });
    await roster.users.delete([gone.id]);
    await roster.devices.recordLogin(anna.id, {
      name: 'iPhone 15',
      platform: 'ios',
      appVersion: '4.2.0',
    });
    views = VIEWS.map((view) => view.replace('USER', anna.id).replace('GROUP', group.id));
  });
  after(async () => {
    history.replaceState(null, '', location.pathname + location.search);
    await setViewport({ width: 800, height: 600 });
  });

  it('fits a 390 px phone: the navigation collapses, nothing is cut off, names are readable', async () => {
    await setViewport(PHONE);
    const admin = await mountAdmin(roster);
    for (const view of views) {
      await visit(admin, view);
      const problems = cutOff(admin.shadowRoot!, PHONE.width);
      expect(problems, `${view}: cut off at 390 px`).to.deep.equal([]);
      expect(
        document.documentElement.scrollWidth,
        `${view}: the page scrolls sideways`,
      ).to.be.at.most(PHONE.width);
    }

    // The navigation is one button naming the section; it opens the list.
    await visit(admin, '#users');
    expect(allByRole(admin.shadowRoot!, 'link', 'Groups')).to.have.length(0);
    const menu = await findByRole(admin.shadowRoot!, 'button', 'Sections: Users');
    expect(menu.getAttribute('aria-expanded')).to.equal('false');
    // Escape closes it again (the focus back on the button), a click opens it.
    menu.click();
    await findByRole(admin.shadowRoot!, 'link', 'Groups');
    expect(menu.getAttribute('aria-expanded')).to.equal('true');
    (await findByRole(admin.shadowRoot!, 'link', 'Users')).focus();
    await sendKeys({ press: 'Escape' });
    await until(() => allByRole(admin.shadowRoot!, 'link', 'Groups').length === 0);
    expect(admin.shadowRoot!.activeElement).to.equal(menu);
    menu.click();
    (await findByRole(admin.shadowRoot!, 'link', 'Groups')).click();
    await until(() => location.hash === '#groups');
    await findByRole(admin.shadowRoot!, 'button', 'Sections: Groups');
    expect(allByRole(admin.shadowRoot!, 'link', 'Users')).to.have.length(0);

    // The name column is in view and wide enough for a name.
    await visit(admin, '#users');
    const name = await findByRole(admin.shadowRoot!, 'button', 'Open Ben Cole');
    const box = name.getBoundingClientRect();
    expect(box.left).to.be.at.least(0);
    expect(box.right).to.be.at.most(PHONE.width);
    expect(name.scrollWidth, 'the name is not clipped').to.be.at.most(name.clientWidth + 1);
  });

  it('puts the navigation beside the content on a wide screen', async () => {
    await setViewport({ width: 1280, height: 900 });
    const admin = await mountAdmin(roster);
    await visit(admin, '#users');
    expect(allByRole(admin.shadowRoot!, 'button', /^Sections:/)).to.have.length(0);
    const nav = await findByRole(admin.shadowRoot!, 'navigation', 'Sections');
    const main = admin.shadowRoot!.querySelector('[part=main]')!;
    expect(nav.getBoundingClientRect().right).to.be.at.most(main.getBoundingClientRect().left);
  });

  for (const theme of ['light', 'dark'] as const)
    it(`is axe-clean in every section, ${theme}`, async () => {
      await setViewport({ width: 1280, height: 900 });
      const admin = await mountAdmin(roster, theme);
      for (const view of views) {
        await visit(admin, view);
        await settledDeep(admin);
        try {
          await expect(admin).to.be.accessible();
        } catch (error) {
          throw new Error(
            `${view} (${theme}): ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
    });
});
