/**
 * For store and backend authors: the rule engine of the local backends (`LocalBackend`)
 * and the small `Store` interface it runs over, the record a store keeps (`UserRecord`),
 * and the helpers that give a query one meaning in every store (filter compiler, search,
 * sort keys, cursors). A portal developer needs none of this (`@roster/core` is theirs).
 *
 * @example
 * ```ts
 * import { LocalBackend, type Store } from '@roster/core/backend-kit';
 *
 * function myBackend(store: Store) {
 *   return new LocalBackend(store, { mailer: { send: (m) => smtp.send(m) } });
 * }
 * ```
 * @packageDocumentation
 */

/* The local rule engine and the Store it runs over */
export { LocalBackend, type LocalBackendOptions } from './local/local-backend.js';
export type { Store, StoreReader, StoreWriter, UserKey } from './store.js';
export { UserRecord, withDisplayStatus } from './model/user.js';
export { systemClock, randomId, outboxOnlyMailer } from './ports.js';

/* One meaning of a query in every store */
export {
  foldText,
  userSearchText,
  phoneSearchDigits,
  parseSearch,
  termMatches,
  phoneMatches,
  compileSearch,
  compileUserFilter,
  userSortValue,
  compareSortKeys,
  sortUsers,
  type UserSearchText,
  type ParsedSearch,
  type SearchTerm,
  type SearchMatcher,
  type UserFilter,
  type SortValue,
  type SortKey,
} from './rules/user-query.js';
export { encodeCursor, decodeCursor } from './rules/cursor.js';

/* Validation at a backend's edge (servers, stores reading records back) */
export { parseOrThrow, validationErrorFromZod } from './errors/from-zod.js';

/* The files of a user-data export (GDPR access request) */
export {
  userDataFiles,
  fileSlug,
  type ExportFile,
  type UserDataParts,
} from './export-user-data/files.js';
