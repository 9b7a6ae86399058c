/**
 * Registers `<roster-user-table>` alone (once; safe to import twice), for a page that shows
 * only the table: `@roster/elements/define` registers every Roster element, so a page
 * importing it downloads all of them.
 *
 * @example
 * ```ts
 * import '@roster/elements/user-table';
 * document.querySelector('roster-user-table')!.roster = roster;
 * ```
 * @packageDocumentation
 */
import { RosterUserTableElement } from './roster-user-table.js';

if (!customElements.get('roster-user-table'))
  customElements.define('roster-user-table', RosterUserTableElement);

export { RosterUserTableElement };
