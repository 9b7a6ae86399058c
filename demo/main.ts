/**
 * The demo portal: embeds Roster the way a customer's portal would. The backend is
 * chosen by `?backend=`: `indexeddb` (default, persistent, seeded on first run),
 * `memory`, `rest&url=http://127.0.0.1:8787/api` (see `npm run start:rest`), or
 * `scim&url=http://127.0.0.1:8788/scim/v2` (see `npm run start:scim`).
 */
import { createRoster } from '@roster/core';
import type { DemoBackendChoice } from './backends/select.js';
import '@roster/elements/define';
import type { RosterProviderElement } from '@roster/elements';

const params = new URLSearchParams(location.search);

async function chooseBackend(): Promise<DemoBackendChoice> {
  const { createDemoBackend } = await import('./backends/select.js');
  return createDemoBackend(params.get('backend') ?? 'indexeddb', params);
}

async function main(): Promise<void> {
  const provider = document.getElementById('roster') as RosterProviderElement;
  const error = document.getElementById('demo-error')!;
  try {
    const chosen = await chooseBackend();
    const roster = createRoster({
      backend: chosen.backend,
      actor: chosen.actor,
      defaultCountry: 'ZA',
    });
    provider.roster = roster;
    document.getElementById('backend-label')!.textContent = chosen.label;
    document.getElementById('actor-name')!.textContent = chosen.actor?.name ?? 'Demo admin';
    const reset = document.getElementById('reset-demo') as HTMLButtonElement;
    if (chosen.reset) {
      reset.hidden = false;
      reset.addEventListener('click', async () => {
        if (!confirm('Reset the demo directory to its seeded users? Your changes will be lost.'))
          return;
        reset.disabled = true;
        try {
          await chosen.reset!();
        } finally {
          reset.disabled = false;
        }
      });
    }
  } catch (cause) {
    error.hidden = false;
    error.textContent = `The demo could not start: ${cause instanceof Error ? cause.message : String(cause)}`;
  }
}

void main();
