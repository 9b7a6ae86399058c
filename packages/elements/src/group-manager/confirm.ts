import { html, nothing } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { CommonMessages } from '../i18n/common.js';

/**
 * A question the admin must answer before something irreversible or surprising happens
 * (delete a group, purge the recycle bin).
 *
 * Until the shared confirm dialog lands in the foundation, the admin sections render
 * this one: a native modal `<dialog>` (focus trapped and returned by the browser, Escape
 * cancels), labelled by its title and described by its text.
 */
export interface Confirmation {
  title: string;
  /** What will happen, in full sentences. */
  body: string;
  /** The label of the confirming button ("Delete group"). */
  confirmLabel: string;
  /** Runs when the admin confirms. */
  run: () => unknown;
}

/**
 * Renders `confirmation` as an open modal dialog, or nothing. `close` is called once the
 * dialog closes (by either button or Escape); the host then drops its confirmation.
 *
 * @example
 * ```ts
 * html`${renderConfirmation(this.confirmation, this.t.common, () => (this.confirmation = undefined))}`
 * ```
 */
export function renderConfirmation(
  confirmation: Confirmation | undefined,
  t: CommonMessages,
  close: () => void,
) {
  if (!confirmation) return nothing;
  // The ref runs before lit attaches the new template: open once it is in the document.
  const open = (element: Element | undefined) => {
    if (!(element instanceof HTMLDialogElement)) return;
    queueMicrotask(() => {
      if (element.isConnected && !element.open) element.showModal();
    });
  };
  const confirm = (event: Event) => {
    (event.target as HTMLElement).closest('dialog')?.close();
    void confirmation.run();
  };
  return html`<dialog
    ${ref(open)}
    part="dialog"
    aria-labelledby="confirm-title"
    aria-describedby="confirm-body"
    @close=${close}
  >
    <h2 id="confirm-title">${confirmation.title}</h2>
    <p id="confirm-body">${confirmation.body}</p>
    <div class="actions">
      <button
        type="button"
        class="button"
        autofocus
        @click=${(event: Event) => (event.target as HTMLElement).closest('dialog')?.close()}
      >
        ${t.cancel}
      </button>
      <button type="button" class="button danger" @click=${confirm}>
        ${confirmation.confirmLabel}
      </button>
    </div>
  </dialog>`;
}
