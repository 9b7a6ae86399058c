import type { User, UserQueryInput } from '@roster/core';
import type { UserTableSelection } from './events.js';

/**
 * The admin's selection: users picked one by one (kept with their rows, so an action can
 * say who was refused and skip who cannot take it), or "all matching" a query, kept as
 * the query plus the users unticked since, never as a million ids.
 *
 * Immutable: every change returns a new selection (Lit sees it change).
 */
export class Selection {
  private constructor(
    readonly picked: ReadonlyMap<string, User>,
    /** Set when "all matching" was chosen. */
    readonly all: { query: UserQueryInput; total: number } | undefined,
    readonly except: ReadonlySet<string>,
  ) {}

  static none(): Selection {
    return new Selection(new Map(), undefined, new Set());
  }

  static allMatching(query: UserQueryInput, total: number): Selection {
    return new Selection(new Map(), { query, total }, new Set());
  }

  /** How many users are selected. */
  get count(): number {
    return this.all ? this.all.total - this.except.size : this.picked.size;
  }

  get empty(): boolean {
    return this.count === 0;
  }

  has(id: string): boolean {
    return this.all ? !this.except.has(id) : this.picked.has(id);
  }

  /** Ticks or unticks these users. */
  with(users: readonly User[], selected: boolean): Selection {
    if (this.all) {
      const except = new Set(this.except);
      for (const user of users) {
        if (selected) except.delete(user.id);
        else except.add(user.id);
      }
      return new Selection(this.picked, this.all, except);
    }
    const picked = new Map(this.picked);
    for (const user of users) {
      if (selected) picked.set(user.id, user);
      else picked.delete(user.id);
    }
    return new Selection(picked, undefined, this.except);
  }

  /** The same selection with fresher rows (after a reload), for what the selection shows. */
  refreshed(users: readonly User[]): Selection {
    if (this.all || !users.some((user) => this.picked.has(user.id))) return this;
    const picked = new Map(this.picked);
    for (const user of users) if (picked.has(user.id)) picked.set(user.id, user);
    return new Selection(picked, undefined, this.except);
  }

  /** The selection as the `roster-selection-change` event carries it. */
  toJSON(): UserTableSelection {
    return this.all
      ? { kind: 'query', query: this.all.query, count: this.count, except: [...this.except] }
      : { kind: 'ids', ids: [...this.picked.keys()] };
  }
}
