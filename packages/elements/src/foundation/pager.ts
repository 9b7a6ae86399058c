import { html, nothing } from 'lit';

/** What {@link renderPager} draws. */
export interface PagerOptions {
  /** The navigation landmark's name ("Pages", "Members"). */
  label: string;
  hasPrevious: boolean;
  hasNext: boolean;
  previous: () => void;
  next: () => void;
  previousText: string;
  nextText: string;
  /** Where the admin is ("26–50 of 812"), shown before the buttons. */
  summary?: string;
}

/**
 * Previous / next buttons in a labelled `<nav>` (nothing when there is only one page).
 * The caller keeps the cursors: a stack of the pages before this one.
 */
export function renderPager(options: PagerOptions) {
  if (!options.hasPrevious && !options.hasNext) return nothing;
  return html`<nav class="pager" part="pager" aria-label=${options.label}>
    ${options.summary ? html`<span class="muted">${options.summary}</span>` : nothing}
    <button
      type="button"
      class="button"
      ?disabled=${!options.hasPrevious}
      @click=${options.previous}
    >
      ${options.previousText}
    </button>
    <button type="button" class="button" ?disabled=${!options.hasNext} @click=${options.next}>
      ${options.nextText}
    </button>
  </nav>`;
}
