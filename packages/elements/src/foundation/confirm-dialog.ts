import { css, html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';

/** What a confirmation asks. Every text is the caller's, already translated. */
export interface ConfirmRequest {
  /** The question, as the dialog's accessible name ("Sign out Pixel 8?"). */
  title: string;
  /** What happens, as the dialog's description ("The app on this device signs out."). */
  message: string;
  /** Label of the confirming button ("Sign out"). */
  confirm: string;
  /** Label of the dismissing button (usually the common "Cancel"). */
  cancel: string;
  /** Styles the confirming button as destructive. */
  danger?: boolean;
}

/**
 * A confirmation in a native modal `<dialog>` (`showModal()`): the browser traps focus
 * inside it, makes the page behind it inert and closes it on Escape. The dialog is an
 * `alertdialog` named by its title and described by its message; the dismissing button
 * has the initial focus (the least destructive choice), and when the dialog closes
 * focus goes back to the control that opened it (or to `fallback` when that control is
 * gone, e.g. a row the confirmed action removed).
 *
 * Use one per element: render {@link render} somewhere in the template, add
 * {@link confirmDialogStyles} to the element's styles, and `await ask(...)`.
 *
 * Invariant: at most one request is open; asking again while one is open answers the
 * open one `false` first.
 *
 * @example
 * ```ts
 * class MyList extends RosterElement {
 *   static override styles = [...RosterElement.styles, confirmDialogStyles];
 *   private readonly confirmation = new ConfirmDialog(this);
 *   private async remove(item: Item) {
 *     const ok = await this.confirmation.ask({
 *       title: `Remove ${item.name}?`, message: 'This cannot be undone.',
 *       confirm: 'Remove', cancel: this.t.common.cancel, danger: true,
 *     });
 *     if (ok) await api.remove(item.id);
 *   }
 *   render() { return html`…${this.confirmation.render()}`; }
 * }
 * ```
 */
export class ConfirmDialog implements ReactiveController {
  private request: ConfirmRequest | undefined;
  private answer: ((confirmed: boolean) => void) | undefined;
  private opener: HTMLElement | undefined;
  private fallback: (() => HTMLElement | null | undefined) | undefined;
  private readonly dialog = createRef<HTMLDialogElement>();
  private static serial = 0;
  private readonly id = `roster-confirm-${(ConfirmDialog.serial += 1)}`;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /** Whether a confirmation is open. */
  get open(): boolean {
    return this.request !== undefined;
  }

  /**
   * Opens the dialog and resolves `true` when the admin confirms, `false` when they
   * cancel (button or Escape) or the host disconnects.
   *
   * @param fallback - Where focus goes on close when the opener is no longer in the page.
   */
  async ask(request: ConfirmRequest, fallback?: () => HTMLElement | null | undefined) {
    this.settle(false);
    this.opener = deepActiveElement();
    this.fallback = fallback;
    this.request = request;
    const answered = new Promise<boolean>((resolve) => (this.answer = resolve));
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.dialog.value;
    if (dialog && !dialog.open) dialog.showModal();
    return answered;
  }

  hostDisconnected(): void {
    this.settle(false);
  }

  /** The dialog (nothing while no confirmation is open). */
  render(): unknown {
    const request = this.request;
    if (!request) return nothing;
    return html`<dialog
      ${ref(this.dialog)}
      class="confirm"
      part="dialog"
      role="alertdialog"
      aria-labelledby="${this.id}-title"
      aria-describedby="${this.id}-message"
      @close=${this.onClose}
    >
      <form method="dialog">
        <h2 id="${this.id}-title" class="confirm-title">${request.title}</h2>
        <p id="${this.id}-message">${request.message}</p>
        <div class="confirm-actions">
          <button class="button" value="cancel" autofocus>${request.cancel}</button>
          <button class="button ${request.danger ? 'danger' : 'primary'}" value="confirm">
            ${request.confirm}
          </button>
        </div>
      </form>
    </dialog>`;
  }

  private readonly onClose = (event: Event) => {
    this.settle((event.target as HTMLDialogElement).returnValue === 'confirm');
  };

  private settle(confirmed: boolean): void {
    const answer = this.answer;
    if (!answer) return;
    const dialog = this.dialog.value;
    this.answer = undefined;
    this.request = undefined;
    if (dialog?.open) dialog.close();
    const opener = this.opener;
    const fallback = this.fallback;
    this.opener = undefined;
    this.fallback = undefined;
    this.host.requestUpdate();
    answer(confirmed);
    // Once the dialog is gone from the template: back to the opener, or the fallback when
    // the opener left the page. (A caller whose confirmed action later removes the opener
    // moves focus itself once that action is done.)
    void this.host.updateComplete.then(() => {
      const target = opener?.isConnected ? opener : fallback?.();
      target?.focus();
    });
  }
}

/** The element focused now, looking through open shadow roots. */
function deepActiveElement(): HTMLElement | undefined {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}

/** Styles of {@link ConfirmDialog}; add them to the host element's styles. */
export const confirmDialogStyles = css`
  dialog.confirm {
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 2);
    max-inline-size: min(32rem, 90vw);
  }
  dialog.confirm::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  .confirm-title {
    font-size: 1.1em;
    margin: 0 0 var(--_space);
  }
  .confirm-actions {
    display: flex;
    justify-content: flex-end;
    gap: var(--_space);
    margin-block-start: calc(var(--_space) * 2);
  }
`;
