import type { Backend } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import { createRoster } from '@roster/core';

/** A handful of users: the memory backend forgets everything on reload. */
const SEED = [
  { name: 'Olivia Owner', email: 'olivia@acme.example', role: 'owner' },
  { name: 'Anna Berg', email: 'anna@acme.example', role: 'admin' },
  { name: 'Björn Ek', email: 'bjorn@acme.example' },
  { name: 'François Dupont', email: 'francois@acme.example' },
  { name: 'Thandi Nkosi', phone: '+27821234567' },
  { name: 'María García', email: 'maria@acme.example' },
];

/** The demo's in-memory backend, seeded with a few users. */
export async function createMemoryDemoBackend(): Promise<Backend> {
  const backend = memoryBackend();
  const roster = createRoster({ backend, actor: null });
  for (const user of SEED) await roster.users.create(user, { invite: true });
  return backend;
}
