import { MessageKind, type Message } from '@roster/core';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { RosterUserOpenEvent } from '../user-table/events.js';
import { RosterElement } from '../foundation/roster-element.js';
import { errorMessage } from '../foundation/error-message.js';
import { exactTime } from '../foundation/time.js';
import { userText } from '../foundation/user-text.js';
import { renderPager } from '../foundation/pager.js';
import { formControlStyles } from '../styles/form-controls.js';
import { sectionStyles } from '../styles/section.js';
import { statusBadgeStyles } from '../styles/status-badge.js';
import { outboxStyles } from './roster-outbox.styles.js';
// Its texts, added to the foundation's translation table (German loads on first use).
import './messages.js';

/** Ids of invitations that repeat an earlier invitation to the same user. */
function resends(messages: readonly Message[]): ReadonlySet<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  // Oldest first: every invitation after a user's first is a resend.
  for (const message of [...messages].reverse()) {
    if (message.kind !== 'invitation' || !message.userId) continue;
    if (seen.has(message.userId)) repeated.add(message.id);
    seen.add(message.userId);
  }
  return repeated;
}

/**
 * The outbox of a local backend (`capabilities.outbox`): every invitation, resend,
 * password reset, data export and bounce notice the directory sent, newest first. Each
 * message opens to be read (subject and body as plain text, attachments listed); a
 * message about a user (a bounced invitation, its bounce notice) links to that user with
 * `roster-user-open`.
 *
 * Renders only a note on backends without an outbox.
 *
 * @summary The messages the directory sent.
 *
 * @fires {RosterUserOpenEvent} roster-user-open - The admin opened the user a message is about (`event.user`).
 *
 * @csspart filter - The kind filter.
 * @csspart table - The table of messages.
 * @csspart row - Each message's row.
 * @csspart status - The sent / failed badge.
 * @csspart reader - The open message.
 * @csspart body - The open message's body text.
 * @csspart pager - The paging controls.
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 *
 * @cssproperty --roster-font-family - Font of all text.
 * @cssproperty --roster-color-text - Main text colour.
 * @cssproperty --roster-color-muted - Secondary text colour.
 * @cssproperty --roster-color-background - Background of the whole element.
 * @cssproperty --roster-color-surface - Background of the table and the reader.
 * @cssproperty --roster-color-surface-alt - Background of the table header and the open row.
 * @cssproperty --roster-color-border - Lines and outlines.
 * @cssproperty --roster-color-accent - Links and the focus ring.
 * @cssproperty --roster-color-danger - Failed deliveries.
 * @cssproperty --roster-radius - Corner radius.
 * @cssproperty --roster-space - Base spacing unit.
 *
 * @slot - Nothing: the element renders everything itself.
 *
 * @example
 * ```html
 * <roster-provider .roster=${roster}>
 *   <roster-outbox @roster-user-open=${(e) => showUser(e.user)}></roster-outbox>
 * </roster-provider>
 * ```
 */
export class RosterOutboxElement extends RosterElement {
  static override styles = [
    ...RosterElement.styles,
    formControlStyles,
    sectionStyles,
    statusBadgeStyles,
    outboxStyles,
  ];

  /** Messages per page. */
  @property({ type: Number, attribute: 'page-size' })
  accessor pageSize = 25;

  /** Show only messages of this kind (`undefined`: all). */
  @property()
  accessor kind: MessageKind | undefined = undefined;

  @state() private accessor pageIndex = 0;
  @state() private accessor openId: string | undefined = undefined;
  @state() private accessor problem = '';

  private readonly messages = this.rosterTask({
    args: () => [this.kind] as const,
    task: async ({ roster, signal }, [kind]) => {
      if (!roster.capabilities.outbox) return null;
      const messages = await roster.outbox.list(kind ? { kind } : {}, { signal });
      // Newest first, whatever order the backend keeps.
      const sorted = [...messages].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      return { messages: sorted, resends: resends(sorted) };
    },
  });

  constructor() {
    super();
    this.onRosterChange(['messages'], () => void this.messages.run());
  }

  private get limit(): number {
    return Math.min(Math.max(Math.trunc(this.pageSize) || 25, 1), 1000);
  }

  private filter(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.kind = MessageKind.safeParse(value).success ? (value as MessageKind) : undefined;
    this.pageIndex = 0;
    this.openId = undefined;
  }

  private async open(message: Message): Promise<void> {
    this.openId = message.id;
    this.problem = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#reader-heading')?.focus();
  }

  private close(id: string): void {
    this.openId = undefined;
    void this.updateComplete.then(() =>
      this.renderRoot
        .querySelector<HTMLElement>(`[data-message-id="${CSS.escape(id)}"] button`)
        ?.focus(),
    );
  }

  private async openUser(userId: string): Promise<void> {
    const roster = this.roster;
    if (!roster) return;
    try {
      const user = await roster.users.get(userId);
      if (user) this.dispatchEvent(new RosterUserOpenEvent(user));
      else this.problem = this.t.outbox.userGone;
    } catch (error) {
      this.problem = errorMessage(error, this.t);
    }
  }

  override render() {
    const t = this.t.outbox;
    if (this.roster && !this.can('outbox'))
      return html`<h2>${t.outbox}</h2>
        <p class="state">${t.unsupported}</p>`;
    return html`<section aria-labelledby="outbox-heading">
      <h2 id="outbox-heading">${t.outbox}</h2>
      <p class="muted">${t.intro}</p>
      <label class="field filter" part="filter">
        <span>${t.filterKind}</span>
        <select @change=${this.filter}>
          <option value="" ?selected=${!this.kind}>${t.allKinds}</option>
          ${MessageKind.options.map(
            (kind) =>
              html`<option value=${kind} ?selected=${this.kind === kind}>${t.kinds[kind]}</option>`,
          )}
        </select>
      </label>
      <div aria-busy=${this.isBusy(this.messages) ? 'true' : 'false'}>
        ${this.renderTask(
          this.messages,
          (loaded) => (loaded ? this.renderMessages(loaded.messages, loaded.resends) : nothing),
          t.loadingMessages,
        )}
      </div>
      ${this.problem ? html`<p class="state error" role="alert">${this.problem}</p>` : nothing}
    </section>`;
  }

  private renderMessages(messages: readonly Message[], resent: ReadonlySet<string>) {
    const t = this.t.outbox;
    if (messages.length === 0)
      return html`<p class="state">${this.kind ? t.emptyKind : t.empty}</p>`;
    const from = Math.min(this.pageIndex * this.limit, Math.max(messages.length - 1, 0));
    const page = messages.slice(from, from + this.limit);
    const open = messages.find((message) => message.id === this.openId);
    return html`<div class="layout">
        <div class="table-frame">
          <table part="table">
            <caption class="visually-hidden">
              ${t.outbox}
            </caption>
            <thead>
              <tr>
                <th scope="col">${t.columnSent}</th>
                <th scope="col">${t.columnKind}</th>
                <th scope="col">${t.columnTo}</th>
                <th scope="col">${t.columnSubject}</th>
                <th scope="col">${t.columnStatus}</th>
              </tr>
            </thead>
            <tbody>
              ${page.map(
                (message) =>
                  html`<tr
                    part="row"
                    data-message-id=${message.id}
                    aria-current=${message.id === this.openId ? 'true' : 'false'}
                  >
                    <td>${exactTime(message.createdAt, this.localeTag)}</td>
                    <td>${resent.has(message.id) ? t.resent : t.kinds[message.kind]}</td>
                    <td>${userText(message.to)}</td>
                    <td class="subject">
                      <button
                        type="button"
                        aria-label=${t.read(message.subject)}
                        aria-expanded=${message.id === this.openId ? 'true' : 'false'}
                        aria-controls="reader"
                        @click=${() => void this.open(message)}
                      >
                        ${userText(message.subject)}
                      </button>
                    </td>
                    <td>
                      <span class="status" part="status" data-status=${message.status}>
                        ${message.status === 'failed' ? t.failed : t.sent}
                      </span>
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>
        ${open ? this.renderReader(open, resent.has(open.id)) : nothing}
      </div>
      ${renderPager({
        label: t.pagination,
        hasPrevious: from > 0,
        hasNext: from + this.limit < messages.length,
        previous: () => (this.pageIndex = Math.max(0, this.pageIndex - 1)),
        next: () => (this.pageIndex += 1),
        previousText: t.previousPage,
        nextText: t.nextPage,
        summary: t.range(from + 1, from + page.length, messages.length),
      })}`;
  }

  private renderReader(message: Message, resent: boolean) {
    const t = this.t.outbox;
    return html`<article
      id="reader"
      class="panel reader"
      part="reader"
      aria-labelledby="reader-heading"
    >
      <h3 id="reader-heading" tabindex="-1" dir="auto">${message.subject}</h3>
      <dl>
        <dt>${t.columnKind}</dt>
        <dd>${resent ? t.resent : t.kinds[message.kind]} · ${t.channel[message.channel]}</dd>
        <dt>${t.to}</dt>
        <dd>${userText(message.to)}</dd>
        <dt>${t.columnSent}</dt>
        <dd>${exactTime(message.createdAt, this.localeTag)}</dd>
      </dl>
      ${
        message.status === 'failed'
          ? html`<p class="error-text">
              ${t.failedBecause(message.error ?? this.t.common.unknownError)}
            </p>`
          : nothing
      }
      <pre class="body" part="body" dir="auto">${message.body}</pre>
      ${
        message.attachments.length
          ? html`<h4>${t.attachments}</h4>
              <ul>
                ${message.attachments.map(
                  (file) =>
                    html`<li>
                      ${userText(file.filename)}
                      <span class="muted"
                        >${file.contentType}, ${t.characters(file.content.length)}</span
                      >
                    </li>`,
                )}
              </ul>`
          : nothing
      }
      <div class="row">
        ${
          message.userId
            ? html`<button
                type="button"
                class="button primary"
                @click=${() => void this.openUser(message.userId!)}
              >
                ${t.openUser}
              </button>`
            : nothing
        }
        <button type="button" class="button" @click=${() => this.close(message.id)}>
          ${t.closeMessage}
        </button>
      </div>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'roster-outbox': RosterOutboxElement;
  }
}
