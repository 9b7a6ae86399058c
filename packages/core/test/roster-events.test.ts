/** `roster.subscribe` re-emits the backend's change events. */
import { expect } from 'chai';
import { describe, it } from '@roster/test-support/harness';
import { createRoster, type ChangeEvent } from '@roster/core';
import { spyBackend } from '@roster/core/testing';
import { memoryBackend } from '@roster/adapters/memory';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('roster facade: change events', () => {
  it('delivers the backend change events of its own writes', async () => {
    const roster = createRoster({ backend: memoryBackend(), actor: { id: 'a' } });
    const events: ChangeEvent[] = [];
    const stop = roster.subscribe((event) => events.push(event));
    const user = await roster.users.create({ name: 'Evie', email: 'evie@example.com' });
    await roster.users.deactivate([user.id]);
    await tick();
    const userEvents = events.filter((e) => e.kind === 'users');
    expect(userEvents.length).to.be.at.least(2);
    expect(userEvents.every((e) => e.ids.includes(user.id) && e.origin === 'local')).to.equal(true);
    stop();
  });

  it('hears writes made through another facade on the same backend', async () => {
    const backend = memoryBackend();
    const table = createRoster({ backend });
    const wizard = createRoster({ backend });
    const events: ChangeEvent[] = [];
    table.subscribe((event) => events.push(event));
    const group = await wizard.groups.create({ name: 'Shared' });
    await tick();
    expect(events.some((e) => e.kind === 'groups' && e.ids.includes(group.id))).to.equal(true);
  });

  it('shares one backend subscription and releases it with the last listener', async () => {
    const backend = spyBackend(memoryBackend());
    const roster = createRoster({ backend });
    const first: ChangeEvent[] = [];
    const second: ChangeEvent[] = [];
    const stopFirst = roster.subscribe((event) => first.push(event));
    const stopSecond = roster.subscribe((event) => second.push(event));
    expect(backend.callsTo('subscribe')).to.have.length(1);
    await roster.groups.create({ name: 'One' });
    await tick();
    expect(first).to.have.length(1);
    expect(second).to.have.length(1);
    stopFirst();
    stopFirst();
    await roster.groups.create({ name: 'Two' });
    await tick();
    expect(first).to.have.length(1);
    expect(second).to.have.length(2);
    stopSecond();
    await roster.groups.create({ name: 'Three' });
    await tick();
    expect(second).to.have.length(2);
    roster.subscribe(() => undefined);
    expect(backend.callsTo('subscribe')).to.have.length(2);
  });

  it('the same function subscribed twice hears each event twice until each is stopped', async () => {
    const roster = createRoster({ backend: memoryBackend() });
    let count = 0;
    const listener = () => {
      count += 1;
    };
    const stopA = roster.subscribe(listener);
    roster.subscribe(listener);
    await roster.groups.create({ name: 'Twice' });
    await tick();
    expect(count).to.equal(2);
    stopA();
    await roster.groups.create({ name: 'Once' });
    await tick();
    expect(count).to.equal(3);
  });
});
