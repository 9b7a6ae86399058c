import type { Actor, Roster, User } from '@roster/core';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { RosterElement } from '../foundation/roster-element.js';
import { errorMessage } from '../foundation/error-message.js';
import { exactTime } from '../foundation/time.js';
import { userText } from '../foundation/user-text.js';
import { renderPager } from '../foundation/pager.js';
import { ConfirmDialog, confirmDialogStyles } from '../foundation/confirm-dialog.js';
import { formControlStyles } from '../styles/form-controls.js';
import { sectionStyles } from '../styles/section.js';
import { RosterUsersRestoreEvent } from './events.js';
import { recycleBinStyles } from './roster-recycle-bin.styles.js';
// Its texts, added to the foundation's translation table (German loads on first use).
import './messages.js';

const DAY_MS = 24 * 3600 * 1000;

/** Who deleted each user: an actor, `null` for the system, absent when the trail does not say. */
type DeletedBy = ReadonlyMap<string, Actor | null>;

/** The actor of each user's latest `user.delete` event (one audit query per listed user). */
async function deletedByOf(
  roster: Roster,
  users: readonly User[],
  signal: AbortSignal,
): Promise<DeletedBy> {
  const entries = await Promise.all(
    users.map(async (user) => {
      const [event] = await roster.audit.list(
        { targetId: user.id, action: 'user.delete', limit: 1 },
        { signal },
      );
      return event ? ([user.id, event.actor] as const) : undefined;
    }),
  );
  return new Map(entries.filter((entry) => entry !== undefined));
}

/**
 * The recycle bin: users deleted within the retention period (`settings.retentionDays`),
 * who deleted them (from the audit trail, where the backend keeps one), when, and how many
 * days are left to restore them. Restore one or many; purge the expired ones now
 * (confirmed) instead of waiting for the backend's purge. Users past retention are gone:
 * every read already leaves them out.
 *
 * Renders only a note on backends without soft delete (`capabilities.softDelete`).
 *
 * @summary Deleted users: restore or purge.
 *
 * @fires {RosterUsersRestoreEvent} roster-users-restore - Users were restored (`event.ids`).
 *
 * @csspart toolbar - The bar with the bulk restore and purge buttons.
 * @csspart table - The table of deleted users.
 * @csspart row - Each deleted user's row.
 * @csspart progress - The progress bar of a bulk restore.
 * @csspart pager - The paging controls.
 * @csspart dialog - The purge confirmation dialog.
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 *
 * @cssproperty --roster-font-family - Font of all text.
 * @cssproperty --roster-color-text - Main text colour.
 * @cssproperty --roster-color-muted - Secondary text colour.
 * @cssproperty --roster-color-background - Background of the whole element.
 * @cssproperty --roster-color-surface - Background of the table.
 * @cssproperty --roster-color-surface-alt - Background of the table header.
 * @cssproperty --roster-color-border - Lines and outlines.
 * @cssproperty --roster-color-accent - Buttons and the focus ring.
 * @cssproperty --roster-color-danger - Errors, the purge button, users about to be purged.
 * @cssproperty --roster-radius - Corner radius.
 * @cssproperty --roster-space - Base spacing unit.
 *
 * @slot - Nothing: the element renders everything itself.
 *
 * @example
 * ```html
 * <roster-provider .roster=${roster}><roster-recycle-bin page-size="25"></roster-recycle-bin></roster-provider>
 * ```
 */
export class RosterRecycleBinElement extends RosterElement {
  static override styles = [
    ...RosterElement.styles,
    formControlStyles,
    sectionStyles,
    confirmDialogStyles,
    recycleBinStyles,
  ];

  /** Deleted users per page (1–1000). */
  @property({ type: Number, attribute: 'page-size' })
  accessor pageSize = 25;

  @state() private accessor cursors: readonly (string | undefined)[] = [undefined];
  @state() private accessor selected: ReadonlySet<string> = new Set();
  @state() private accessor progress: { done: number; total: number } | undefined = undefined;
  @state() private accessor notice = '';
  @state() private accessor problem = '';
  private readonly confirmation = new ConfirmDialog(this);

  private get limit(): number {
    return Math.min(Math.max(Math.trunc(this.pageSize) || 25, 1), 1000);
  }

  private readonly bin = this.rosterTask({
    args: () => [this.limit, this.cursors] as const,
    task: async ({ roster, signal }, [limit, cursors]) => {
      if (!roster.capabilities.softDelete) return null;
      const [page, settings] = await Promise.all([
        roster.users.list(
          { includeDeleted: 'only', limit, cursor: cursors[cursors.length - 1] },
          { signal },
        ),
        roster.settings.get({ signal }),
      ]);
      const deletedBy = roster.capabilities.audit
        ? await deletedByOf(roster, page.items, signal)
        : undefined;
      return { page, deletedBy, retentionDays: settings.retentionDays };
    },
  });

  constructor() {
    super();
    this.onRosterChange(['users', 'settings'], () => void this.bin.run());
  }

  private toggle(id: string, on: boolean): void {
    const next = new Set(this.selected);
    if (on) next.add(id);
    else next.delete(id);
    this.selected = next;
  }

  /**
   * Restores users one by one (the Backend restores one at a time), with progress; the
   * outcome is announced and `roster-users-restore` fires for those restored.
   *
   * @example
   * ```ts
   * await bin.restore(['u-1', 'u-2']);
   * ```
   */
  async restore(ids: readonly string[]): Promise<void> {
    const roster = this.roster;
    if (!roster || ids.length === 0 || this.progress) return;
    const t = this.t.recycleBin;
    const restored: string[] = [];
    const failures: string[] = [];
    this.notice = '';
    this.problem = '';
    this.progress = { done: 0, total: ids.length };
    for (const id of ids) {
      try {
        await roster.users.restore(id);
        restored.push(id);
      } catch (error) {
        failures.push(errorMessage(error, this.t));
      }
      this.progress = { done: this.progress.done + 1, total: ids.length };
    }
    this.progress = undefined;
    this.selected = new Set([...this.selected].filter((id) => !restored.includes(id)));
    if (restored.length) {
      this.notice = t.restored(restored.length);
      this.dispatchEvent(new RosterUsersRestoreEvent(restored));
    }
    if (failures.length) this.problem = t.restoreFailed(failures.length, failures[0]!);
  }

  private async confirmPurge(retentionDays: number): Promise<void> {
    const t = this.t.recycleBin;
    const confirmed = await this.confirmation.ask({
      title: t.purgeTitle,
      message: t.purgeBody(retentionDays),
      confirm: t.purgeConfirm,
      cancel: this.t.common.cancel,
      danger: true,
    });
    const roster = this.roster;
    if (!confirmed || !roster) return;
    this.problem = '';
    try {
      const purged = await roster.users.purgeExpired();
      this.notice = t.purged(purged.length);
    } catch (error) {
      this.problem = errorMessage(error, this.t);
    }
  }

  override render() {
    const t = this.t.recycleBin;
    if (this.roster && !this.can('softDelete'))
      return html`<h2>${t.recycleBin}</h2>
        <p class="state">${t.unsupported}</p>`;
    return html`<section aria-labelledby="bin-heading">
      <h2 id="bin-heading">${t.recycleBin}</h2>
      <div aria-busy=${this.isBusy(this.bin) ? 'true' : 'false'}>
        ${this.renderTask(
          this.bin,
          (bin) =>
            bin
              ? html`<p class="muted">${t.intro(bin.retentionDays)}</p>
                  ${this.renderToolbar(bin.page.items, bin.retentionDays)}
                  ${this.renderTable(bin.page.items, bin.page.total, bin.deletedBy, bin.retentionDays)}
                  ${this.renderPager(bin.page.items.length, bin.page.total, bin.page.nextCursor)}`
              : nothing,
          t.loadingDeleted,
        )}
      </div>
      <p class="visually-hidden" role="status">${this.notice}</p>
      ${this.problem ? html`<p class="state error" role="alert">${this.problem}</p>` : nothing}
      ${this.confirmation.render()}
    </section>`;
  }

  private renderToolbar(users: readonly User[], retentionDays: number) {
    const t = this.t.recycleBin;
    const ids = users.map((user) => user.id).filter((id) => this.selected.has(id));
    return html`<div class="toolbar" part="toolbar">
      <button
        type="button"
        class="button primary"
        ?disabled=${ids.length === 0 || this.progress !== undefined}
        @click=${() => void this.restore(ids)}
      >
        ${t.restoreSelected(ids.length)}
      </button>
      <button
        type="button"
        class="button danger"
        ?disabled=${this.progress !== undefined}
        @click=${() => void this.confirmPurge(retentionDays)}
      >
        ${t.purgeNow}
      </button>
      ${
        this.progress
          ? html`<label class="progress">
              <span role="status">${t.restoring(this.progress.done, this.progress.total)}</span>
              <progress
                part="progress"
                max=${this.progress.total}
                .value=${this.progress.done}
              ></progress>
            </label>`
          : nothing
      }
    </div>`;
  }

  private renderTable(
    users: readonly User[],
    total: number,
    deletedBy: DeletedBy | undefined,
    retentionDays: number,
  ) {
    const t = this.t.recycleBin;
    if (total === 0) return html`<p class="state">${t.empty}</p>`;
    const now = Date.now();
    const allSelected = users.every((user) => this.selected.has(user.id));
    return html`<div class="table-frame">
      <table part="table">
        <caption class="visually-hidden">
          ${t.recycleBin}
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <input
                type="checkbox"
                aria-label=${t.selectAll}
                .checked=${allSelected}
                @change=${(event: Event) => {
                  const on = (event.target as HTMLInputElement).checked;
                  for (const user of users) this.toggle(user.id, on);
                }}
              />
            </th>
            <th scope="col">${t.columnName}</th>
            <th scope="col">${t.columnEmail}</th>
            <th scope="col">${t.columnDeletedBy}</th>
            <th scope="col">${t.columnDeletedAt}</th>
            <th scope="col">${t.columnDaysLeft}</th>
            <th scope="col"><span class="visually-hidden">${t.columnActions}</span></th>
          </tr>
        </thead>
        <tbody>
          ${users.map((user) => {
            const deletedAt = user.deletedAt ?? user.updatedAt;
            const left = Math.ceil((Date.parse(deletedAt) + retentionDays * DAY_MS - now) / DAY_MS);
            return html`<tr part="row">
              <td>
                <input
                  type="checkbox"
                  aria-label=${t.selectUser(user.name)}
                  .checked=${this.selected.has(user.id)}
                  @change=${(event: Event) =>
                    this.toggle(user.id, (event.target as HTMLInputElement).checked)}
                />
              </td>
              <td>${userText(user.name)}</td>
              <td>${userText(user.email)}</td>
              <td>${this.renderActor(deletedBy, user.id)}</td>
              <td>${exactTime(deletedAt, this.localeTag)}</td>
              <td class=${left < 2 ? 'soon' : ''}>${t.daysLeft(Math.max(left, 0))}</td>
              <td>
                <button
                  type="button"
                  class="button"
                  aria-label=${t.restoreUser(user.name)}
                  ?disabled=${this.progress !== undefined}
                  @click=${() => void this.restore([user.id])}
                >
                  ${t.restore}
                </button>
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }

  private renderActor(deletedBy: DeletedBy | undefined, id: string) {
    const t = this.t.recycleBin;
    if (!deletedBy?.has(id)) return html`<span class="muted">${t.unknownActor}</span>`;
    const actor = deletedBy.get(id);
    if (!actor) return html`<span class="muted">${t.system}</span>`;
    return userText(actor.name ?? actor.id);
  }

  private renderPager(shown: number, total: number, nextCursor: string | null) {
    const t = this.t.recycleBin;
    const from = (this.cursors.length - 1) * this.limit;
    return renderPager({
      label: t.pagination,
      hasPrevious: this.cursors.length > 1,
      hasNext: nextCursor !== null,
      previous: () => (this.cursors = this.cursors.slice(0, -1)),
      next: () => (this.cursors = [...this.cursors, nextCursor ?? undefined]),
      previousText: t.previousPage,
      nextText: t.nextPage,
      summary: t.range(from + 1, from + shown, total),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'roster-recycle-bin': RosterRecycleBinElement;
  }
}
