/**
 * A small portal page: the user table on the memory backend, and nothing else (it
 * registers the table alone; `@roster/elements/define` would register every element). What
 * it downloads on first load is the `portal-app-first-load` figure of the bundle suite.
 */
import { createRoster } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import '@roster/elements/user-table';

const roster = createRoster({ backend: memoryBackend(), defaultCountry: 'ZA' });
const table = document.createElement('roster-user-table');
table.roster = roster;
document.body.append(table);
