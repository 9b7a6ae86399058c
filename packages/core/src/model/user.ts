import * as z from 'zod/mini';
import { E164, Id, Timestamp, Version } from './common.js';
import { refuseUnsafeText } from './text.js';

/**
 * Lifecycle status as a {@link "@roster/core/backend-kit"!Store | store} keeps it.
 * `expired` and `bounced` are derived views of `invited` (see {@link DisplayStatus});
 * records the SDK returns carry those.
 */
export const UserStatus = z.enum(['invited', 'active', 'inactive']);
export type UserStatus = z.infer<typeof UserStatus>;

/**
 * What an admin sees: `invited` users whose invitation has lapsed show as `expired`,
 * whose invitation was rejected by the mail system as `bounced`. This is the `status`
 * of every {@link User} the SDK returns and the values the `status` filter takes, so a
 * record, a filter and a badge always agree. The order is the status sort order.
 */
export const DisplayStatus = z.enum(['invited', 'expired', 'bounced', 'active', 'inactive']);
export type DisplayStatus = z.infer<typeof DisplayStatus>;

/** Rank of each display status when sorting by status (the order of {@link DisplayStatus}). */
export const STATUS_RANK: Readonly<Record<DisplayStatus, number>> = Object.fromEntries(
  DisplayStatus.options.map((status, rank) => [status, rank]),
) as Record<DisplayStatus, number>;

/** How a user is reached: invitations and resets go by email or SMS accordingly. */
export const Channel = z.enum(['email', 'sms']);
export type Channel = z.infer<typeof Channel>;

/** State of the user's invitation. */
export const Invitation = z.object({
  channel: Channel,
  sentAt: Timestamp,
  expiresAt: Timestamp,
  /** How many times it was sent (first invite counts 1). */
  sendCount: z.int().check(z.nonnegative()),
  /** Set when the mail/SMS system rejected the delivery. */
  bouncedAt: z.nullable(Timestamp),
  bounceReason: z.nullable(z.string()),
});
export type Invitation = z.infer<typeof Invitation>;

/**
 * The `z.maxLength` of a string schema: limits are read from the schemas, never retyped.
 * The tightest `max_length` check in the schema's definition (`_zod.def.checks`, typed
 * by zod for introspection); `text-fields.test.ts` checks that a value of exactly this
 * length passes and one longer fails.
 */
export function maxLengthOf(schema: z.ZodMiniString<string>): number {
  let maximum = Infinity;
  for (const check of schema._zod.def.checks ?? []) {
    const def = check._zod.def;
    if (def.check === 'max_length')
      maximum = Math.min(maximum, (def as z.core.$ZodCheckMaxLengthDef).maximum);
  }
  if (maximum === Infinity) throw new Error('the schema has no maximum length');
  return maximum;
}

/** Lower-cased, trimmed email: the key for case-insensitive uniqueness. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Email text before its address check: trimmed, one line, at most 254 characters. */
const EmailText = z
  .string()
  .check(z.trim(), z.maxLength(254, 'email is too long'), refuseUnsafeText('email'));

/** Email as entered by an admin: trimmed, must look like an address. */
export const Email = z.pipe(EmailText, z.email({ message: 'email is not valid' }));

/** The longest email accepted (the limit of {@link Email}, read from its schema). */
export const EMAIL_MAX_LENGTH = maxLengthOf(EmailText);

/** A user's full name as an admin enters it: one line, no control or bidi characters. */
export const UserName = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'name is required'),
    z.maxLength(200, 'name is too long'),
    refuseUnsafeText('name'),
  );

/** Free-text notes about a user: tabs and line breaks allowed, other controls not. */
export const UserNotes = z
  .string()
  .check(z.maxLength(10_000, 'notes are too long'), refuseUnsafeText('notes', { multiline: true }));

/** The user's id in the portal's other systems (HR, identity provider). */
export const ExternalId = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'external ID is empty'),
    z.maxLength(256, 'external ID is too long'),
    refuseUnsafeText('external ID'),
  );

/**
 * A user as a {@link Store} keeps it: `status` is the lifecycle status, because
 * whether an invitation has expired depends on when it is read.
 */
export const UserRecord = z.object({
  id: Id,
  name: z.string().check(z.minLength(1), z.maxLength(maxLengthOf(UserName))),
  email: z.nullable(z.string()),
  phone: z.nullable(E164),
  role: z.string().check(z.minLength(1)),
  groupIds: z.array(Id),
  notes: z.string(),
  externalId: z.nullable(z.string()),
  status: UserStatus,
  invitation: z.nullable(Invitation),
  lastLoginAt: z.nullable(Timestamp),
  deletedAt: z.nullable(Timestamp),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type UserRecord = z.infer<typeof UserRecord>;

/**
 * A user as the SDK returns it (every backend, every read): `status` is the
 * {@link DisplayStatus} at the time of the read, so an invitation that lapsed reads
 * back as `expired` and matches the `expired` filter, not the `invited` one.
 * Whether the user ever logged in is {@link lifecycleStatus} of it.
 */
export const User = z.extend(UserRecord, { status: DisplayStatus });
export type User = z.infer<typeof User>;

/**
 * The fields an admin controls, each defined once: the input, patch and normalised
 * schemas below differ only in which are optional and how the phone is read.
 */
const UserFields = {
  name: UserName,
  email: Email,
  /** As typed: E.164, or a national number when the facade has a `defaultCountry`. */
  phone: z.string().check(z.trim(), z.minLength(1, 'phone is empty'), refuseUnsafeText('phone')),
  role: z.string().check(z.trim(), z.minLength(1, 'role is required'), refuseUnsafeText('role')),
  groupIds: z.array(Id),
  notes: UserNotes,
  externalId: ExternalId,
};

const emailOrPhone = {
  message: 'email or phone is required',
  path: ['email'],
};

/** Fields an admin sets when adding a user. Email or phone (or both) is required. */
export const CreateUserInput = z
  .object({
    name: UserFields.name,
    email: z.nullish(UserFields.email),
    phone: z.nullish(UserFields.phone),
    role: z.optional(UserFields.role),
    groupIds: z.optional(UserFields.groupIds),
    notes: z.optional(UserFields.notes),
    externalId: z.nullish(UserFields.externalId),
    /** Optional caller-chosen id (imports and migrations); generated when absent. */
    id: z.optional(Id),
  })
  .check(z.refine((input) => Boolean(input.email) || Boolean(input.phone), emailOrPhone));
export type CreateUserInput = z.input<typeof CreateUserInput>;

/** Fields an admin may change. `null` clears an optional field. */
export const UserPatch = z.partial(
  z.strictObject({
    ...UserFields,
    email: z.nullable(UserFields.email),
    phone: z.nullable(UserFields.phone),
    externalId: z.nullable(UserFields.externalId),
  }),
);
export type UserPatch = z.input<typeof UserPatch>;

/**
 * The status an admin sees at `now` (see {@link DisplayStatus}), of a stored record or
 * of a returned one read earlier (an `invited` user may have become `expired` since).
 */
export function displayStatus(
  user: Pick<User, 'status' | 'invitation'> | Pick<UserRecord, 'status' | 'invitation'>,
  now: Date,
): DisplayStatus {
  if (user.status === 'active' || user.status === 'inactive') return user.status;
  if (user.invitation?.bouncedAt) return 'bounced';
  if (user.invitation && Date.parse(user.invitation.expiresAt) <= now.getTime()) return 'expired';
  return 'invited';
}

/** Normalised fields as backends receive them: phone already E.164, optional ones null. */
const NormalizedFields = {
  ...UserFields,
  email: z.nullable(UserFields.email),
  phone: z.nullable(E164),
  externalId: z.nullable(UserFields.externalId),
};

/**
 * A validated, normalised new user as backends receive it: id chosen by the caller
 * (so a retried create is idempotent), phone already E.164, role resolved.
 */
export const NewUser = z
  .object({ id: Id, ...NormalizedFields })
  .check(z.refine((input) => input.email !== null || input.phone !== null, emailOrPhone));
export type NewUser = z.infer<typeof NewUser>;

/** A validated, normalised patch as backends receive it (phone already E.164). */
export const NormalizedUserPatch = z.partial(z.strictObject(NormalizedFields));
export type NormalizedUserPatch = z.infer<typeof NormalizedUserPatch>;

/** The lifecycle status behind a display status: `expired` and `bounced` users are `invited`. */
export function lifecycleStatus(status: DisplayStatus): UserStatus {
  return status === 'expired' || status === 'bounced' ? 'invited' : status;
}

/** The record as the SDK returns it: `status` becomes the display status at `now`. */
export function withDisplayStatus(user: UserRecord, now: Date): User {
  return { ...user, status: displayStatus(user, now) };
}
