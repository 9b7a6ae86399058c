/**
 * The demo on the REST backend: `?backend=rest&url=http://127.0.0.1:8787/api&token=…`, the
 * link `npm run start:rest` prints and opens. `&token=` is required: each run of the demo
 * API makes a random one and admits no other, so there is nothing to fall back to.
 * Optional `&events=sse|poll|none` (default `sse`).
 */
import { restBackend } from '@roster/adapters/rest';
import type { DemoBackendChoice } from './select.js';

/** The admin the demo API signs every request in as (see scripts/start-rest.mjs). */
const DEMO_ADMIN = { id: 'demo-owner', name: 'Olivia Owner' };
const DEFAULT_URL = 'http://127.0.0.1:8787/api';

/** What the page says when the link lacks the run's token. */
export const MISSING_TOKEN =
  'The REST demo needs the token of the running API: open the link `npm run start:rest` prints (it ends in &token=…), or add &token=<the token it printed> to this address.';

function eventsMode(value: string | null): 'sse' | 'poll' | 'none' {
  return value === 'poll' || value === 'none' ? value : 'sse';
}

/** Connects to the REST API named by `?url=` with `?token=` and offers the demo API's reset. */
export async function createRestDemoBackend(params: URLSearchParams): Promise<DemoBackendChoice> {
  const url = params.get('url') ?? DEFAULT_URL;
  const token = params.get('token')?.trim();
  if (!token) throw new Error(MISSING_TOKEN);
  const backend = await restBackend({
    baseUrl: url,
    getToken: () => token,
    events: eventsMode(params.get('events')),
  });
  const resetUrl = new URL('/__demo/reset', new URL(url, location.href));
  return {
    backend,
    label: `REST backend · ${url}`,
    actor: DEMO_ADMIN,
    reset: async () => {
      const response = await fetch(resetUrl, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
      });
      if (!response.ok) throw new Error(`The demo API refused the reset (${response.status}).`);
    },
  };
}
