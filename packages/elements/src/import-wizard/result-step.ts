import type { ImportReport, ImportReportRow, ImportRowStatus } from '@roster/core';
import { html, nothing } from 'lit';
import { formatCount } from '../foundation/format.js';
import { userText } from '../foundation/user-text.js';
import type { ImportWizardMessages } from './messages.js';

/** Where undoing the import stands. */
export type UndoState =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'done'; deleted: number }
  | { state: 'failed'; reason: string };

/** What the result step shows and reports back. */
export interface ResultStepProps {
  t: ImportWizardMessages;
  locale: string | undefined;
  report: ImportReport;
  reinvited: number;
  /** Undo is offered only where deleted users can be restored. */
  canUndo: boolean;
  undo: UndoState;
  /** Why a row was not imported, in the admin's language (`index`: its place in the report). */
  failureText(row: ImportReportRow, index: number): string;
  onDownload(): void;
  onShowUsers(): void;
  onUndo(): void;
  onRestart(): void;
}

const OUTCOMES: readonly ImportRowStatus[] = [
  'created',
  'updated',
  'skipped',
  'failed',
  'cancelled',
];
/** Rows not imported listed on the page; the report has all of them. */
const LISTED_FAILURES = 20;

/**
 * Step 5: the counts, the report download, "show the imported users" and "undo this
 * import" (the created users deleted again, restorable as any delete).
 */
export function renderResultStep(p: ResultStepProps) {
  const { t, report } = p;
  const failures: { row: ImportReportRow; index: number }[] = [];
  for (let index = 0; index < report.rows.length && failures.length < LISTED_FAILURES; index++)
    if (report.rows[index]!.status === 'failed') failures.push({ row: report.rows[index]!, index });
  const created = report.created;
  return html`
    ${report.aborted ? html`<p class="state" role="status">${t.resultCancelled}</p>` : nothing}
    ${report.lostInRestart ? html`<p class="state error" role="alert">${t.lostInRestart(report.lostInRestart.rows.length)}</p>` : nothing}
    <dl class="counts" part="counts">
      ${OUTCOMES.filter((status) => status !== 'cancelled' || report.cancelled > 0).map(
        (status) =>
          html`<div data-status=${status}>
            <dt>${t.outcome[status]}</dt>
            <dd>${formatCount(report[status], p.locale)}</dd>
          </div>`,
      )}
    </dl>
    ${p.reinvited > 0 ? html`<p>${t.reinvited(p.reinvited)}</p>` : nothing}
    ${report.groupsCreated.length > 0 ? html`<p>${t.groupsCreated(report.groupsCreated.join(', '))}</p>` : nothing}
    ${
      failures.length > 0
        ? html`<section aria-labelledby="failed-heading">
            <h4 id="failed-heading">${t.failedRows}</h4>
            <ul class="failures">
              ${failures.map(
                ({ row, index }) =>
                  html`<li>${t.rowNumber} ${row.row}: ${userText(p.failureText(row, index))}</li>`,
              )}
            </ul>
          </section>`
        : nothing
    }
    <div class="result-actions">
      <button type="button" class="button" @click=${p.onDownload}>${t.downloadReport}</button>
      ${
        created + report.updated > 0
          ? html`<button type="button" class="button" @click=${p.onShowUsers}>
              ${t.showUsers}
            </button>`
          : nothing
      }
      ${
        p.canUndo && created > 0 && p.undo.state !== 'done'
          ? html`<button
              type="button"
              class="button danger"
              ?disabled=${p.undo.state === 'running'}
              @click=${p.onUndo}
            >
              ${t.undo(created)}
            </button>`
          : nothing
      }
      <button type="button" class="button" @click=${p.onRestart}>${t.importAnother}</button>
    </div>
    ${p.undo.state === 'running' ? html`<p role="status">${t.undoing}</p>` : nothing}
    ${p.undo.state === 'done' ? html`<p role="status">${t.undone(p.undo.deleted)}</p>` : nothing}
    ${p.undo.state === 'failed' ? html`<p class="state error" role="alert">${t.undoFailed(p.undo.reason)}</p>` : nothing}
  `;
}
