/**
 * In-page half of the smoke suite (loaded in Chromium by bench/lib/browser.ts; also imported
 * by smoke.bench.ts in Node for makeRecords). No Node APIs here.
 */
export function makeRecords(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    id: `u${i}`,
    fullName: `User ${i}`,
    email: `user${i}@example.com`,
    groups: ['staff', i % 2 ? 'sales' : 'support'],
    status: i % 3 ? 'active' : 'invited',
    version: 1,
    createdAt: new Date(2024, 0, 1 + (i % 28)).toISOString(),
  }));
}

function median(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function time(fn: () => unknown, iterations: number): number {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

export function cloneTimes({ n, iterations }: { n: number; iterations: number }) {
  const records = makeRecords(n);
  return {
    json: time(() => JSON.parse(JSON.stringify(records)), iterations),
    clone: time(() => structuredClone(records), iterations),
  };
}
