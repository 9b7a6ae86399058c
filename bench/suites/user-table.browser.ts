/**
 * In-page half of the user-table suite (Chromium, built by Vite): a memory backend
 * seeded with `n` generated users, `<roster-user-table>` over it, and the same scripted
 * scroll over a static page of 200 plain `<tr>` rows as the baseline. No Node APIs here.
 *
 * The scroll script, identical for both pages: 60 frames of wheel-sized steps (scrollBy
 * 120 px per frame), a jump of the scrollbar to the middle, 20 more wheel frames, and
 * the end (Ctrl+End in the grid, `scrollTop = max` on the static page), then 20 frames
 * at rest. Frame time = the gap between consecutive requestAnimationFrame callbacks.
 */
import { createRoster, type Roster } from '@roster/core';
import { syntheticMemoryBackend } from '@roster/test-support/directory';
import '@roster/elements/define';
import type { RosterUserTableElement } from '@roster/elements';

let roster: Roster | undefined;
let size = 0;

/**
 * Seeds the memory backend with `n` users (the shared synthetic directory, through the
 * store's bulk seed path) and answers one query: the data is ready.
 */
export async function seed({ n }: { n: number }) {
  roster = undefined;
  const start = performance.now();
  const backend = syntheticMemoryBackend(n);
  roster = createRoster({ backend, actor: null });
  size = n;
  await roster.users.list({ limit: 1 });
  return { ms: performance.now() - start };
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 1));
}

function names(table: RosterUserTableElement): string[] {
  return [...table.shadowRoot!.querySelectorAll('.body [role=rowheader]')].map((cell) =>
    (cell.textContent ?? '').trim(),
  );
}

function mount(): RosterUserTableElement {
  document.body.replaceChildren();
  const table = document.createElement('roster-user-table');
  table.style.setProperty('--roster-table-height', '600px');
  table.roster = roster;
  document.body.append(table);
  return table;
}

/** ms from appending the table (data ready) to the frame after its first rows rendered. */
export async function firstRows({ runs = 5 }: { runs?: number }) {
  const samples: number[] = [];
  for (let run = 0; run < runs + 1; run += 1) {
    document.body.replaceChildren();
    await frame();
    const start = performance.now();
    const table = mount();
    await until(() => names(table).some((name) => name !== ''));
    await frame();
    if (run > 0) samples.push(performance.now() - start);
  }
  return { ms: median(samples) };
}

/**
 * ms from committing a keyword (Enter: the debounce is the admin's typing pause, not
 * waiting) to the frame after the filtered rows rendered; the backend's query included.
 */
export async function filterKeystroke({ terms }: { terms: string[] }) {
  const table = mount();
  await until(() => names(table).length > 0);
  const input = table.shadowRoot!.querySelector<HTMLInputElement>('input[type=search]')!;
  const samples: number[] = [];
  for (const term of terms) {
    await frame();
    const expected = term.split(' ')[0]!.toLowerCase();
    const start = performance.now();
    input.value = term;
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await until(() => {
      const shown = names(table);
      return shown.length > 0 && shown.every((name) => name.toLowerCase().includes(expected));
    });
    await frame();
    samples.push(performance.now() - start);
  }
  return { ms: median(samples) };
}

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!;
}

/** The scripted scroll over `scroller`; `toEnd` does the last step. Returns frame times. */
async function scriptedScroll(scroller: HTMLElement, toEnd: () => void): Promise<number[]> {
  const gaps: number[] = [];
  let last = await frame();
  const tick = async () => {
    const now = await frame();
    gaps.push(now - last);
    last = now;
  };
  for (let i = 0; i < 60; i += 1) {
    scroller.scrollBy(0, 120);
    await tick();
  }
  scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) / 2;
  await tick();
  for (let i = 0; i < 20; i += 1) {
    scroller.scrollBy(0, 120);
    await tick();
  }
  toEnd();
  for (let i = 0; i < 20; i += 1) await tick();
  return gaps;
}

/** p95 frame time of the scripted scroll over the table, and rows in its DOM. */
export async function scrollTable() {
  const table = mount();
  await until(() => names(table).length > 0);
  const root = table.shadowRoot!;
  const scroller = root.querySelector<HTMLElement>('[part=grid]')!;
  await frame();
  const gaps = await scriptedScroll(scroller, () => {
    const cell = root.querySelector<HTMLElement>('.body [role=rowheader]')!;
    cell.focus({ preventScroll: true });
    cell.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'End', ctrlKey: true, bubbles: true, composed: true }),
    );
  });
  const lastIndex = String(size + 1);
  await until(() => {
    const row = root.querySelector(`.body [role=row][aria-rowindex="${lastIndex}"]`);
    return row !== null && (row.querySelector('[role=rowheader]')?.textContent ?? '').trim() !== '';
  });
  await frame();
  const visible = Math.ceil(scroller.clientHeight / 44);
  return {
    p95: p95(gaps),
    domRows: root.querySelectorAll('.body [role=row]').length,
    visibleRows: visible,
    lastRow: root.querySelector(`.body [role=row][aria-rowindex="${lastIndex}"]`) ? 1 : 0,
  };
}

/** The baseline: the same script over a static page of 200 plain `<tr>` rows. */
export async function scrollStatic() {
  document.body.replaceChildren();
  const frameElement = document.createElement('div');
  frameElement.style.cssText = 'block-size: 644px; overflow: auto';
  const rows = Array.from(
    { length: 200 },
    (_, i) =>
      `<tr><td>User ${i}</td><td>user${i}@example.com</td><td>+27 82 000 ${i}</td><td>Active</td><td>Member</td><td>—</td><td>1 Jun 2026</td></tr>`,
  ).join('');
  frameElement.innerHTML = `<table style="border-collapse: collapse; inline-size: 100%"><tbody>${rows}</tbody></table>`;
  document.body.append(frameElement);
  await frame();
  const gaps = await scriptedScroll(frameElement, () => {
    frameElement.scrollTop = frameElement.scrollHeight;
  });
  return { p95: p95(gaps) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
