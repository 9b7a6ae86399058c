import { html } from 'lit';
import type { ImportWizardMessages } from './messages.js';

/** What the import step shows and reports back. */
export interface ImportStepProps {
  t: ImportWizardMessages;
  done: number;
  total: number;
  cancelling: boolean;
  onCancel(): void;
}

/** Step 4: a progress bar with counts, and cancel (stops between batches, nothing half-written). */
export function renderImportStep(p: ImportStepProps) {
  const { t } = p;
  const text = t.progress(p.done, p.total);
  return html`<div class="progress" part="progress">
      <div
        role="progressbar"
        aria-label=${t.importHeading}
        aria-valuemin="0"
        aria-valuemax=${p.total}
        aria-valuenow=${p.done}
        aria-valuetext=${text}
        class="bar"
      >
        <span style="inline-size: ${p.total === 0 ? 0 : (100 * p.done) / p.total}%"></span>
      </div>
      <p role="status" aria-live="polite">${p.cancelling ? t.cancelling : text}</p>
    </div>
    <button type="button" class="button danger" ?disabled=${p.cancelling} @click=${p.onCancel}>
      ${t.cancelImport}
    </button>`;
}
