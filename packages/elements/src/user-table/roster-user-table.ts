import {
  displayStatus,
  type UserQueryInput,
  type DisplayStatus,
  type Group,
  type User,
  type UserSortField,
} from '@roster/core';
import { Task, initialState } from '@lit/task';
import { html, nothing, render, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { RosterElement } from '../foundation/roster-element.js';
import { errorMessage } from '../foundation/error-message.js';
import { formatCount, formatDateTime } from '../foundation/format.js';
import { userText } from '../foundation/user-text.js';
import { restoreAll, runBulk, type BulkActionId, type BulkOutcome } from './bulk.js';
import { COLUMNS, initials, type ColumnSpec } from './columns.js';
import {
  RosterQueryChangeEvent,
  RosterSelectionChangeEvent,
  RosterUserCreateEvent,
  RosterUserOpenEvent,
} from './events.js';
import { moveFocus, type CellPosition } from './grid-keys.js';
import {
  COLUMN_IDS,
  DEFAULT_COLUMNS,
  formatSort,
  hasFilters,
  listConverter,
  normalizeColumns,
  parseSort,
  toUserQuery,
  type ColumnId,
  type UserTableQuery,
} from './query.js';
import { statusBadgeStyles } from '../styles/status-badge.js';
import { userTableStyles } from './roster-user-table.styles.js';
import { ScrollMap } from './scroll-map.js';
import { Selection } from './selection.js';
import { UserRows } from './user-rows.js';
// Its texts, added to the foundation's translation table (German loads on first use).
import './messages.js';

/** Height of every row and of the header row, in px (rows are windowed by it). */
const ROW_HEIGHT = 44;
/** Rows rendered above and below the viewport. */
const OVERSCAN = 3;
/** Rows loaded together (see `loadRange`). */
const LOAD_BLOCK = 50;
/** Keystrokes closer together than this are one search. */
const SEARCH_DEBOUNCE_MS = 250;
const STATUSES: readonly DisplayStatus[] = ['invited', 'expired', 'bounced', 'active', 'inactive'];

/** A long action running: what, how far, and how to stop it. */
interface Running {
  label: string;
  done: number;
  total: number;
  controller: AbortController;
}

/**
 * The directory's users as a windowed WAI-ARIA grid, at any size: filtering, keyword
 * search, sorting and paging run in the backend; the table holds a window of rows (a
 * constant number in the DOM, a few pages in memory), fetched by `offset` where the
 * backend has `offsetPaging` and by cursor otherwise. The last of 1,000,000 rows is
 * reached by dragging the scrollbar or by Ctrl+End (the scroll range is mapped past the
 * browser's element-height cap). Changes made anywhere reload the visible window; the
 * scroll position and the selection stay.
 *
 * Keyboard (grid pattern): arrows, Home/End, PageUp/PageDown, Ctrl+Home/Ctrl+End move the
 * focused cell; Space selects the row (on the header's checkbox cell: the visible rows);
 * Enter opens the user (on a header: sorts by it).
 *
 * @summary The users of the directory: search, filter, sort, select, act in bulk.
 *
 * @fires {RosterUserOpenEvent} roster-user-open - The admin opened a user (`event.user`).
 * @fires {RosterUserCreateEvent} roster-user-create - The admin asked for a new user.
 * @fires {RosterQueryChangeEvent} roster-query-change - The admin changed search, a filter, the sort or the columns (`event.query`).
 * @fires {RosterSelectionChangeEvent} roster-selection-change - The selection changed (`event.selection`: ids, or the query of "all matching").
 *
 * @slot toolbar-end - Extra controls at the end of the toolbar.
 *
 * @csspart toolbar - The bar with search, filters and the result count.
 * @csspart search - The keyword search input.
 * @csspart filters - The status, role and group filters.
 * @csspart count - The result count ("12,408 users").
 * @csspart columns - The column chooser.
 * @csspart selection - The bar shown while users are selected, with the bulk actions.
 * @csspart progress - Progress and cancel of a running bulk action or export.
 * @csspart outcome - What the last bulk action did.
 * @csspart grid - The grid (its scrolling frame).
 * @csspart header - The header row.
 * @csspart row - Each user row (also placeholder rows while they load).
 * @csspart avatar - The initials avatar in the name cell.
 * @csspart status - The status badge in each row.
 * @csspart dialog - The delete confirmation.
 * @csspart loading - The loading state.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 *
 * @cssproperty --roster-font-family - Font of all text.
 * @cssproperty --roster-color-text - Main text colour.
 * @cssproperty --roster-color-muted - Secondary text colour.
 * @cssproperty --roster-color-background - Background of the whole element (default: transparent, or the surface colour when `theme` is set).
 * @cssproperty --roster-color-surface - Background of the grid.
 * @cssproperty --roster-color-surface-alt - Background of the header, hovered and selected rows.
 * @cssproperty --roster-color-border - Lines and outlines.
 * @cssproperty --roster-color-accent - Links, focus ring, invited status, avatars.
 * @cssproperty --roster-color-accent-text - Text on the accent colour.
 * @cssproperty --roster-color-danger - Errors and the delete action.
 * @cssproperty --roster-focus-ring - Outline of the focused cell and controls.
 * @cssproperty --roster-radius - Corner radius.
 * @cssproperty --roster-space - Base spacing unit.
 * @cssproperty --roster-clamp-width - Widest a clamped value may grow.
 * @cssproperty --roster-table-height - Height of the grid's scrolling frame (default `min(70vh, 36rem)`).
 * @cssproperty --roster-status-active - Colour of the active badge.
 * @cssproperty --roster-status-invited - Colour of the invited badge.
 * @cssproperty --roster-status-warning - Colour of expired and bounced badges.
 *
 * @example
 * ```html
 * <roster-provider .roster=${roster}>
 *   <roster-user-table sort="-lastLoginAt" status="invited,expired"></roster-user-table>
 * </roster-provider>
 * <script type="module">
 *   table.addEventListener('roster-query-change', (e) => saveToUrl(e.query));
 *   table.query = readFromUrl();
 * </script>
 * ```
 */
export class RosterUserTableElement extends RosterElement {
  static override styles = [...RosterElement.styles, statusBadgeStyles, userTableStyles];

  /** Keyword search (core's matcher: names or parts, emails or domains, phone digits). */
  @property() accessor search = '';

  /** Display statuses to show, comma-separated in the attribute (`invited,expired`); empty: any. */
  @property({ converter: listConverter }) accessor status: DisplayStatus[] = [];

  /** Role ids to show, comma-separated in the attribute (`roles="admin,owner"`); empty: any. */
  @property({ converter: listConverter }) accessor roles: string[] = [];

  /** Only members of this group (its id); empty: any group. */
  @property() accessor group = '';

  /** Hide deactivated users (unless the status filter asks for them). */
  @property({ type: Boolean, attribute: 'hide-inactive' }) accessor hideInactive = false;

  /** Sort field, `-` in front for descending (`name`, `-lastLoginAt`). */
  @property() accessor sort = 'name';

  /** Visible columns in order, comma-separated in the attribute (`name` always first). */
  @property({ converter: listConverter }) accessor columns: string[] = [...DEFAULT_COLUMNS];

  @state() private accessor viewport = 10 * ROW_HEIGHT;
  @state() private accessor focusCell: CellPosition = { row: 0, col: 1 };
  @state() private accessor selection = Selection.none();
  @state() private accessor running: Running | undefined = undefined;
  @state() private accessor outcome: { text: string; undo?: string[] } | undefined = undefined;
  @state() private accessor choosingColumns = false;
  @state() private accessor bulkGroup = '';
  @state() private accessor generation = 0;
  @state() private accessor deviceGeneration = 0;

  @query('.scroller') private accessor scroller: HTMLElement | null = null;
  @query('[role=grid]') private accessor grid: HTMLElement | null = null;
  @query('dialog') private accessor confirmDialog: HTMLDialogElement | null = null;

  private readonly rows = new UserRows();
  private readonly map = new ScrollMap();
  /** The rows and the scroll map's shift of the last window render (see `onScroll`). */
  private rendered = { first: -1, last: -1, shift: 0 };
  /** Row `index` is keyed `index - rowKeyBase` (see `renderGrid`). */
  private rowKeyBase = 0;
  /** Rows of the result the grid shows (the window task's last value). */
  private gridTotal = 0;
  /** The load range as of the last update: the window task sees another one only in an update. */
  private updatedLoadRange = '';
  private readonly deviceCounts = new Map<string, number>();
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private anchorRow: number | undefined;
  private focusWanted = false;
  /** Set while the grid itself takes focus for a row scrolled out of the window. */
  private parkingFocus = false;
  private resizeObserver: ResizeObserver | undefined;
  private queryKey = '';
  /** The query as of this update (read once per update, not once per use). */
  private snapshot: UserTableQuery | undefined;
  private get current(): UserTableQuery {
    return (this.snapshot ??= this.query);
  }
  private userQuery: UserQueryInput = {};
  private filterKey = '';

  /**
   * The whole query: search, filters, sort and visible columns. Setting it sets the
   * matching properties (and so the attributes' meaning); it does not fire
   * `roster-query-change`.
   */
  get query(): UserTableQuery {
    return {
      search: this.search,
      status: [...this.status],
      role: [...this.roles],
      groupId: this.group || null,
      showInactive: !this.hideInactive,
      sort: parseSort(this.sort),
      columns: this.visibleColumns().map((column) => column.id),
    };
  }

  set query(value: Partial<UserTableQuery>) {
    if (value.search !== undefined) this.search = value.search;
    if (value.status !== undefined) this.status = [...value.status];
    if (value.role !== undefined) this.roles = [...value.role];
    if (value.groupId !== undefined) this.group = value.groupId ?? '';
    if (value.showInactive !== undefined) this.hideInactive = !value.showInactive;
    if (value.sort !== undefined) this.sort = formatSort(value.sort);
    if (value.columns !== undefined) this.columns = [...value.columns];
  }

  /** The current selection (ids, or "all matching" kept as the query). */
  get selected(): RosterSelectionChangeEvent['selection'] {
    return this.selection.toJSON();
  }

  private readonly window = this.rosterTask({
    args: () => [this.queryKey, ...this.loadRange(), this.generation] as const,
    task: async ({ roster, signal }, [key, first, last]) => {
      this.rows.useQuery(key);
      await this.rows.load(roster, this.userQuery, first, last, signal);
      this.selection = this.selection.refreshed(this.rows.loaded(first, last));
      return { total: this.rows.total ?? 0 };
    },
  });

  /** Role id → name, and the roles for the filter (from the account settings). */
  private readonly settings = this.rosterTask({
    args: () => [] as const,
    task: ({ roster, signal }) => roster.settings.get({ signal }),
  });

  /** Groups for the filter, the groups column and the bulk group actions. */
  private readonly groups = this.rosterTask({
    args: () => [] as const,
    task: async ({ roster, signal }) => {
      const groups: Group[] = [];
      let cursor: string | undefined;
      do {
        const page = await roster.groups.list({ limit: 1000, cursor }, { signal });
        groups.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return { list: groups, names: new Map(groups.map((group) => [group.id, group.name])) };
    },
  });

  /** Device counts of the visible rows (only while the devices column shows). */
  private readonly devices = this.rosterTask({
    args: () => [this.visibleDeviceIds(), this.deviceGeneration] as const,
    task: async ({ roster, signal }, [ids]) => {
      const missing = ids ? ids.split(',').filter((id) => !this.deviceCounts.has(id)) : [];
      const lists = await Promise.all(missing.map((id) => roster.devices.list(id, { signal })));
      if (this.deviceCounts.size > 5000) this.deviceCounts.clear();
      missing.forEach((id, i) => this.deviceCounts.set(id, lists[i]?.length ?? 0));
      return this.deviceCounts.size;
    },
  });

  /**
   * Lazy boundary: the phone formatter and libphonenumber-js's metadata (~29 kB min+gzip)
   * load with the first render that shows a phone (the phone column visible and a row in
   * view with a phone), not with the page: an empty directory, or one without phones,
   * never downloads them. Until they arrive phones show as stored (E.164,
   * `+27824551234`); then the rows render again, formatted (`+27 82 455 1234`). Once
   * loaded the formatter stays (a run that returns `initialState` keeps the last value).
   */
  private readonly phoneFormat = new Task(this, {
    args: () => [this.showsPhones()] as const,
    task: async ([shows]) =>
      shows ? (await import('./format-phone.js')).formatPhone : initialState,
  });

  constructor() {
    super();
    this.onRosterChange(['users', 'groups'], () => {
      this.rows.invalidate();
      this.generation += 1;
    });
    this.onRosterChange(['groups'], () => void this.groups.run());
    this.onRosterChange(['settings'], () => void this.settings.run());
    this.onRosterChange(['devices'], () => {
      this.deviceCounts.clear();
      this.deviceGeneration += 1;
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.running?.controller.abort();
  }

  /** Reloads the visible rows (also done automatically when users change). */
  async reload(): Promise<void> {
    this.rows.invalidate();
    this.generation += 1;
    await this.updateComplete;
    await this.window.taskComplete;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.snapshot = this.query;
    const userQuery = toUserQuery(this.snapshot);
    this.userQuery = userQuery;
    const key = JSON.stringify(userQuery);
    if (key !== this.queryKey) {
      // Another set of users (not only another order): a selection of the old one goes.
      const filterKey = JSON.stringify({ ...userQuery, sort: undefined });
      if (this.filterKey !== '' && filterKey !== this.filterKey) this.select(Selection.none());
      this.queryKey = key;
      this.filterKey = filterKey;
      this.rows.useQuery(key);
      this.scrollToTop(0);
    }
    if (changed.has('columns'))
      this.focusCell = { ...this.focusCell, col: Math.min(this.focusCell.col, 1) };
    this.map.resize((this.rows.total ?? 0) * ROW_HEIGHT, this.viewport);
    this.updatedLoadRange = this.loadRange().join();
  }

  /**
   * Rows are keyed by index, so a focused row that scrolls out of the window is removed (or,
   * after a jump, shows another row): before that happens the grid takes the focus (and
   * `restoreFocus` gives it back when the row returns), so focus never falls to the page.
   */
  private parkFocusIfLeaving(): void {
    const grid = this.grid;
    const active = (this.renderRoot as ShadowRoot).activeElement;
    if (!grid || !active || active === grid || !grid.contains(active)) return;
    const [first, last] = this.range();
    const row = this.focusCell.row;
    if (row === -1 || (row >= first && row <= last)) return;
    this.parkingFocus = true;
    grid.focus({ preventScroll: true });
    this.parkingFocus = false;
  }

  protected override updated(): void {
    const scroller = this.scroller;
    if (scroller && !this.resizeObserver) {
      this.resizeObserver = new ResizeObserver(() => {
        const viewport = Math.max(ROW_HEIGHT, scroller.clientHeight - ROW_HEIGHT);
        if (viewport !== this.viewport) this.viewport = viewport;
      });
      this.resizeObserver.observe(scroller);
    }
    this.renderWindow();
  }

  // ─── Query ───────────────────────────────────────────────────────────────

  private changeQuery(change: Partial<UserTableQuery>): void {
    this.query = change;
    this.dispatchEvent(new RosterQueryChangeEvent(this.query));
  }

  private onSearchInput(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.changeQuery({ search: value }), SEARCH_DEBOUNCE_MS);
  }

  private onSearchKey(event: KeyboardEvent): void {
    if (event.key !== 'Enter') return;
    clearTimeout(this.searchTimer);
    this.changeQuery({ search: (event.target as HTMLInputElement).value });
  }

  private resetFilters(): void {
    clearTimeout(this.searchTimer);
    const input = this.renderRoot.querySelector<HTMLInputElement>('input[type=search]');
    if (input) input.value = '';
    this.changeQuery({ search: '', status: [], role: [], groupId: null, showInactive: true });
  }

  private sortBy(field: UserSortField): void {
    const current = parseSort(this.sort);
    const direction =
      current.field === field && current.direction === 'asc' ? ('desc' as const) : ('asc' as const);
    this.changeQuery({ sort: { field, direction } });
  }

  private visibleColumns(): ColumnSpec[] {
    return normalizeColumns(this.columns)
      .map((id) => COLUMNS[id])
      .filter((column) => !column.needs || this.can(column.needs));
  }

  private setColumns(ids: ColumnId[]): void {
    this.changeQuery({ columns: normalizeColumns(ids) });
  }

  // ─── Window ──────────────────────────────────────────────────────────────

  /** First and last row to render (and load): the viewport plus overscan, constant count. */
  private range(): readonly [number, number] {
    const total = this.rows.total ?? 0;
    const count = Math.min(total, Math.ceil(this.viewport / ROW_HEIGHT) + 1 + 2 * OVERSCAN);
    if (this.rows.total === undefined) return [0, Math.ceil(this.viewport / ROW_HEIGHT) + OVERSCAN];
    const first = Math.floor(this.map.top / ROW_HEIGHT) - OVERSCAN;
    const start = Math.max(0, Math.min(first, total - count));
    return [start, start + count - 1];
  }

  /**
   * Rows to load: the rendered range widened to whole blocks of {@link LOAD_BLOCK} rows,
   * so the load task runs again only when the window crosses a block, not on every frame.
   */
  private loadRange(): readonly [number, number] {
    const [first, last] = this.range();
    return [
      Math.floor(first / LOAD_BLOCK) * LOAD_BLOCK,
      (Math.floor(last / LOAD_BLOCK) + 1) * LOAD_BLOCK - 1,
    ];
  }

  private showsColumn(id: ColumnId): boolean {
    return this.visibleColumns().some((column) => column.id === id);
  }

  /** The loaded users of the rendered range (the rows in view and the overscan). */
  private renderedUsers(): User[] {
    const [first, last] = this.range();
    return this.rows.loaded(first, last);
  }

  /** Whether the phone column is visible and a loaded row in view has a phone. */
  private showsPhones(): boolean {
    return this.showsColumn('phone') && this.renderedUsers().some((user) => user.phone !== null);
  }

  private visibleDeviceIds(): string {
    if (!this.showsColumn('devices')) return '';
    return this.renderedUsers()
      .map((user) => user.id)
      .join(',');
  }

  /**
   * Rows are laid out where the scroll map puts them and scroll with the content, so a
   * scroll needs a render only when other rows enter the window or the map moved them;
   * and then only of the window, unless a load (rows, device counts, the phone formatter
   * not loaded yet) depends on it.
   */
  private onScroll(event: Event): void {
    this.map.scrolled((event.target as HTMLElement).scrollTop);
    if (this.range()[0] === this.rendered.first && this.map.shift === this.rendered.shift) return;
    const loadsChange =
      this.loadRange().join() !== this.updatedLoadRange ||
      this.showsColumn('devices') ||
      (this.phoneFormat.value === undefined && this.showsPhones());
    if (loadsChange) this.requestUpdate();
    else this.renderWindow();
  }

  /** Moves the viewport so that virtual `top` is at its top edge. */
  private scrollToTop(top: number): void {
    const scroll = this.map.scrollFor(top);
    const scroller = this.scroller;
    if (scroller) {
      scroller.scrollTop = scroll;
      this.map.settle(scroller.scrollTop);
    }
    this.requestUpdate();
  }

  private scrollRowIntoView(row: number): void {
    if (row < 0) return;
    const top = row * ROW_HEIGHT;
    if (top < this.map.top) this.scrollToTop(top);
    else if (top + ROW_HEIGHT > this.map.top + this.viewport)
      this.scrollToTop(top + ROW_HEIGHT - this.viewport);
  }

  // ─── Focus and keys ──────────────────────────────────────────────────────

  private cell(position: CellPosition): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(
      `[data-row="${position.row}"][data-col="${position.col}"]`,
    );
  }

  /** Keeps DOM focus on the focused cell while rows are recycled (focus survives windowing). */
  private restoreFocus(): void {
    const grid = this.grid;
    if (!grid) return;
    const active = (this.renderRoot as ShadowRoot).activeElement;
    const inGrid = active !== null && grid.contains(active);
    if (!this.focusWanted && !inGrid) return;
    this.focusWanted = false;
    const cell = this.cell(this.focusCell);
    if (cell) {
      if (active !== cell) cell.focus({ preventScroll: true });
    } else if (active !== grid) {
      // The focused row scrolled out of the window: the grid holds focus until it is back.
      this.parkingFocus = true;
      grid.focus({ preventScroll: true });
      this.parkingFocus = false;
    }
  }

  private onGridFocusIn(event: FocusEvent): void {
    const target = event.target as HTMLElement;
    if (target === this.grid) {
      if (this.parkingFocus) return;
      // Tabbed into the grid while its focused row is out of view: bring the row back.
      const cell = this.cell(this.focusCell);
      if (cell) cell.focus({ preventScroll: true });
      else {
        this.focusWanted = true;
        this.scrollRowIntoView(this.focusCell.row);
      }
      return;
    }
    const cell = target.closest<HTMLElement>('[data-row]');
    if (!cell) return;
    // A clicked checkbox takes focus; the cell keeps it (arrows keep working).
    if (cell !== target && target.matches('input')) cell.focus({ preventScroll: true });
    const position = { row: Number(cell.dataset['row']), col: Number(cell.dataset['col']) };
    if (position.row !== this.focusCell.row || position.col !== this.focusCell.col)
      this.focusCell = position;
  }

  private onGridKey(event: KeyboardEvent): void {
    const cols = this.visibleColumns().length + 1;
    const total = this.rows.total ?? 0;
    const page = Math.max(1, Math.floor(this.viewport / ROW_HEIGHT) - 1);
    const next = moveFocus(event, this.focusCell, { rows: total, cols, page });
    if (next) {
      event.preventDefault();
      this.focusCell = next;
      this.focusWanted = true;
      this.scrollRowIntoView(next.row);
      return;
    }
    const { row, col } = this.focusCell;
    if (event.key === ' ') {
      event.preventDefault();
      if (row === -1 && col === 0) this.toggleVisible();
      else if (row >= 0) this.toggleRow(row, event.shiftKey);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (row === -1) {
        const sort = this.visibleColumns()[col - 1]?.sort;
        if (sort) this.sortBy(sort);
        else if (col === 0) this.toggleVisible();
      } else {
        const user = this.rows.row(row);
        if (user) this.open(user);
      }
    }
  }

  private open(user: User): void {
    this.dispatchEvent(new RosterUserOpenEvent(user));
  }

  private onRowClick(event: MouseEvent): void {
    const target = event.target as HTMLElement;
    if (target.closest('[data-col="0"]')) return;
    const user = this.rows.row(rowOf(event));
    if (user) this.open(user);
  }

  // ─── Selection ───────────────────────────────────────────────────────────

  private select(selection: Selection): void {
    if (selection === this.selection) return;
    const before = this.selection;
    this.selection = selection;
    if (before.empty && selection.empty) return;
    this.dispatchEvent(new RosterSelectionChangeEvent(selection.toJSON()));
  }

  private toggleRow(row: number, range: boolean): void {
    const user = this.rows.row(row);
    if (!user) return;
    const selected = !this.selection.has(user.id);
    if (range && this.anchorRow !== undefined) {
      const [from, to] = [Math.min(this.anchorRow, row), Math.max(this.anchorRow, row)];
      this.select(this.selection.with(this.rows.loaded(from, to), selected));
    } else {
      this.select(this.selection.with([user], selected));
    }
    this.anchorRow = row;
  }

  private onCheckboxClick(event: MouseEvent): void {
    event.stopPropagation();
    const row = rowOf(event);
    this.focusCell = { row, col: 0 };
    this.toggleRow(row, event.shiftKey);
  }

  /** The rows in view (loaded ones): what "select page" ticks. */
  private visibleUsers(): User[] {
    const first = Math.floor(this.map.top / ROW_HEIGHT);
    const last = Math.ceil((this.map.top + this.viewport) / ROW_HEIGHT) - 1;
    return this.rows.loaded(first, Math.min(last, (this.rows.total ?? 0) - 1));
  }

  private toggleVisible(): void {
    const users = this.visibleUsers();
    const all = users.length > 0 && users.every((user) => this.selection.has(user.id));
    this.select(this.selection.with(users, !all));
  }

  private selectAllMatching(): void {
    const { sort: _sort, ...filters } = toUserQuery(this.query);
    this.select(Selection.allMatching(filters, this.rows.total ?? 0));
  }

  // ─── Bulk actions ────────────────────────────────────────────────────────

  private async act(action: BulkActionId): Promise<void> {
    const roster = this.roster;
    if (!roster || this.selection.empty || this.running) return;
    const t = this.t.userTable;
    const controller = new AbortController();
    const selection = this.selection;
    this.outcome = undefined;
    this.running = { label: t.actionRunning[action], done: 0, total: selection.count, controller };
    try {
      const outcome = await runBulk(roster, selection, action, {
        ...(this.bulkGroup ? { groupId: this.bulkGroup } : {}),
        signal: controller.signal,
        onProgress: (done, total) => {
          if (this.running) this.running = { ...this.running, done, total };
        },
      });
      this.outcome = {
        text: this.describe(outcome),
        ...(action === 'delete' && this.can('softDelete') && outcome.succeeded.length > 0
          ? { undo: outcome.succeeded }
          : {}),
      };
      if (action === 'delete' || action === 'deactivate') this.select(Selection.none());
    } catch (error) {
      this.outcome = { text: t.actionFailed(errorMessage(error, this.t)) };
    } finally {
      this.running = undefined;
    }
  }

  private describe(outcome: BulkOutcome): string {
    const t = this.t.userTable;
    const parts = [t.outcomeDone(outcome.action, outcome.succeeded.length)];
    if (outcome.skipped > 0) parts.push(t.outcomeSkipped(outcome.skipped));
    if (outcome.refused.length > 0)
      parts.push(
        t.outcomeRefused(
          outcome.refused.length,
          outcome.refused
            .slice(0, 5)
            .map((item) => `${item.name} (${item.message})`)
            .join('; '),
        ),
      );
    if (outcome.aborted) parts.push(t.outcomeCancelled);
    return parts.join(' ');
  }

  private async undo(ids: string[]): Promise<void> {
    const roster = this.roster;
    if (!roster) return;
    const controller = new AbortController();
    this.outcome = undefined;
    this.running = { label: this.t.userTable.restoring, done: 0, total: ids.length, controller };
    const failed = await restoreAll(roster, ids, controller.signal);
    this.running = undefined;
    this.outcome = { text: this.t.userTable.restored(ids.length - failed.length, failed.length) };
  }

  private askDelete(): void {
    this.confirmDialog?.showModal();
  }

  private confirmDelete(): void {
    this.confirmDialog?.close();
    void this.act('delete');
  }

  private async exportAs(format: 'csv' | 'xlsx', scope: 'selection' | 'all'): Promise<void> {
    const roster = this.roster;
    if (!roster || this.running) return;
    const controller = new AbortController();
    const selection = this.selection;
    const total = scope === 'all' ? (this.rows.total ?? 0) : selection.count;
    this.outcome = undefined;
    this.running = { label: this.t.userTable.exporting, done: 0, total, controller };
    try {
      let what: Parameters<typeof roster.export.csv>[0];
      if (scope === 'all') what = toUserQuery(this.query);
      else if (selection.all && selection.except.size === 0) what = selection.all.query;
      else if (selection.all) {
        const ids: string[] = [];
        for await (const users of roster.users.iterate(selection.all.query, {
          signal: controller.signal,
        }))
          for (const user of users) if (selection.has(user.id)) ids.push(user.id);
        what = ids;
      } else what = [...selection.picked.keys()];
      const options = {
        signal: controller.signal,
        onProgress: ({ done }: { done: number }) => {
          if (this.running) this.running = { ...this.running, done };
        },
      };
      const file =
        format === 'csv' ? roster.export.csv(what, options) : roster.export.xlsx(what, options);
      download(file.filename, await file.blob());
      this.outcome = { text: this.t.userTable.exported(this.running?.done ?? total) };
    } catch (error) {
      this.outcome = controller.signal.aborted
        ? { text: this.t.userTable.outcomeCancelled }
        : { text: this.t.userTable.actionFailed(errorMessage(error, this.t)) };
    } finally {
      this.running = undefined;
    }
  }

  // ─── Render ──────────────────────────────────────────────────────────────

  override render() {
    const t = this.t.userTable;
    return html`
      ${this.renderToolbar()} ${this.choosingColumns ? this.renderColumnChooser() : nothing}
      ${this.renderSelectionBar()} ${this.renderProgress()}
      <div class="outcome" part="outcome" role="status">
        ${
          this.outcome
            ? html`<span>${this.outcome.text}</span> ${
                  this.outcome.undo
                    ? html`<button
                        type="button"
                        class="button"
                        @click=${() => void this.undo(this.outcome?.undo ?? [])}
                      >
                        ${t.undo}
                      </button>`
                    : nothing
                }`
            : nothing
        }
      </div>
      <div class="frame" aria-busy=${this.isBusy(this.window) ? 'true' : 'false'}>
        ${this.renderTask(this.window, ({ total }) => this.renderBody(total), t.loadingUsers)}
      </div>
      ${this.renderConfirm()}
    `;
  }

  private renderToolbar() {
    const t = this.t.userTable;
    const roles = this.settings.value?.roles ?? [];
    const groups = this.groups.value?.list ?? [];
    const total = this.rows.total;
    return html`<div class="toolbar" part="toolbar">
      <label class="field">
        <span>${t.searchUsers}</span>
        <input
          type="search"
          part="search"
          .value=${this.search}
          placeholder=${t.searchPlaceholder}
          autocomplete="off"
          @input=${this.onSearchInput}
          @keydown=${this.onSearchKey}
        />
      </label>
      <div class="filters" part="filters">
        <label class="field">
          <span>${t.filterStatus}</span>
          <select
            @change=${(e: Event) => {
              const value = (e.target as HTMLSelectElement).value as DisplayStatus | '';
              this.changeQuery({ status: value ? [value] : [] });
            }}
          >
            <option value="" ?selected=${this.status.length === 0}>${t.anyStatus}</option>
            ${STATUSES.map(
              (status) =>
                html`<option value=${status} ?selected=${this.status.includes(status)}>
                  ${this.t.common.status[status]}
                </option>`,
            )}
          </select>
        </label>
        <label class="field">
          <span>${t.filterRole}</span>
          <select
            @change=${(e: Event) => {
              const value = (e.target as HTMLSelectElement).value;
              this.changeQuery({ role: value ? [value] : [] });
            }}
          >
            <option value="" ?selected=${this.roles.length === 0}>${t.anyRole}</option>
            ${roles.map(
              (role) =>
                html`<option value=${role.id} ?selected=${this.roles.includes(role.id)}>
                  ${role.name}
                </option>`,
            )}
          </select>
        </label>
        <label class="field">
          <span>${t.filterGroup}</span>
          <select
            @change=${(e: Event) =>
              this.changeQuery({ groupId: (e.target as HTMLSelectElement).value || null })}
          >
            <option value="" ?selected=${!this.group}>${t.anyGroup}</option>
            ${groups.map(
              (group) =>
                html`<option value=${group.id} ?selected=${this.group === group.id}>
                  ${group.name}
                </option>`,
            )}
          </select>
        </label>
        <label class="check">
          <input
            type="checkbox"
            .checked=${!this.hideInactive}
            @change=${(e: Event) =>
              this.changeQuery({ showInactive: (e.target as HTMLInputElement).checked })}
          />
          ${t.showInactive}
        </label>
        <button
          type="button"
          class="button"
          ?disabled=${!hasFilters(this.current)}
          @click=${this.resetFilters}
        >
          ${t.resetFilters}
        </button>
      </div>
      <div class="actions">
        <span class="count" part="count" role="status" aria-live="polite"
          >${total === undefined ? '' : this.t.common.userCount(total)}</span
        >
        <button
          type="button"
          class="button"
          aria-expanded=${this.choosingColumns ? 'true' : 'false'}
          aria-controls="column-chooser"
          @click=${() => (this.choosingColumns = !this.choosingColumns)}
        >
          ${t.chooseColumns}
        </button>
        ${this.renderButton(t.exportAllCsv, () => void this.exportAs('csv', 'all'), !total || this.running !== undefined)}
        ${this.renderButton(t.exportAllXlsx, () => void this.exportAs('xlsx', 'all'), !total || this.running !== undefined)}
        <button
          type="button"
          class="button primary"
          @click=${() => this.dispatchEvent(new RosterUserCreateEvent())}
        >
          ${t.newUser}
        </button>
        <slot name="toolbar-end"></slot>
      </div>
    </div>`;
  }

  private renderColumnChooser() {
    const t = this.t.userTable;
    const shown = this.visibleColumns().map((column) => column.id);
    const hidden = COLUMN_IDS.filter(
      (id) => !shown.includes(id) && (!COLUMNS[id].needs || this.can(COLUMNS[id].needs)),
    );
    const order = [...shown, ...hidden];
    const move = (id: ColumnId, by: -1 | 1) => {
      const list = [...shown];
      const at = list.indexOf(id);
      const to = at + by;
      if (at < 1 || to < 1 || to >= list.length) return;
      [list[at], list[to]] = [list[to]!, list[at]!];
      this.setColumns(list);
    };
    return html`<fieldset class="chooser" part="columns" id="column-chooser">
      <legend>${t.columnsLegend}</legend>
      <ul>
        ${order.map((id) => {
          const label = COLUMNS[id].label(t);
          const visible = shown.includes(id);
          const at = shown.indexOf(id);
          return html`<li>
            <label class="check">
              <input
                type="checkbox"
                .checked=${visible}
                ?disabled=${id === 'name'}
                @change=${(e: Event) =>
                  this.setColumns(
                    (e.target as HTMLInputElement).checked
                      ? [...shown, id]
                      : shown.filter((other) => other !== id),
                  )}
              />
              ${label}
            </label>
            ${
              visible && id !== 'name'
                ? html`<button
                      type="button"
                      class="button small"
                      aria-label=${t.moveColumnUp(label)}
                      ?disabled=${at <= 1}
                      @click=${() => move(id, -1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      class="button small"
                      aria-label=${t.moveColumnDown(label)}
                      ?disabled=${at >= shown.length - 1}
                      @click=${() => move(id, 1)}
                    >
                      ↓
                    </button>`
                : nothing
            }
          </li>`;
        })}
      </ul>
    </fieldset>`;
  }

  private renderSelectionBar() {
    const selection = this.selection;
    if (selection.empty) return nothing;
    const t = this.t.userTable;
    const total = this.rows.total ?? 0;
    const busy = this.running !== undefined;
    const groups = this.groups.value?.list ?? [];
    const action = (id: BulkActionId, label: string) =>
      this.renderButton(label, () => void this.act(id), busy);
    return html`<div class="selection" part="selection" role="region" aria-label=${t.selectionBar}>
      <span>${t.selectedCount(selection.count)}</span>
      ${
        !selection.all && total > selection.count
          ? html`<button type="button" class="button" @click=${this.selectAllMatching}>
              ${t.selectAllMatching(total)}
            </button>`
          : nothing
      }
      <button type="button" class="button" @click=${() => this.select(Selection.none())}>
        ${t.clearSelection}
      </button>
      <span class="divider" aria-hidden="true"></span>
      ${this.can('invitations') ? action('resendInvite', t.resendInvite) : nothing}
      ${this.can('passwordReset') ? action('resetPassword', t.resetPassword) : nothing}
      ${action('deactivate', t.deactivate)} ${action('reactivate', t.reactivate)}
      <button type="button" class="button danger" ?disabled=${busy} @click=${this.askDelete}>
        ${t.deleteUsers}
      </button>
      ${
        groups.length > 0
          ? html`<label class="field inline">
                <span>${t.bulkGroup}</span>
                <select
                  @change=${(e: Event) => (this.bulkGroup = (e.target as HTMLSelectElement).value)}
                >
                  <option value="" ?selected=${!this.bulkGroup}>${t.chooseGroup}</option>
                  ${groups.map(
                    (group) =>
                      html`<option value=${group.id} ?selected=${this.bulkGroup === group.id}>
                        ${group.name}
                      </option>`,
                  )}
                </select>
              </label>
              ${this.renderButton(t.addToGroup, () => void this.act('addToGroup'), busy || !this.bulkGroup)}
              ${this.renderButton(t.removeFromGroup, () => void this.act('removeFromGroup'), busy || !this.bulkGroup)}`
          : nothing
      }
      ${this.renderButton(t.exportSelectedCsv, () => void this.exportAs('csv', 'selection'), busy)}
      ${this.renderButton(t.exportSelectedXlsx, () => void this.exportAs('xlsx', 'selection'), busy)}
    </div>`;
  }

  private renderProgress() {
    const running = this.running;
    if (!running) return nothing;
    const t = this.t.userTable;
    return html`<div class="progress" part="progress" role="group" aria-label=${running.label}>
      <span>${running.label}</span>
      <progress
        max=${Math.max(1, running.total)}
        value=${running.done}
        aria-label=${running.label}
      ></progress>
      <span>${t.progress(running.done, running.total)}</span>
      <button type="button" class="button" @click=${() => running.controller.abort()}>
        ${this.t.common.cancel}
      </button>
    </div>`;
  }

  private renderConfirm() {
    const t = this.t.userTable;
    const count = this.selection.count;
    const actorId = this.roster?.actor?.id;
    const includesSelf = actorId !== undefined && this.selection.has(actorId);
    const retention = this.settings.value?.retentionDays ?? 30;
    return html`<dialog
      part="dialog"
      aria-labelledby="confirm-title"
      @close=${() => this.requestUpdate()}
    >
      <h2 id="confirm-title">${t.confirmDeleteTitle(count)}</h2>
      <p>${this.can('softDelete') ? t.confirmDeleteRestorable(retention) : t.confirmDeleteFinal}</p>
      <p>${t.confirmDeleteRefused}</p>
      ${includesSelf ? html`<p>${t.confirmDeleteSelf}</p>` : nothing}
      <div class="dialog-actions">
        <button type="button" class="button" @click=${() => this.confirmDialog?.close()}>
          ${this.t.common.cancel}
        </button>
        <button type="button" class="button danger" @click=${this.confirmDelete}>
          ${t.deleteCount(count)}
        </button>
      </div>
    </dialog>`;
  }

  private renderBody(total: number) {
    const t = this.t.userTable;
    if (total === 0)
      return hasFilters(this.current)
        ? html`<div class="state" part="empty">
            ${t.noMatches}
            <button type="button" class="button" @click=${this.resetFilters}>
              ${t.resetFilters}
            </button>
          </div>`
        : html`<div class="state" part="empty">${t.noUsers}</div>`;
    this.gridTotal = total;
    return html`<div class="scroller" part="grid" @scroll=${this.onScroll}></div>`;
  }

  /**
   * Renders the grid into its scrolling frame: after every update of the element, and on
   * its own when a scroll brings other rows into the window (the toolbar and the rest of
   * the element are not evaluated again for a scroll frame). Focus is parked on the grid
   * while its row is out of the window and given back when the row returns.
   */
  private renderWindow(): void {
    const scroller = this.scroller;
    if (!scroller) return;
    this.parkFocusIfLeaving();
    render(this.renderGrid(this.gridTotal), scroller, { host: this });
    this.restoreFocus();
  }

  private renderGrid(total: number) {
    const t = this.t.userTable;
    const columns = this.visibleColumns();
    const template = ['2.75rem', ...columns.map((column) => column.width)].join(' ');
    const [first, last] = this.range();
    const shift = this.map.shift;
    // Rows are keyed by index, so a scroll keeps the elements of rows that stay in view and
    // creates only those of rows coming in. A jump to rows none of which are in view (a
    // drag of the thumb, Ctrl+End) moves the keys along: the window's elements are reused
    // in place, their bindings updated, instead of all being removed and created again.
    const before = this.rendered;
    if (first > before.last || last < before.first) this.rowKeyBase += first - before.first;
    this.rendered = { first, last, shift };
    const focusRendered =
      this.focusCell.row === -1 || (this.focusCell.row >= first && this.focusCell.row <= last);
    const indices: number[] = [];
    for (let i = first; i <= last && i < total; i += 1) indices.push(i);
    const now = new Date();
    return html`<div
      role="grid"
      class="window"
      aria-label=${t.users}
      aria-rowcount=${total + 1}
      aria-colcount=${columns.length + 1}
      aria-multiselectable="true"
      tabindex=${focusRendered ? '-1' : '0'}
      style="--_row-height: ${ROW_HEIGHT}px; --_columns: ${template}; block-size: ${this.map.scrollHeight + ROW_HEIGHT}px"
      @focusin=${this.onGridFocusIn}
      @keydown=${this.onGridKey}
    >
      <div role="rowgroup" class="head">
        <div role="row" class="row header" part="header" aria-rowindex="1">
          ${this.renderSelectAllCell()}
          ${columns.map((column, i) => this.renderHeader(column, i + 1))}
        </div>
      </div>
      <div role="rowgroup" class="body">
        ${repeat(
          indices,
          (index) => index - this.rowKeyBase,
          (index) => this.renderRow(index, columns, now, (index + 1) * ROW_HEIGHT - shift),
        )}
      </div>
    </div>`;
  }

  private renderButton(label: string, onClick: () => void, disabled = false, kind = '') {
    return html`<button
      type="button"
      class=${kind ? `button ${kind}` : 'button'}
      ?disabled=${disabled}
      @click=${onClick}
    >
      ${label}
    </button>`;
  }

  private cellTabIndex(row: number, col: number): string {
    return this.focusCell.row === row && this.focusCell.col === col ? '0' : '-1';
  }

  private renderSelectAllCell() {
    const t = this.t.userTable;
    const users = this.visibleUsers();
    const count = users.filter((user) => this.selection.has(user.id)).length;
    const all = users.length > 0 && count === users.length;
    return html`<div
      role="columnheader"
      class="cell select"
      data-row="-1"
      data-col="0"
      tabindex=${this.cellTabIndex(-1, 0)}
    >
      <input
        type="checkbox"
        tabindex="-1"
        aria-label=${t.selectPage}
        .checked=${all}
        .indeterminate=${count > 0 && !all}
        @click=${(e: Event) => {
          e.preventDefault();
          this.toggleVisible();
        }}
      />
    </div>`;
  }

  private renderHeader(column: ColumnSpec, col: number) {
    const label = column.label(this.t.userTable);
    const sort = this.current.sort;
    const active = column.sort !== undefined && sort.field === column.sort;
    const ariaSort = column.sort
      ? active
        ? sort.direction === 'asc'
          ? 'ascending'
          : 'descending'
        : 'none'
      : nothing;
    return html`<div
      role="columnheader"
      class=${`cell ${column.id}${column.sort ? ' sortable' : ''}`}
      aria-sort=${ariaSort}
      data-row="-1"
      data-col=${col}
      tabindex=${this.cellTabIndex(-1, col)}
      @click=${column.sort ? () => this.sortBy(column.sort!) : nothing}
    >
      <span class="clamp">${label}</span>
      ${
        column.sort
          ? html`<span class="sort-indicator" aria-hidden="true"
              >${active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}</span
            >`
          : nothing
      }
    </div>`;
  }

  /**
   * One row at real offset `top` in the grid (below the header): the same elements whether
   * its user has loaded or not (a placeholder's cells only lack content), so loading a
   * window never replaces the focused cell. Its cells are evaluated again only when
   * something they show changed: while scrolling, rows keep their elements (keyed by index,
   * see `renderGrid`) and scroll with the content, and most of the window is left untouched.
   */
  private renderRow(index: number, columns: ColumnSpec[], now: Date, top: number) {
    const user = this.rows.row(index);
    const selected = user !== undefined && this.selection.has(user.id);
    const focusCol = this.focusCell.row === index ? this.focusCell.col : -1;
    return html`<div
      role="row"
      class=${user ? 'row' : 'row placeholder'}
      part="row"
      aria-rowindex=${index + 2}
      aria-selected=${user ? (selected ? 'true' : 'false') : nothing}
      data-index=${index}
      style="inset-block-start: ${top}px"
      @click=${this.onRowClick}
    >
      ${guard(
        [
          index,
          user,
          selected,
          focusCol,
          columns.map((c) => c.id).join(),
          this.t,
          this.settings.value,
          this.groups.value,
          this.deviceCounts.get(user?.id ?? ''),
          this.phoneFormat.value,
        ],
        () => this.renderCells(index, columns, now, user, selected),
      )}
    </div>`;
  }

  private renderCells(
    index: number,
    columns: ColumnSpec[],
    now: Date,
    user: User | undefined,
    selected: boolean,
  ) {
    return html`<div
        role="gridcell"
        class="cell select"
        data-row=${index}
        data-col="0"
        tabindex=${this.cellTabIndex(index, 0)}
      >
        ${
          user
            ? html`<input
                type="checkbox"
                tabindex="-1"
                aria-label=${this.t.userTable.selectUser(user.name)}
                .checked=${selected}
                @click=${this.onCheckboxClick}
              />`
            : nothing
        }
      </div>
      ${columns.map(
        (column, i) =>
          html`<div
            role=${column.id === 'name' ? 'rowheader' : 'gridcell'}
            class=${`cell ${column.id}`}
            data-row=${index}
            data-col=${i + 1}
            tabindex=${this.cellTabIndex(index, i + 1)}
          >
            ${
              user
                ? this.cellContent(user, column.id, now)
                : html`<span class="bar" aria-hidden="true"></span>`
            }
          </div>`,
      )}`;
  }

  private cellContent(user: User, column: ColumnId, now: Date) {
    const { common } = this.t;
    switch (column) {
      case 'name':
        return html`<span class="avatar" part="avatar" aria-hidden="true"
            >${initials(user.name)}</span
          ><button
            type="button"
            class="open"
            tabindex="-1"
            aria-label=${this.t.userTable.openUser(user.name)}
          >
            ${userText(user.name)}
          </button>`;
      case 'email':
        return userText(user.email);
      case 'phone':
        return user.phone
          ? html`<span class="clamp" dir="ltr" title=${user.phone}
              >${this.phoneFormat.value?.(user.phone) ?? user.phone}</span
            >`
          : userText(null);
      case 'status': {
        const status = displayStatus(user, now);
        return html`<span class="status" part="status" data-status=${status}
          >${common.status[status]}</span
        >`;
      }
      case 'role': {
        const role = this.settings.value?.roles.find((r) => r.id === user.role);
        return userText(role?.name ?? user.role);
      }
      case 'groups': {
        const names = this.groups.value?.names;
        return userText(user.groupIds.map((id) => names?.get(id) ?? id).join(', ') || null);
      }
      case 'devices': {
        const count = this.deviceCounts.get(user.id);
        return count === undefined
          ? html`<span class="muted">…</span>`
          : html`${formatCount(count, this.localeTag)}`;
      }
      case 'lastLoginAt':
        return user.lastLoginAt
          ? html`<time datetime=${user.lastLoginAt} title=${user.lastLoginAt}
              >${formatDateTime(user.lastLoginAt, this.localeTag)}</time
            >`
          : html`<span class="muted">${common.never}</span>`;
    }
  }
}

/** The result row an event happened in (rows carry `data-index`). */
function rowOf(event: Event): number {
  const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
  return Number(row?.dataset['index'] ?? -1);
}

/** Offers `blob` as a download named `filename`. */
function download(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

declare global {
  interface HTMLElementTagNameMap {
    'roster-user-table': RosterUserTableElement;
  }
}
