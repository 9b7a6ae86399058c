import { consume } from '@lit/context';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { BackendCapabilities, ChangeEvent, ChangeKind, Roster } from '@roster/core';
import { LitElement, html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { rosterContext } from '../context.js';
import { messagesFor, messagesReady, type RosterMessages } from '../i18n/index.js';
import { foundationStyles } from '../styles/states.js';
import { tokens } from '../styles/tokens.js';
import { ChangeController } from './change-controller.js';
import { ConnectionController } from './connection-controller.js';
import { LocaleController } from './locale-controller.js';
import { errorMessage } from './error-message.js';

/** What a {@link RosterElement.rosterTask} function receives. */
export interface RosterTaskContext {
  /** The Roster the host holds now (a task never runs without one). */
  roster: Roster;
  /** Aborted when the task runs again (its arguments changed) or the host asks to stop. */
  signal: AbortSignal;
}

/**
 * The foundation every Roster element extends. It owns, once for all elements:
 *
 * - the Roster: from an enclosing `<roster-provider>` (context) or the `roster` property;
 * - loading: {@link rosterTask} wraps Lit's `Task`, so every load gets an `AbortSignal`,
 *   a stale run is aborted and its result dropped, and {@link renderTask} shows the
 *   pending, error (with retry) and complete states the same way everywhere;
 * - "no Roster": the loading state until the document has loaded plus a grace period,
 *   then an alert and a console warning naming the element ({@link ConnectionController});
 * - change subscriptions: {@link onRosterChange}, released on disconnect;
 * - the language: the `locale` property, else the nearest `lang`, observed
 *   ({@link LocaleController}); texts through {@link t}, numbers and dates through
 *   {@link localeTag}; German texts load on first use, and an update in German waits for
 *   them, so a German page renders German from its first frame (never English first);
 * - capabilities: {@link can} is the one place an element asks what its backend
 *   supports, so what a backend cannot do is hidden, never failed;
 * - theming: the shared `--roster-*` tokens and the `theme` attribute.
 *
 * @example
 * ```ts
 * export class RosterGroupCountElement extends RosterElement {
 *   private readonly groups = this.rosterTask({
 *     args: () => [] as const,
 *     task: ({ roster, signal }) => roster.groups.list({ limit: 1 }, { signal }),
 *   });
 *   constructor() {
 *     super();
 *     this.onRosterChange(['groups'], () => void this.groups.run());
 *   }
 *   render() {
 *     return this.renderTask(this.groups, (page) => html`${page.total}`);
 *   }
 * }
 * ```
 */
export abstract class RosterElement extends LitElement {
  static override styles = [tokens, foundationStyles];

  /** The Roster instance; taken from an enclosing `<roster-provider>` when not set. */
  @consume({ context: rosterContext, subscribe: true })
  @property({ attribute: false })
  accessor roster: Roster | undefined = undefined;

  /** Locale of the texts (`en`, `de`, or one added with `registerLocale`); defaults to the nearest `lang`. */
  @property({ reflect: true })
  accessor locale: string | undefined = undefined;

  /** Forces the light or dark theme; by default the page's `color-scheme` decides. */
  @property({ reflect: true })
  accessor theme: 'light' | 'dark' | undefined = undefined;

  private readonly language = new LocaleController(this, () => this.locale);
  private readonly connection = new ConnectionController(this, () => this.roster !== undefined);

  /** The BCP 47 tag in force, for `Intl` formatting (`undefined`: the browser's default). */
  protected get localeTag(): string | undefined {
    return this.language.tag || undefined;
  }

  /** The texts in the language in force. */
  protected get t(): RosterMessages {
    return messagesFor(this.language.tag);
  }

  /**
   * Holds an update until the texts of the language in force have loaded (German loads on
   * first use: see `messagesReady`); in English, or once they are there, updates at once.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const texts = messagesReady(this.language.tag);
    return texts ? texts.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** The backend's capabilities, or `undefined` before a Roster arrives. */
  protected get capabilities(): BackendCapabilities | undefined {
    return this.roster?.capabilities;
  }

  /** Whether the backend supports `capability` (false before a Roster arrives). */
  protected can(capability: keyof BackendCapabilities): boolean {
    return this.roster?.capabilities[capability] === true;
  }

  /**
   * A load bound to the host's Roster: it runs when the Roster or `args()` change
   * (compared element by element), never without a Roster, and aborts its previous run.
   * Call `.run()` on the result to reload (after a change event, a retry).
   */
  protected rosterTask<const A extends readonly unknown[], R>(options: {
    args: () => A;
    task: (context: RosterTaskContext, args: A) => Promise<R>;
  }): Task<readonly [Roster | undefined, ...A], R> {
    return new Task(this, {
      args: () => [this.roster, ...options.args()] as const,
      task: async ([roster, ...args], { signal }) =>
        roster ? options.task({ roster, signal }, args as unknown as A) : initialState,
    });
  }

  /**
   * Calls `listener` for changes of these kinds on the host's Roster (this page, other
   * elements, other tabs or clients where the backend has `remoteEvents`), for as long as
   * the host is connected. Call it in the constructor.
   */
  protected onRosterChange(kinds: readonly ChangeKind[], listener: (event: ChangeEvent) => void) {
    new ChangeController(this, () => this.roster, kinds, listener);
  }

  /**
   * Renders a task's state: loading (also while no Roster has arrived yet), the error
   * with a retry button, or `complete(value)`. While a reload is pending, the last value
   * stays on screen (no flash of a spinner) and `aria-busy` is for the caller to set from
   * {@link isBusy}.
   */
  protected renderTask<R>(
    task: Task<readonly unknown[], R>,
    complete: (value: R) => unknown,
    loadingText: string = this.t.common.loading,
  ): unknown {
    if (!this.roster) {
      return this.connection.missing
        ? html`<p class="state error" role="alert" part="error">${this.t.common.noRoster}</p>`
        : this.renderLoading(loadingText);
    }
    if (task.status === TaskStatus.ERROR) return this.renderError(task.error, () => task.run());
    if (task.status === TaskStatus.COMPLETE) return complete(task.value as R);
    if (task.status === TaskStatus.PENDING && task.value !== undefined) return complete(task.value);
    return this.renderLoading(loadingText);
  }

  /** Whether a task is loading (for `aria-busy`). */
  protected isBusy(task: Task<readonly unknown[], unknown>): boolean {
    return task.status === TaskStatus.PENDING || (!this.roster && !this.connection.missing);
  }

  /** The shared loading state: announced politely, marked busy. */
  protected renderLoading(text: string = this.t.common.loading): TemplateResult {
    return html`<p class="state" role="status" aria-busy="true" part="loading">
      <span class="spinner" aria-hidden="true"></span>${text}
    </p>`;
  }

  /** The shared error state: what failed, in words, and a way to try again. */
  protected renderError(error: unknown, retry?: () => unknown): TemplateResult {
    const t = this.t;
    return html`<div class="state error" role="alert" part="error">
      <span>${t.common.loadFailed(errorMessage(error, t))}</span>
      ${
        retry
          ? html`<button type="button" class="button" @click=${() => void retry()}>
              ${t.common.retry}
            </button>`
          : null
      }
    </div>`;
  }
}
