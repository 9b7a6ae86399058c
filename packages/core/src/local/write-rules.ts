/**
 * The write rules of the local backends (and what only admin actions need: devices, a
 * user's data export, mail delivery), in one module that {@link LocalBackend} loads with
 * `import()` on first use. A page that only lists users (a table on the memory backend)
 * downloads the reads (reads.ts, settings.ts) and none of this.
 *
 * The module is loaded before a rule opens its store transaction, never inside one: a
 * transaction that awaits anything but the store would end (IndexedDB commits it).
 */
export { createUsers, updateUsers } from './users.js';
export { resendInvites, resetPasswords } from './invitations.js';
export { deleteUsers, purgeDeleted, restoreUser, setActive } from './lifecycle.js';
export { listDevices, recordLogin, signOutDevice } from './devices.js';
export { changeMembers, createGroup, deleteGroup, updateGroup } from './groups.js';
export { requestUserData } from './data-export.js';
export { updateSettings } from './settings-update.js';
// Delivery runs after a write commits (transaction.ts); one module with the rules, because
// every extra lazy module splits the first-load chunks further (measured: 0.5 kB more).
export { deliver } from './delivery.js';
