import type { Clock } from '../ports.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A clock that stands still until told to move: the time rules (invitation expiry,
 * retention, least-recently-used devices) are tested by advancing it.
 *
 * It is itself a {@link Clock} (call it for the current time), so it can be handed to
 * any backend that takes `now`.
 */
export interface TestClock extends Clock {
  /** Moves the clock forward by `ms` milliseconds (negative moves it back). */
  advance(ms: number): void;
  /** Moves the clock forward by `days` days of 24 hours. */
  advanceDays(days: number): void;
  /** Sets the clock to an absolute time. */
  set(time: Date | string | number): void;
  /** The current time as an ISO string (what backends store). */
  iso(): string;
}

/** Default start of a test clock: a fixed Monday morning, UTC. */
export const TEST_CLOCK_START = '2026-01-05T08:00:00.000Z';

/**
 * Creates a controllable {@link TestClock}, starting at `start`.
 *
 * @example
 * ```ts
 * const clock = testClock('2026-01-05T08:00:00Z');
 * const backend = memoryBackend({ now: clock });
 * clock.advanceDays(31); // every deleted user is now past the 30-day retention
 * ```
 */
export function testClock(start: Date | string | number = TEST_CLOCK_START): TestClock {
  let current = toMillis(start);
  const clock = (() => new Date(current)) as TestClock;
  clock.advance = (ms) => {
    current += ms;
  };
  clock.advanceDays = (days) => {
    current += days * DAY_MS;
  };
  clock.set = (time) => {
    current = toMillis(time);
  };
  clock.iso = () => new Date(current).toISOString();
  return clock;
}

function toMillis(time: Date | string | number): number {
  const millis =
    time instanceof Date ? time.getTime() : typeof time === 'string' ? Date.parse(time) : time;
  if (!Number.isFinite(millis)) throw new TypeError(`testClock: not a time: ${String(time)}`);
  return millis;
}
