/**
 * Giving the browser a turn during long loops: `scheduler.yield()` where the browser has
 * it, else the shared MessageChannel, which must answer every waiting turn, in order.
 */
import { expect } from 'chai';
import { afterEach, describe, it } from '@roster/test-support/harness';
import { createSlicer, yieldToHost } from '../src/import/yield.js';

const native = Object.getOwnPropertyDescriptor(globalThis, 'scheduler');

afterEach(() => {
  if (native) Object.defineProperty(globalThis, 'scheduler', native);
  else delete (globalThis as { scheduler?: unknown }).scheduler;
});

describe('yieldToHost', () => {
  it('lets the page render while a loop gives it turns', async () => {
    let framedAt = 0;
    requestAnimationFrame(() => (framedAt = performance.now()));
    const slicer = createSlicer(5);
    const start = performance.now();
    // Busy for up to 2 s, giving the browser a turn every 5 ms, until a frame was drawn.
    while (framedAt === 0 && performance.now() - start < 2_000) {
      const until = performance.now() + 1;
      while (performance.now() < until);
      await slicer.pause();
    }
    const loopEnded = performance.now();
    expect(framedAt, 'a frame was drawn during the loop').to.be.within(start, loopEnded);
  });

  it('answers every concurrent turn, in order, on the shared channel without scheduler.yield', async () => {
    Object.defineProperty(globalThis, 'scheduler', { value: undefined, configurable: true });
    const order: (number | string)[] = [];
    // A message posted before the turns is a task already waiting: it runs first.
    const other = new MessageChannel();
    other.port1.onmessage = () => void order.push('waiting task');
    other.port2.postMessage(null);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => yieldToHost().then(() => void order.push(i))),
    );
    other.port1.close();
    expect(order).to.deep.equal(['waiting task', ...Array.from({ length: 50 }, (_, i) => i)]);
  });
});
