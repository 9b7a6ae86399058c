import { css } from 'lit';

/**
 * The status badge: a pill `<span class="status" part="status" data-status=…>` whose
 * colour says the status, the same in every element that shows one (the user table,
 * user details, the outbox). A user's `active`, `invited`, `expired`, `bounced`,
 * `inactive` (and `deleted` in the recycle bin's sense); a message's `sent` and `failed`.
 * Colours are themable with `--roster-status-active`, `--roster-status-invited` and
 * `--roster-status-warning`; the text always names the status too (colour is never the
 * only cue).
 */
export const statusBadgeStyles = css`
  .status {
    display: inline-block;
    padding: 1px 8px;
    border-radius: 999px;
    font-size: 0.85em;
    border: 1px solid currentColor;
  }
  .status[data-status='active'] {
    color: var(--roster-status-active, light-dark(#1a7f37, #56d364));
  }
  .status[data-status='invited'] {
    color: var(--roster-status-invited, var(--_accent));
  }
  .status[data-status='expired'],
  .status[data-status='bounced'],
  .status[data-status='deleted'] {
    color: var(--roster-status-warning, light-dark(#8a5a00, #e3b341));
  }
  .status[data-status='inactive'] {
    color: var(--_muted);
  }
  .status[data-status='sent'] {
    border-color: var(--_border);
  }
  .status[data-status='failed'] {
    color: var(--_danger);
  }
`;
