import type { Backend, BackendCapabilities } from '../backend.js';

/** Methods of the Backend contract (everything but `capabilities`). */
export type BackendMethod = Exclude<keyof Backend, 'capabilities'>;

/** One recorded call. */
export interface BackendCall {
  method: BackendMethod;
  args: unknown[];
}

/** A {@link Backend} that records every call it forwards; see {@link spyBackend}. */
export interface SpyBackend extends Backend {
  /** Every call so far, in order. */
  readonly calls: BackendCall[];
  /** The recorded calls of one method. */
  callsTo(method: BackendMethod): BackendCall[];
  /** Forgets the recorded calls. */
  reset(): void;
}

/** Options of {@link spyBackend}. */
export interface SpyBackendOptions {
  /** Capabilities to report instead of the inner backend's (to test unsupported paths). */
  capabilities?: Partial<BackendCapabilities>;
  /** Replacements for some methods (to make a call fail, say); calls are still recorded. */
  override?: Partial<Pick<Backend, BackendMethod>>;
}

const METHODS: readonly BackendMethod[] = [
  'listUsers',
  'getUser',
  'lookupUsers',
  'createUsers',
  'updateUsers',
  'resendInvites',
  'setActive',
  'deleteUsers',
  'restoreUser',
  'purgeDeleted',
  'resetPasswords',
  'requestUserData',
  'recordLogin',
  'listDevices',
  'signOutDevice',
  'listGroups',
  'getGroup',
  'createGroup',
  'updateGroup',
  'deleteGroup',
  'addMembers',
  'removeMembers',
  'getSettings',
  'updateSettings',
  'listMessages',
  'listAudit',
  'subscribe',
  'close',
];

/**
 * Wraps a backend so every call is recorded: tests of code above the Backend contract
 * (the facade, elements) assert what reached the backend, e.g. that invalid input caused
 * no I/O at all.
 *
 * @example
 * ```ts
 * const backend = spyBackend(memoryBackend());
 * const roster = createRoster({ backend });
 * await roster.users.create({ name: '' }).catch(() => {});
 * backend.calls.length; // 0: validation failed before any I/O
 * ```
 */
export function spyBackend(inner: Backend, options: SpyBackendOptions = {}): SpyBackend {
  const calls: BackendCall[] = [];
  const capabilities = { ...inner.capabilities, ...options.capabilities };
  const spy = {
    capabilities,
    calls,
    callsTo: (method: BackendMethod) => calls.filter((call) => call.method === method),
    reset: () => {
      calls.length = 0;
    },
  } as unknown as SpyBackend;
  const target = spy as unknown as Record<BackendMethod, (...args: unknown[]) => unknown>;
  for (const method of METHODS) {
    const replacement = options.override?.[method] as ((...args: unknown[]) => unknown) | undefined;
    const forward = replacement ?? (inner[method] as (...args: unknown[]) => unknown).bind(inner);
    target[method] = (...args: unknown[]) => {
      calls.push({ method, args });
      return forward(...args);
    };
  }
  return spy;
}
