import type { BackendCapabilities } from '@roster/core';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { RosterElement } from '../foundation/roster-element.js';
import type { AdminMessages } from './messages.js';
import { adminStyles } from './roster-admin.styles.js';

/** The sections of the admin screen, in navigation order, with what each needs. */
const SECTIONS = [
  { id: 'users', label: 'users', needs: undefined },
  { id: 'groups', label: 'groups', needs: undefined },
  { id: 'settings', label: 'settings', needs: undefined },
  { id: 'recycle-bin', label: 'recycleBin', needs: 'softDelete' },
  { id: 'outbox', label: 'outbox', needs: 'outbox' },
  { id: 'activity', label: 'activity', needs: 'audit' },
] as const satisfies readonly {
  id: string;
  label: keyof AdminMessages;
  needs: keyof BackendCapabilities | undefined;
}[];

type SectionId = (typeof SECTIONS)[number]['id'];

/** Where the admin is, as the URL hash says: `#users`, `#users/<id>`, `#users/new`, `#groups`… */
interface View {
  section: SectionId;
  /** In Users: the open user's id, or `new`. */
  detail: string | undefined;
}

function viewOf(hash: string): View {
  const [section, ...rest] = decodeURIComponent(hash.replace(/^#\/?/, '')).split('/');
  const known = SECTIONS.find((s) => s.id === section);
  return {
    section: known?.id ?? 'users',
    detail: known && rest.length ? rest.join('/') : undefined,
  };
}

/**
 * The whole admin screen in one element: Users (table, a user's form and devices),
 * Groups, Settings, and where the backend supports them the Recycle bin, Outbox and
 * Activity. Navigation lives in the URL hash (`#groups`, `#users/<id>`), so a reload or a
 * shared link lands on the same view; sections a backend cannot serve are not shown.
 * The layout goes from a phone (navigation above) to a wide screen (navigation beside).
 *
 * @summary The admin screen: every section in one element.
 *
 * @csspart nav - The section navigation.
 * @csspart main - The current section.
 *
 * @cssproperty --roster-font-family - Font of all text.
 * @cssproperty --roster-color-text - Main text colour.
 * @cssproperty --roster-color-surface-alt - Background of the current section's link.
 * @cssproperty --roster-color-accent - The current section's link, buttons, focus ring.
 * @cssproperty --roster-radius - Corner radius.
 * @cssproperty --roster-space - Base spacing unit.
 *
 * @slot - Nothing: the element renders every section itself.
 *
 * @example
 * ```html
 * <roster-provider .roster=${roster}><roster-admin></roster-admin></roster-provider>
 * ```
 */
export class RosterAdminElement extends RosterElement {
  static override styles = [...RosterElement.styles, adminStyles];

  @state() private accessor view: View = viewOf(location.hash);

  private readonly onHashChange = () => {
    this.view = viewOf(location.hash);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    this.view = viewOf(location.hash);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
  }

  private available(): (typeof SECTIONS)[number][] {
    return SECTIONS.filter((section) => !section.needs || this.can(section.needs));
  }

  private go(hash: string): void {
    location.hash = hash;
  }

  override render() {
    const t = this.t.admin;
    const sections = this.roster ? this.available() : SECTIONS.filter((s) => !s.needs);
    // A section the backend cannot serve (an old link) falls back to Users.
    const current = sections.find((s) => s.id === this.view.section)?.id ?? 'users';
    return html`<div class="shell">
      <nav part="nav" aria-label=${t.sections}>
        <ul>
          ${sections.map(
            (section) =>
              html`<li>
                <a
                  href=${`#${section.id}`}
                  aria-current=${section.id === current ? 'page' : nothing}
                  >${t[section.label]}</a
                >
              </li>`,
          )}
        </ul>
      </nav>
      <div
        class="content"
        part="main"
        @roster-user-open=${(event: { user: { id: string } }) =>
          this.go(`#users/${encodeURIComponent(event.user.id)}`)}
      >
        ${this.renderSection(current)}
      </div>
    </div>`;
  }

  private renderSection(section: SectionId) {
    switch (section) {
      case 'users':
        return this.renderUsers();
      case 'groups':
        return html`<roster-group-manager .roster=${this.roster}></roster-group-manager>`;
      case 'settings':
        return html`<roster-settings .roster=${this.roster}></roster-settings>`;
      case 'recycle-bin':
        return html`<roster-recycle-bin .roster=${this.roster}></roster-recycle-bin>`;
      case 'outbox':
        return html`<roster-outbox .roster=${this.roster}></roster-outbox>`;
      case 'activity':
        return html`<roster-activity .roster=${this.roster}></roster-activity>`;
    }
  }

  private renderUsers() {
    const t = this.t.admin;
    const detail = this.view.section === 'users' ? this.view.detail : undefined;
    if (detail) {
      const isNew = detail === 'new';
      return html`<div class="user-page">
        <div class="bar">
          <h2>${isNew ? t.newUser : t.editUser}</h2>
          <a class="button" href="#users">${t.backToUsers}</a>
        </div>
        ${
          isNew
            ? html`<roster-user-form
                .roster=${this.roster}
                user-id=""
                @roster-cancel=${() => this.go('#users')}
                @roster-user-saved=${(event: { user: { id: string } }) =>
                  this.go(`#users/${encodeURIComponent(event.user.id)}`)}
              ></roster-user-form>`
            : html`<roster-user-details
                .roster=${this.roster}
                user-id=${detail}
              ></roster-user-details>`
        }
      </div>`;
    }
    return html`<div class="bar">
        <h2>${t.users}</h2>
        <a class="button primary" href="#users/new">${t.addUser}</a>
      </div>
      <roster-user-table .roster=${this.roster}></roster-user-table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'roster-admin': RosterAdminElement;
  }
}
