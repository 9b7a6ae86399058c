/**
 * The element foundation: what every Roster element stands on. Extend
 * {@link RosterElement}; use the controllers directly only in a class that cannot.
 */
export { RosterElement, type RosterTaskContext } from './roster-element.js';
export { LocaleController } from './locale-controller.js';
export { ConnectionController, ROSTER_GRACE_MS } from './connection-controller.js';
export { ChangeController } from './change-controller.js';
export { errorMessage } from './error-message.js';
export { userText, safeUrl } from './user-text.js';
export { formatDateTime, formatCount, formatRelative } from './format.js';
