import type { Page, Roster, User, UserQueryInput } from '@roster/core';

/** Rows kept at most (the visible window plus what was near it): never the directory. */
const MAX_ROWS = 3000;
/** Rows per request: by offset (a window), by cursor (a walk towards the window). */
const OFFSET_PAGE = 100;
const CURSOR_PAGE = 500;

/**
 * The rows of one query, fetched window by window, never the whole result.
 *
 * - With `offsetPaging` a window is fetched by `offset` (pages of {@link OFFSET_PAGE}).
 * - Without it, pages are chained by cursor: from the start, or from the end with the
 *   sort reversed (its first rows are the result's last rows, so Ctrl+End and a drag to
 *   the bottom need one request, not a walk through the directory); a window in the middle
 *   is reached by walking the nearer chain, page by page, as the admin scrolls there.
 *   This assumes what every Roster backend does: a descending sort is the ascending one
 *   reversed (ties broken by id).
 *
 * A data change marks every row stale: stale rows stay on screen until their fresh
 * copies arrive (no flash of placeholders), and only the window is fetched again.
 *
 * Invariant: at most {@link MAX_ROWS} fresh rows (plus the stale ones of the last change).
 */
export class UserRows {
  /** Rows matching the query, or `undefined` before the first answer. */
  total: number | undefined;
  private key = '';
  private rows = new Map<number, User>();
  private stale = new Map<number, User>();
  /** Cursor mode: the cursor of forward page k (k·CURSOR_PAGE); page 0 has none. */
  private forward = new Map<number, string | undefined>([[0, undefined]]);
  /** Cursor mode: the cursor of backward page k (rows counted from the end). */
  private backward = new Map<number, string | undefined>([[0, undefined]]);

  /** Starts over for another query (rows and cursors of the old one are dropped). */
  useQuery(key: string): void {
    if (key === this.key) return;
    this.key = key;
    this.total = undefined;
    this.rows.clear();
    this.stale.clear();
    this.resetCursors();
  }

  /** The data changed: every row is stale (still shown) until fetched again. */
  invalidate(): void {
    this.stale = new Map([...this.stale, ...this.rows]);
    this.rows = new Map();
    trim(this.stale);
    this.resetCursors();
  }

  /** Row `index` of the result (fresh or stale), or `undefined` while it loads. */
  row(index: number): User | undefined {
    return this.rows.get(index) ?? this.stale.get(index);
  }

  /** Whether row `index` is loaded and fresh. */
  has(index: number): boolean {
    return this.rows.has(index);
  }

  /** Loaded rows in [from, to] (inclusive), for range selection. */
  loaded(from: number, to: number): User[] {
    const users: User[] = [];
    for (let i = from; i <= to; i += 1) {
      const user = this.row(i);
      if (user) users.push(user);
    }
    return users;
  }

  /** Fetches what is missing of rows [first, last] (inclusive; clamped to the result). */
  async load(
    roster: Roster,
    query: UserQueryInput,
    first: number,
    last: number,
    signal: AbortSignal,
  ): Promise<void> {
    if (this.total === undefined) {
      // The first answer says how many rows there are; it also fills the first page.
      if (roster.capabilities.offsetPaging) await this.fetchOffset(roster, query, 0, signal);
      else await this.fetchForward(roster, query, 0, signal);
    }
    const end = Math.min(last, (this.total ?? 0) - 1);
    if (end < first) return;
    if (roster.capabilities.offsetPaging) {
      const pages: number[] = [];
      for (let page = Math.floor(first / OFFSET_PAGE); page * OFFSET_PAGE <= end; page += 1)
        if (!this.complete(page * OFFSET_PAGE, (page + 1) * OFFSET_PAGE - 1)) pages.push(page);
      await Promise.all(pages.map((page) => this.fetchOffset(roster, query, page, signal)));
    } else {
      await this.walk(roster, query, first, end, signal);
    }
  }

  private complete(from: number, to: number): boolean {
    const end = Math.min(to, (this.total ?? 0) - 1);
    for (let i = from; i <= end; i += 1) if (!this.rows.has(i)) return false;
    return true;
  }

  private async fetchOffset(
    roster: Roster,
    query: UserQueryInput,
    page: number,
    signal: AbortSignal,
  ): Promise<void> {
    const offset = page * OFFSET_PAGE;
    const result = await roster.users.list({ ...query, offset, limit: OFFSET_PAGE }, { signal });
    this.store(result, (j) => offset + j);
  }

  /** Cursor mode: walks the nearer chain (from the start or from the end) over the window. */
  private async walk(
    roster: Roster,
    query: UserQueryInput,
    first: number,
    last: number,
    signal: AbortSignal,
  ): Promise<void> {
    const total = this.total ?? 0;
    const fromEnd = { first: total - 1 - last, last: total - 1 - first };
    const forwardStart = nearestKnown(this.forward, Math.floor(first / CURSOR_PAGE));
    const backwardStart = nearestKnown(this.backward, Math.floor(fromEnd.first / CURSOR_PAGE));
    const forwardSteps = Math.floor(last / CURSOR_PAGE) - forwardStart;
    const backwardSteps = Math.floor(fromEnd.last / CURSOR_PAGE) - backwardStart;
    if (forwardSteps <= backwardSteps) {
      for (let page = forwardStart; page * CURSOR_PAGE <= last; page += 1) {
        const from = page * CURSOR_PAGE;
        if (!this.complete(from, from + CURSOR_PAGE - 1) || !this.forward.has(page + 1))
          if (!(await this.fetchForward(roster, query, page, signal))) return;
      }
    } else {
      for (let page = backwardStart; page * CURSOR_PAGE <= fromEnd.last; page += 1) {
        const to = total - 1 - page * CURSOR_PAGE;
        if (!this.complete(Math.max(0, to - CURSOR_PAGE + 1), to) || !this.backward.has(page + 1))
          if (!(await this.fetchBackward(roster, query, page, signal))) return;
      }
    }
  }

  /** Fetches forward page `page`; false when the chain ended. */
  private async fetchForward(
    roster: Roster,
    query: UserQueryInput,
    page: number,
    signal: AbortSignal,
  ): Promise<boolean> {
    const cursor = this.forward.get(page);
    if (page > 0 && cursor === undefined) return false;
    const result = await roster.users.list({ ...query, cursor, limit: CURSOR_PAGE }, { signal });
    this.store(result, (j) => page * CURSOR_PAGE + j);
    if (result.nextCursor !== null) this.forward.set(page + 1, result.nextCursor);
    return result.nextCursor !== null;
  }

  /** Fetches backward page `page` (the sort reversed); false when the chain ended. */
  private async fetchBackward(
    roster: Roster,
    query: UserQueryInput,
    page: number,
    signal: AbortSignal,
  ): Promise<boolean> {
    const cursor = this.backward.get(page);
    if (page > 0 && cursor === undefined) return false;
    const sort = query.sort ?? { field: 'name', direction: 'asc' };
    const reversed = { ...sort, direction: sort.direction === 'desc' ? 'asc' : 'desc' } as const;
    const result = await roster.users.list(
      { ...query, sort: reversed, cursor, limit: CURSOR_PAGE },
      { signal },
    );
    this.store(result, (j) => result.total - 1 - (page * CURSOR_PAGE + j));
    if (result.nextCursor !== null) this.backward.set(page + 1, result.nextCursor);
    return result.nextCursor !== null;
  }

  private store(page: Page<User>, indexOf: (position: number) => number): void {
    if (this.total !== page.total) {
      // The result grew or shrank: positions counted from the end moved.
      if (this.total !== undefined) this.backward = new Map([[0, undefined]]);
      this.total = page.total;
    }
    page.items.forEach((user, position) => {
      const index = indexOf(position);
      this.rows.delete(index);
      this.rows.set(index, user);
      this.stale.delete(index);
    });
    trim(this.rows);
  }

  private resetCursors(): void {
    this.forward = new Map([[0, undefined]]);
    this.backward = new Map([[0, undefined]]);
  }
}

/** Oldest first out (a Map keeps insertion order; a fetched row was just re-inserted). */
function trim(rows: Map<number, User>): void {
  for (const index of rows.keys()) {
    if (rows.size <= MAX_ROWS) break;
    rows.delete(index);
  }
}

/** The largest page ≤ `wanted` whose cursor is known (page 0 always is). */
function nearestKnown(cursors: Map<number, string | undefined>, wanted: number): number {
  let best = 0;
  for (const page of cursors.keys()) if (page <= wanted && page > best) best = page;
  return best;
}
