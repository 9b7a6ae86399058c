import { displayStatus, type User, type UserSortField } from '@roster/core';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { RosterUserOpenEvent } from '../events.js';
import { RosterElement } from '../foundation/roster-element.js';
import { formatDateTime } from '../foundation/format.js';
import { userText } from '../foundation/user-text.js';
import type { RosterMessages } from '../i18n/index.js';
import { userTableStyles } from './roster-user-table.styles.js';

type Column = {
  field: UserSortField | 'phone';
  label: (m: RosterMessages['userTable']) => string;
  sortable: boolean;
};

const COLUMNS: Column[] = [
  { field: 'name', label: (m) => m.columnName, sortable: true },
  { field: 'email', label: (m) => m.columnEmail, sortable: true },
  { field: 'phone', label: (m) => m.columnPhone, sortable: false },
  { field: 'role', label: (m) => m.columnRole, sortable: true },
  { field: 'status', label: (m) => m.columnStatus, sortable: true },
  { field: 'lastLoginAt', label: (m) => m.columnLastLogin, sortable: true },
];

/**
 * A sortable, searchable, paged table of the directory's users. Filtering, sorting
 * and paging run in the backend; the table only ever holds one page.
 *
 * @summary The users of the directory, one page at a time.
 *
 * @fires {RosterUserOpenEvent} roster-user-open - The admin opened a user (`event.user`).
 *
 * @csspart toolbar - The bar with the search box and the summary.
 * @csspart search - The keyword search input.
 * @csspart table - The table element.
 * @csspart row - Each user row.
 * @csspart status - The status badge in each row.
 * @csspart pager - The paging controls.
 *
 * @cssproperty --roster-font-family - Font of all text.
 * @cssproperty --roster-color-text - Main text colour.
 * @cssproperty --roster-color-muted - Secondary text colour.
 * @cssproperty --roster-color-background - Background of the whole element (default: transparent, or the surface colour when `theme` is set).
 * @cssproperty --roster-color-surface - Background of the table.
 * @cssproperty --roster-color-surface-alt - Background of the header and hovered rows.
 * @cssproperty --roster-color-border - Lines and outlines.
 * @cssproperty --roster-color-accent - Links, focus ring, invited status.
 * @cssproperty --roster-color-danger - Error messages.
 * @cssproperty --roster-radius - Corner radius.
 * @cssproperty --roster-space - Base spacing unit.
 * @cssproperty --roster-status-active - Colour of the active badge.
 * @cssproperty --roster-status-warning - Colour of expired and bounced badges.
 *
 * @example
 * ```html
 * <roster-provider .roster=${roster}>
 *   <roster-user-table page-size="25"></roster-user-table>
 * </roster-provider>
 * ```
 */
export class RosterUserTableElement extends RosterElement {
  static override styles = [...RosterElement.styles, userTableStyles];

  /** Users per page (1–1000). */
  @property({ type: Number, attribute: 'page-size' })
  accessor pageSize = 50;

  @state() private accessor search = '';
  @state() private accessor sortField: UserSortField = 'name';
  @state() private accessor sortDirection: 'asc' | 'desc' = 'asc';
  /** Index of the first row shown (offset paging). */
  @state() private accessor offset = 0;
  /** Cursors of the pages before this one (cursor paging, when the backend has no offsets). */
  @state() private accessor cursors: readonly (string | undefined)[] = [undefined];

  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  private get limit(): number {
    return Math.min(Math.max(Math.trunc(this.pageSize) || 50, 1), 1000);
  }

  private readonly page = this.rosterTask({
    args: () =>
      [
        this.search,
        this.sortField,
        this.sortDirection,
        this.limit,
        this.offset,
        this.cursors,
      ] as const,
    task: async ({ roster, signal }, [search, field, direction, limit, offset, cursors]) => {
      const paging = roster.capabilities.offsetPaging
        ? { offset }
        : { cursor: cursors[cursors.length - 1] };
      return roster.users.list(
        { search: search || undefined, sort: { field, direction }, limit, ...paging },
        { signal },
      );
    },
  });

  /** Role id → display name, from the account settings (cosmetic: ids when unavailable). */
  private readonly roleNames = this.rosterTask({
    args: () => [] as const,
    task: async ({ roster, signal }) =>
      new Map((await roster.settings.get({ signal })).roles.map((role) => [role.id, role.name])),
  });

  constructor() {
    super();
    this.onRosterChange(['users', 'groups'], () => void this.page.run());
    this.onRosterChange(['settings'], () => void this.roleNames.run());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  /** Reloads the current page (also done automatically when users change). */
  async reload(): Promise<void> {
    await this.page.run();
  }

  private firstPage(): void {
    this.offset = 0;
    this.cursors = [undefined];
  }

  private onSearchInput(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      this.search = value.trim();
      this.firstPage();
    }, 200);
  }

  private sortBy(field: UserSortField): void {
    if (this.sortField === field)
      this.sortDirection = this.sortDirection === 'asc' ? 'desc' : 'asc';
    else {
      this.sortField = field;
      this.sortDirection = 'asc';
    }
    this.firstPage();
  }

  private resetFilters(): void {
    const input = this.renderRoot.querySelector<HTMLInputElement>('input[type=search]');
    if (input) input.value = '';
    this.search = '';
    this.firstPage();
  }

  private open(user: User): void {
    this.dispatchEvent(new RosterUserOpenEvent(user));
  }

  override render() {
    const t = this.t.userTable;
    return html`
      <div class="toolbar" part="toolbar">
        <label class="search">
          ${t.searchUsers}
          <input
            type="search"
            part="search"
            placeholder=${t.searchPlaceholder}
            autocomplete="off"
            @input=${this.onSearchInput}
          />
        </label>
        <span role="status" aria-live="polite" class="muted">${this.summary()}</span>
      </div>
      <div class="frame" aria-busy=${this.isBusy(this.page) ? 'true' : 'false'}>
        ${this.renderTask(this.page, (page) => this.renderPage(page.items, page.total), t.loadingUsers)}
      </div>
      ${this.renderPager()}
    `;
  }

  private summary(): string {
    const page = this.page.value;
    if (!page) return this.isBusy(this.page) ? this.t.userTable.loadingUsers : '';
    const from = this.roster?.capabilities.offsetPaging
      ? this.offset
      : (this.cursors.length - 1) * this.limit;
    return this.t.userTable.range(from + 1, from + page.items.length, page.total);
  }

  private renderPage(users: readonly User[], total: number) {
    const t = this.t.userTable;
    if (total === 0)
      return this.search
        ? html`<div class="state">
            ${t.noMatches}
            <button type="button" class="button" @click=${this.resetFilters}>
              ${t.resetFilters}
            </button>
          </div>`
        : html`<div class="state">${t.noUsers}</div>`;
    const now = new Date();
    return html`
      <table part="table">
        <caption class="visually-hidden">
          ${t.users}
        </caption>
        <thead>
          <tr>
            ${COLUMNS.map((column) => this.renderHeader(column))}
          </tr>
        </thead>
        <tbody>
          ${users.map((user) => this.renderRow(user, now))}
        </tbody>
      </table>
    `;
  }

  private renderHeader(column: Column) {
    const label = column.label(this.t.userTable);
    if (!column.sortable) return html`<th scope="col">${label}</th>`;
    const field = column.field as UserSortField;
    const active = this.sortField === field;
    const ariaSort = active ? (this.sortDirection === 'asc' ? 'ascending' : 'descending') : 'none';
    return html`<th scope="col" aria-sort=${ariaSort}>
      <button type="button" @click=${() => this.sortBy(field)}>
        ${label}
        <span class="sort-indicator" aria-hidden="true"
          >${active ? (this.sortDirection === 'asc' ? '▲' : '▼') : '↕'}</span
        >
      </button>
    </th>`;
  }

  private renderRow(user: User, now: Date) {
    const { common, userTable: t } = this.t;
    const status = displayStatus(user, now);
    return html`<tr part="row" data-user-id=${user.id}>
      <td class="name">
        <button type="button" aria-label=${t.openUser(user.name)} @click=${() => this.open(user)}>
          ${userText(user.name)}
        </button>
      </td>
      <td>${userText(user.email)}</td>
      <td>${userText(user.phone)}</td>
      <td>${userText(this.roleNames.value?.get(user.role) ?? user.role)}</td>
      <td>
        <span class="status" part="status" data-status=${status}>${common.status[status]}</span>
      </td>
      <td>
        ${
          user.lastLoginAt
            ? html`<time datetime=${user.lastLoginAt}
                >${formatDateTime(user.lastLoginAt, this.localeTag)}</time
              >`
            : html`<span class="muted">${common.never}</span>`
        }
      </td>
    </tr>`;
  }

  private renderPager() {
    const page = this.page.value;
    if (!page || !this.roster) return nothing;
    const t = this.t.userTable;
    const byOffset = this.roster.capabilities.offsetPaging;
    const hasPrevious = byOffset ? this.offset > 0 : this.cursors.length > 1;
    const hasNext = byOffset ? this.offset + this.limit < page.total : page.nextCursor !== null;
    if (!hasPrevious && !hasNext) return nothing;
    return html`<nav class="pager" part="pager" aria-label=${t.pagination}>
      <button type="button" class="button" ?disabled=${!hasPrevious} @click=${this.previous}>
        ${t.previousPage}
      </button>
      <button type="button" class="button" ?disabled=${!hasNext} @click=${this.next}>
        ${t.nextPage}
      </button>
    </nav>`;
  }

  private previous(): void {
    if (this.roster?.capabilities.offsetPaging) this.offset = Math.max(0, this.offset - this.limit);
    else this.cursors = this.cursors.slice(0, -1);
  }

  private next(): void {
    const page = this.page.value;
    if (!page) return;
    if (this.roster?.capabilities.offsetPaging) this.offset = this.offset + this.limit;
    else if (page.nextCursor !== null) this.cursors = [...this.cursors, page.nextCursor];
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'roster-user-table': RosterUserTableElement;
  }
}
