/**
 * A tiny path router: patterns are `/`-separated literal segments and `:name` parameters.
 * Literal routes are listed before parameter routes where both could match, and the first
 * match wins, so `POST /users/lookup` never reaches `/users/:id`.
 */

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteMatch<R> {
  route: R;
  params: Record<string, string>;
}

export interface Routable {
  method: Method;
  path: string;
}

/** Outcome of matching a request: a route, a known path with another method, or nothing. */
export type MatchResult<R> =
  { kind: 'found'; match: RouteMatch<R> } | { kind: 'method'; allow: Method[] } | { kind: 'none' };

/** Splits a path into decoded segments; `null` when a segment is not valid percent-encoding. */
export function segmentsOf(path: string): string[] | null {
  const parts = path.split('/').filter((part) => part !== '');
  try {
    return parts.map((part) => decodeURIComponent(part));
  } catch {
    return null;
  }
}

function matchPath(pattern: string[], segments: string[]): Record<string, string> | null {
  if (pattern.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const want = pattern[i]!;
    const got = segments[i]!;
    if (want.startsWith(':')) params[want.slice(1)] = got;
    else if (want !== got) return null;
  }
  return params;
}

/** Builds a matcher over `routes`. */
export function createRouter<R extends Routable>(
  routes: readonly R[],
): (method: string, segments: string[]) => MatchResult<R> {
  const compiled = routes.map((route) => ({ route, pattern: segmentsOf(route.path) ?? [] }));
  return (method, segments) => {
    const allow: Method[] = [];
    for (const { route, pattern } of compiled) {
      const params = matchPath(pattern, segments);
      if (!params) continue;
      if (route.method === method) return { kind: 'found', match: { route, params } };
      if (!allow.includes(route.method)) allow.push(route.method);
    }
    return allow.length ? { kind: 'method', allow } : { kind: 'none' };
  };
}
