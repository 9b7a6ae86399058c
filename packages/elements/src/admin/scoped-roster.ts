import {
  UserQuery,
  type Page,
  type Roster,
  type User,
  type UserQueryInput,
  type UsersApi,
} from '@roster/core';
import { compileUserFilter, sortUsers } from '@roster/core/backend-kit';

/** Users read at once while filling the scope (one `get` each). */
const PARALLEL_READS = 8;

/** A Roster whose user list is narrowed to some users; {@link dispose} when done. */
export interface ScopedRoster extends Roster {
  /** How many users the scope names (some may have been deleted since). */
  readonly scopeSize: number;
  /** Stops listening for changes. */
  dispose(): void;
}

/**
 * The directory narrowed to a set of users (those an import created or updated), for
 * `<roster-user-table>`: `users.list`, `users.iterate` and `export` answer only for those
 * users, so the table's search, filters, sort, selection, bulk actions and export all work
 * inside the scope. Everything else (writes, groups, settings) is the Roster's own.
 *
 * The scope's users are read once by id and kept until something changes; filters and
 * sort then run with core's own query rules (`compileUserFilter`, `sortUsers`), so a
 * query means here what it means in every local backend. The core query has no id
 * filter, which is why the scope lives here and is meant for import-sized sets, not a
 * whole directory.
 */
export function scopedRoster(roster: Roster, ids: readonly string[]): ScopedRoster {
  const scope = [...new Set(ids)];
  let users: Promise<User[]> | undefined;
  const unsubscribe = roster.subscribe((event) => {
    if (event.kind === 'users' || event.kind === 'groups') users = undefined;
  });

  const load = (signal?: AbortSignal): Promise<User[]> => {
    const loading = (users ??= readAll(roster, scope, signal));
    // A failed (or aborted) read is not kept: the next call tries again.
    loading.catch(() => {
      if (users === loading) users = undefined;
    });
    return loading;
  };

  const matching = async (query: UserQueryInput | undefined, signal?: AbortSignal) => {
    const parsed = UserQuery.parse({ ...query, cursor: undefined, offset: undefined });
    const now = new Date();
    const filter = compileUserFilter(parsed, now);
    return sortUsers(
      (await load(signal)).filter((user) => filter(user)),
      parsed.sort,
      now,
    );
  };

  const list: UsersApi['list'] = async (query, options) => {
    const found = await matching(query, options?.signal);
    const start = query?.offset ?? (query?.cursor ? Number(query.cursor) : 0);
    const end = start + (query?.limit ?? 50);
    const page: Page<User> = {
      items: found.slice(start, end),
      total: found.length,
      nextCursor: end < found.length ? String(end) : null,
    };
    return page;
  };

  async function* iterate(
    query?: UserQueryInput,
    options?: { signal?: AbortSignal },
  ): AsyncIterable<User[]> {
    const found = await matching(query, options?.signal);
    const size = query?.limit ?? 500;
    for (let i = 0; i < found.length; i += size) {
      options?.signal?.throwIfAborted();
      yield found.slice(i, i + size);
    }
  }

  /** Exports name the scope's matching users by id (the export API's selection form). */
  const selectionIds = async (selection: Parameters<Roster['export']['csv']>[0]) =>
    Array.isArray(selection)
      ? (selection as readonly string[])
      : (await matching(selection as UserQueryInput | undefined)).map((user) => user.id);

  return {
    ...roster,
    // Pages are slices of one sorted list: any offset is as cheap as the first.
    capabilities: { ...roster.capabilities, offsetPaging: true },
    users: { ...roster.users, list, iterate },
    export: {
      csv: (selection, options) =>
        lazyFile(roster.export.csv([], options), () =>
          selectionIds(selection).then((ids) => roster.export.csv(ids, options)),
        ),
      xlsx: (selection, options) =>
        lazyFile(roster.export.xlsx([], options), () =>
          selectionIds(selection).then((ids) => roster.export.xlsx(ids, options)),
        ),
    },
    scopeSize: scope.length,
    dispose: unsubscribe,
  };
}

async function readAll(roster: Roster, ids: readonly string[], signal?: AbortSignal) {
  const found: User[] = [];
  for (let i = 0; i < ids.length; i += PARALLEL_READS) {
    signal?.throwIfAborted();
    const batch = await Promise.all(
      ids.slice(i, i + PARALLEL_READS).map((id) => roster.users.get(id, { signal })),
    );
    for (const user of batch) if (user) found.push(user);
  }
  return found;
}

type ExportFile = ReturnType<Roster['export']['csv']>;

/**
 * An export file whose selection is worked out first (the file API is synchronous).
 * The name and type do not depend on the selection: an unread export of nobody
 * (`probe`) gives them.
 */
function lazyFile(probe: ExportFile, open: () => Promise<ExportFile>): ExportFile {
  let file: Promise<ExportFile> | undefined;
  const get = () => (file ??= open());
  return {
    filename: probe.filename,
    contentType: probe.contentType,
    async *chunks() {
      yield* (await get()).chunks();
    },
    stream() {
      const iterator = this.chunks()[Symbol.asyncIterator]();
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          const next = await iterator.next();
          if (next.done) controller.close();
          else controller.enqueue(next.value);
        },
      });
    },
    blob: async () => (await get()).blob(),
    text: async () => (await get()).text(),
  };
}
