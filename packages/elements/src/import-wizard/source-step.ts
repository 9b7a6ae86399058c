import type { Delimiter, Table, TableDetection, TextEncodingName } from '@roster/core';
import { html, nothing } from 'lit';
import { userText } from '../foundation/user-text.js';
import { noticeText } from './issue-messages.js';
import type { ImportWizardMessages } from './messages.js';

const ENCODINGS: readonly TextEncodingName[] = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'];
const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];
const PREVIEW_ROWS = 5;

/** What the source step shows and what it reports back. */
export interface SourceStepProps {
  t: ImportWizardMessages;
  tab: 'file' | 'paste';
  pasteText: string;
  /** A short description of the source read (file name or "pasted list"), if any. */
  sourceName: string | null;
  table: Table | null;
  /** What the reader detected before the admin changed a choice (marked among the choices). */
  detection: Pick<TableDetection, 'encoding' | 'delimiter'> | null;
  reading: boolean;
  dragging: boolean;
  onTab(tab: 'file' | 'paste', focus: boolean): void;
  onFiles(files: FileList | null): void;
  onDragging(dragging: boolean): void;
  onPasteInput(text: string): void;
  onReadPasted(): void;
  onDownloadTemplate(): void;
  onSheet(sheet: string): void;
  onHeader(header: boolean): void;
  onEncoding(encoding: TextEncodingName): void;
  onDelimiter(delimiter: Delimiter): void;
}

/**
 * Step 1: a drop zone that is also a button (and a hidden file input it opens), a paste
 * tab, the template download; once read, what was detected (each choice changeable) and
 * a preview of the first rows.
 */
export function renderSourceStep(p: SourceStepProps) {
  const { t } = p;
  const tabKeys = (event: KeyboardEvent) => {
    // WAI-ARIA tabs: arrows, Home and End move between the two tabs.
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
    event.preventDefault();
    const next =
      event.key === 'Home'
        ? 'file'
        : event.key === 'End'
          ? 'paste'
          : p.tab === 'file'
            ? 'paste'
            : 'file';
    p.onTab(next, true);
  };
  return html`
    <div role="tablist" aria-label=${t.sourceTabs} class="tabs" @keydown=${tabKeys}>
      ${(['file', 'paste'] as const).map(
        (tab) =>
          html`<button
            type="button"
            role="tab"
            id="tab-${tab}"
            aria-controls="panel-${tab}"
            aria-selected=${p.tab === tab ? 'true' : 'false'}
            tabindex=${p.tab === tab ? 0 : -1}
            @click=${() => p.onTab(tab, false)}
          >
            ${tab === 'file' ? t.tabFile : t.tabPaste}
          </button>`,
      )}
    </div>
    ${p.tab === 'file' ? renderFilePanel(p) : renderPastePanel(p)}
    <p class="template">
      <button type="button" class="button link" @click=${p.onDownloadTemplate}>
        ${t.downloadTemplate}
      </button>
      <span class="muted">${t.templateHint}</span>
    </p>
    ${p.reading ? html`<p class="state" role="status"><span class="spinner" aria-hidden="true"></span>${t.reading}</p>` : nothing}
    ${p.table ? renderDetection(p, p.table) : nothing}
  `;
}

function renderFilePanel(p: SourceStepProps) {
  const { t } = p;
  const input = (event: Event) => {
    const target = event.target as HTMLInputElement;
    p.onFiles(target.files);
    // The same file chosen again must read again.
    target.value = '';
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    p.onDragging(false);
    p.onFiles(event.dataTransfer?.files ?? null);
  };
  const over = (event: DragEvent) => {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    if (!p.dragging) p.onDragging(true);
  };
  const open = (event: Event) => {
    const root = (event.currentTarget as HTMLElement).getRootNode() as ShadowRoot;
    root.querySelector<HTMLInputElement>('input[type=file]')?.click();
  };
  return html`<div role="tabpanel" id="panel-file" aria-labelledby="tab-file" class="panel">
    <button
      type="button"
      class="drop-zone ${p.dragging ? 'dragging' : ''}"
      part="drop-zone"
      aria-describedby="drop-hint"
      @click=${open}
      @dragover=${over}
      @dragenter=${over}
      @dragleave=${() => p.onDragging(false)}
      @drop=${drop}
    >
      <span class="drop-title">${t.dropZone}</span>
      <span id="drop-hint" class="muted">${t.dropZoneHint}</span>
    </button>
    <input
      type="file"
      hidden
      accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      aria-label=${t.chooseFile}
      @change=${input}
    />
  </div>`;
}

function renderPastePanel(p: SourceStepProps) {
  const { t } = p;
  return html`<div role="tabpanel" id="panel-paste" aria-labelledby="tab-paste" class="panel">
    <label class="field">
      <span>${t.pasteLabel}</span>
      <textarea
        rows="6"
        part="paste"
        aria-describedby="paste-hint"
        placeholder=${t.pastePlaceholder}
        .value=${p.pasteText}
        @input=${(event: Event) => p.onPasteInput((event.target as HTMLTextAreaElement).value)}
      ></textarea>
    </label>
    <p id="paste-hint" class="muted">${t.pasteHint}</p>
    <button
      type="button"
      class="button"
      ?disabled=${p.pasteText.trim() === '' || p.reading}
      @click=${p.onReadPasted}
    >
      ${t.readPasted}
    </button>
  </div>`;
}

function renderDetection(p: SourceStepProps, table: Table) {
  const { t } = p;
  const { detected } = table;
  const shown = table.rows.slice(0, PREVIEW_ROWS);
  const marked = (label: string, detected: boolean) => (detected ? t.detectedChoice(label) : label);
  const warnedRows = new Set(table.warnings.map((warning) => warning.row)).size;
  const notUtf8 = table.warnings.some((warning) => warning.code === 'not_utf8');
  // Kept on screen while a changed choice re-reads the file: the control keeps the focus.
  return html`<section
    class="detection"
    aria-labelledby="detected-heading"
    aria-busy=${p.reading ? 'true' : 'false'}
  >
    <h4 id="detected-heading">${t.detected}: ${userText(p.sourceName)}</h4>
    <p class="muted">${t.fileRead(p.sourceName ?? '', table.rows.length)}</p>
    <div class="choices">
      ${
        detected.sheets.length > 1
          ? choice(t.sheet, detected.sheets, detected.sheet, (sheet) => sheet, p.onSheet)
          : nothing
      }
      ${
        detected.encoding !== null
          ? choice(
              t.encoding,
              ENCODINGS,
              detected.encoding,
              (e) => marked(t.encodings[e], e === p.detection?.encoding),
              p.onEncoding,
              notUtf8 ? 'encoding-hint' : undefined,
            )
          : nothing
      }
      ${
        detected.delimiter !== null
          ? choice(
              t.delimiter,
              DELIMITERS,
              detected.delimiter,
              (d) => marked(t.delimiters[d], d === p.detection?.delimiter),
              p.onDelimiter,
            )
          : nothing
      }
      <label class="check">
        <input
          type="checkbox"
          .checked=${detected.header}
          @change=${(e: Event) => p.onHeader((e.target as HTMLInputElement).checked)}
        />
        ${t.headerRow}
      </label>
    </div>
    <p class="muted">${t.detectedHeader(detected.headerDetected)}</p>
    ${notUtf8 ? html`<p id="encoding-hint" class="warning">${t.notUtf8Hint}</p>` : nothing}
    ${warnedRows > 0 ? html`<p class="warning">${t.readWarnings(warnedRows)}</p>` : nothing}
    ${
      table.notices.length > 0
        ? html`<ul class="notices" role="status">
            ${table.notices.map(
              (notice) => html`<li>${noticeText(notice, t.issueTexts, t.noticeTexts)}</li>`,
            )}
          </ul>`
        : nothing
    }
    ${
      table.rows.length === 0
        ? html`<p class="state error" role="alert">${t.noRows}</p>`
        : html`<div class="scroll" tabindex="0" role="region" aria-labelledby="preview-caption">
            <table class="preview" part="preview">
              <caption id="preview-caption">
                ${t.preview}: ${t.previewCaption(shown.length, table.rows.length)}
              </caption>
              <thead>
                <tr>
                  ${table.headers.map((header) => html`<th scope="col">${userText(header)}</th>`)}
                </tr>
              </thead>
              <tbody>
                ${shown.map(
                  (row) =>
                    html`<tr>
                      ${row.map((cell) => html`<td>${userText(cell, '')}</td>`)}
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
    }
  </section>`;
}

/** A labelled select of one detected setting; choosing another value reads the file again. */
function choice<V extends string>(
  label: string,
  values: readonly V[],
  current: V | null,
  text: (value: V) => string,
  onChoose: (value: V) => void,
  describedBy?: string,
) {
  return html`<label class="field">
    <span>${label}</span>
    <select
      aria-describedby=${describedBy ?? nothing}
      @change=${(e: Event) => onChoose((e.target as HTMLSelectElement).value as V)}
    >
      ${values.map(
        (value) =>
          html`<option .value=${value} ?selected=${value === current}>${text(value)}</option>`,
      )}
    </select>
  </label>`;
}
