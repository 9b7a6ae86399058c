/**
 * Roster core: what a portal developer uses. `createRoster` over a backend gives the
 * Roster facade (users, groups, devices, settings, import, export, change events); the
 * model's zod schemas and types describe the records; every failure is a typed
 * `RosterError`.
 *
 * Helpers for store and backend authors (LocalBackend, the Store interface, filter
 * compilers, sort keys, cursors) are in `@roster/core/backend-kit`; the conformance suite
 * is `@roster/core/testing`; the import worker is `@roster/core/import-worker`.
 *
 * The import engine, the XLSX reader and writer and the phone metadata are not part of
 * this entry's first load: the facade loads them with `import()` on first use.
 *
 * @example
 * ```ts
 * import { createRoster, isRosterError } from '@roster/core';
 * import { memoryBackend } from '@roster/adapters/memory';
 *
 * const roster = createRoster({ backend: memoryBackend(), defaultCountry: 'ZA' });
 * const ann = await roster.users.create({ name: 'Ann Lee', email: 'ann@example.com' });
 * ann.status; // 'invited'
 * ```
 * @packageDocumentation
 */

/* The facade */
export { createRoster } from './roster.js';
export type {
  Roster,
  RosterOptions,
  UsersApi,
  GroupsApi,
  DevicesApi,
  SettingsApi,
  BulkOptions,
  ReadOptions,
  CreateUserOptions,
  Progress,
} from './roster-api.js';
export type { Clock, Mailer, IdGenerator } from './ports.js';

/* Users */
export {
  User,
  UserStatus,
  DisplayStatus,
  STATUS_RANK,
  Channel,
  Invitation,
  Email,
  UserName,
  UserNotes,
  ExternalId,
  CreateUserInput,
  UserPatch,
  NewUser,
  NormalizedUserPatch,
  displayStatus,
  lifecycleStatus,
  normalizeEmail,
} from './model/user.js';

/* Groups, devices, settings, messages, audit */
export {
  Group,
  GroupName,
  Resource,
  CreateGroupInput,
  GroupPatch,
  normalizeGroupName,
} from './model/group.js';
export { Device, DeviceInput } from './model/device.js';
export {
  AccountSettings,
  SettingsPatch,
  PasswordPolicy,
  RoleDefinition,
  DEFAULT_SETTINGS,
} from './model/settings.js';
export { Message, MessageKind, type OutgoingMessage } from './model/message.js';
export { AuditEvent, AuditQuery, type AuditQueryInput } from './model/audit.js';
export {
  Actor,
  Id,
  Timestamp,
  Version,
  E164,
  type Page,
  type BulkFailure,
  type BulkResult,
} from './model/common.js';

/* Queries */
export {
  UserQuery,
  UserSortField,
  GroupQuery,
  MessageQuery,
  type UserQueryInput,
  type GroupQueryInput,
  type MessageQueryInput,
  type UserLookup,
} from './model/query.js';

/* Text rules and field limits */
export { textProblem, type TextProblem, type TextRules } from './model/text.js';
export { FIELD_LIMITS } from './model/limits.js';

/* Rules a portal checks on its own pages */
export {
  checkPassword,
  type PasswordProblem,
  type PasswordRule,
  type PasswordOwner,
} from './rules/password.js';
export { inheritedResources } from './rules/resources.js';
export type { CountryCode, PhoneProblem } from './rules/phone.js';
export { isCountryCode } from './rules/country.js';
/** How an import splits a groups cell (`Sales; Ops`, `Sales, Ops`, `a:::b`) into group names. */
export { splitGroups } from './import/split-groups.js';

/* Errors */
export {
  RosterError,
  ValidationError,
  ConflictError,
  NotFoundError,
  ForbiddenError,
  RuleError,
  UnsupportedError,
  UnavailableError,
  AbortedError,
  isRosterError,
  rosterErrorFromJSON,
  toIssueCode,
  ROSTER_ERROR_CODES,
  ROSTER_ISSUE_CODES,
  type RosterErrorCode,
  type RosterIssueCode,
  type RosterIssue,
  type RosterErrorOptions,
} from './errors/roster-error.js';

/* The Backend contract (what `createRoster` takes) */
export type {
  Backend,
  BackendCapabilities,
  CallOptions,
  VersionedCallOptions,
  CreateUsersOptions,
  UserUpdate,
  LoginResult,
  UserDataExport,
  ServerInstance,
  ChangeKind,
  ChangeEvent,
  ChangeListener,
} from './backend.js';

/* Import (`roster.import`): types, the template and the report */
export type { ImportApi } from './import/api.js';
export type { ImportEngine } from './import/engine.js';
export type {
  Table,
  TableSource,
  TableDetection,
  ReadTableOptions,
  Delimiter,
  TextEncodingName,
  TableWarning,
  TableWarningCode,
  TableWarningParams,
  TableNotice,
} from './import/types.js';
export type {
  ColumnMapping,
  ColumnSuggestion,
  MappingSource,
  MappingSuggestion,
} from './import/suggest-mapping.js';
export type {
  ImportPlan,
  ImportPlanOptions,
  PlanAction,
  PlanEntry,
  PlanTarget,
  SkipReason,
} from './import/plan.js';
export type {
  ImportValues,
  ImportIssue,
  ImportIssueCode,
  ImportIssueOf,
  ImportIssueParams,
  TextProblemParams,
} from './import/values.js';
export type { RecheckRowsOptions } from './import/recheck.js';
export type {
  ImportCommitOptions,
  ImportFailure,
  ImportFailureCode,
  ImportReport,
  ImportReportRow,
  ImportRowStatus,
  UnvouchedRows,
} from './import/commit.js';
export {
  LOST_IN_RESTART,
  vouchedReport,
  watchServerRestarts,
  type ServerRestartWatch,
} from './import/server-restarts.js';
export { IMPORT_FAILURE_CODES } from './import/report-types.js';
export { readFailureOf, type ReadFailure, type ReadFailureReason } from './import/read-failure.js';
export { IMPORT_FIELDS, FIELD_LABELS, type ImportField } from './import/fields.js';
export { importTemplate } from './import/template.js';
export { reportToCsv } from './import/report.js';

/* Export (`roster.export`) */
export type { ExportApi, ExportOptions, ExportSelection, UserExportFile } from './export/api.js';
export { escapeFormula } from './export/escape.js';
