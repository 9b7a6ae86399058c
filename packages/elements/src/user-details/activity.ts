import { User, type AuditEvent } from '@roster/core';
import { html } from 'lit';
import { relativeTime } from '../foundation/time.js';
import { changedFields } from '../user-form/draft.js';
import type { UserFormMessages } from '../user-form/messages.js';
import type { UserDetailsMessages } from './messages.js';

/** Events per "show older" step, and the most the page lists (the facade's page cap). */
export const ACTIVITY_PAGE = 20;
export const ACTIVITY_MAX = 1000;

/** One audit event in words: what, which fields (for an edit), by whom, when. */
export function activityItem(
  event: AuditEvent,
  t: { details: UserDetailsMessages; form: UserFormMessages },
  now: Date,
  locale: string | undefined,
) {
  const what = t.details.auditAction[event.action] ?? event.action;
  const fields = event.action === 'user.update' ? editedFields(event, t.form) : '';
  const actor = event.actor ? (event.actor.name ?? event.actor.id) : t.details.system;
  return html`<li>
    <span class="what">${what}</span>
    ${fields ? html`<span class="muted">${t.details.changedFields(fields)}</span>` : null}
    <span class="who" dir="auto">${t.details.by(actor)}</span>
    <span class="when">${relativeTime(event.at, now, locale)}</span>
  </li>`;
}

/** The fields an edit changed, named as the form names them ("Phone, Notes"). */
function editedFields(event: AuditEvent, t: UserFormMessages): string {
  const before = User.safeParse(event.before);
  const after = User.safeParse(event.after);
  if (!before.success || !after.success) return '';
  return changedFields(before.data, after.data)
    .map((field) =>
      field === 'status' || field === 'deletedAt' ? t.otherFields[field] : t.fields[field],
    )
    .join(', ');
}
