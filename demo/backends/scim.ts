/**
 * The demo on the SCIM backend: `?backend=scim&url=http://127.0.0.1:8788/scim/v2&token=…`
 * (what `npm run start:scim` opens). <roster-admin> then shows what SCIM serves — users
 * and groups — and hides devices, the outbox, the activity log and the recycle bin, which
 * SCIM has not. The account settings live in this page (SCIM carries none).
 */
import { scimBackend } from '@roster/adapters/scim';
import type { DemoBackendChoice } from './select.js';

/** The admin the demo endpoint signs every request in as (see scripts/start-scim.mjs). */
const DEMO_ADMIN = { id: 'demo-owner', name: 'Olivia Owner' };
const DEFAULT_URL = 'http://127.0.0.1:8788/scim/v2';

/** Connects to the SCIM endpoint named by `?url=` with the bearer token of `?token=`. */
export async function createScimDemoBackend(params: URLSearchParams): Promise<DemoBackendChoice> {
  const url = params.get('url') ?? DEFAULT_URL;
  const token = params.get('token') ?? '';
  const backend = await scimBackend({ baseUrl: url, getToken: () => token });
  return { backend, label: `SCIM backend · ${url}`, actor: DEMO_ADMIN };
}
