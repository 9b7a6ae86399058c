/**
 * Import-wizard suite: `<roster-import-wizard>` in Chromium with the import suite's
 * generated 100k-row CSV (plus two rows to fix), driven as an admin drives it, into the
 * memory backend.
 *
 * - `drop-to-review`: ms from the drop to the review with every row checked (reading,
 *   Next, mapping, Next, checking); baseline: the engine alone in the same page (read →
 *   plan through its worker), so the figure is what the wizard adds.
 * - `fix-one-row`: ms from "Fix row" to the row announced as fine (one email typed);
 *   baseline: a full plan of the same table (what a fix cost before `recheck`).
 * - `import-to-result`: ms from "Import all valid" to the result; baseline: `commit` alone.
 * - `longest frame` of each phase (gap between animation frames: a frozen page draws
 *   none); baseline: the idle page's longest frame over 1 s in the same run.
 * - `longest main-thread task` of each phase (Long Tasks API: 0 means none of 50 ms or
 *   more) and the number of such tasks. Target: none over 50 ms, no frame over 100 ms.
 */
import { defineSuite, openBrowserBench, result } from '../lib/index.js';

interface Watched {
  ms: number;
  frames: number;
  longestFrame: number;
  longestTask: number;
  longTasks: number;
}

export default defineSuite({
  name: 'import-wizard',
  description:
    '<roster-import-wizard> with a 100k-row CSV in Chromium: drop → review → fix → result',
  async run(ctx) {
    const n = ctx.quick ? 5_000 : 100_000;
    ctx.log(`import-wizard: ${n} rows through the wizard in chromium`);
    const page = await openBrowserBench({
      entry: new URL('./import-wizard.browser.ts', import.meta.url),
    });
    let run: {
      idle: Watched;
      engine: { readToPlan: Watched; plan: number; commit: Watched };
      toReview: Watched;
      fix: Watched;
      toResult: Watched;
    };
    try {
      run = await page.call('wizardImport', { rows: n });
    } finally {
      await page.close();
    }
    const common = { suite: 'import-wizard', n };
    const idleFrame = 'idle page, longest frame over 1 s';
    // Each phase, and the engine doing the same work alone (where it does).
    const phases: [string, Watched, Watched | null][] = [
      ['drop-to-review', run.toReview, run.engine.readToPlan],
      ['fix-one-row', run.fix, null],
      ['import-to-result', run.toResult, run.engine.commit],
    ];
    return [
      result({
        ...common,
        case: 'drop-to-review',
        value: run.toReview.ms,
        baseline: 'engine alone: read → plan in its worker',
        baselineValue: run.engine.readToPlan.ms,
      }),
      result({
        ...common,
        case: 'fix-one-row',
        value: run.fix.ms,
        baseline: 'a full plan of the table',
        baselineValue: run.engine.plan,
      }),
      result({
        ...common,
        case: 'import-to-result',
        value: run.toResult.ms,
        baseline: 'engine alone: commit',
        baselineValue: run.engine.commit.ms,
      }),
      ...phases.flatMap(([phase, watched, alone]) => [
        result({
          ...common,
          case: `${phase} longest frame`,
          value: watched.longestFrame,
          baseline: idleFrame,
          baselineValue: run.idle.longestFrame,
        }),
        result({
          ...common,
          case: `${phase} longest main-thread task (≥ 50 ms, 0 = none)`,
          value: watched.longestTask,
          ...(alone ? { baseline: 'engine alone', baselineValue: alone.longestTask } : {}),
        }),
        result({
          ...common,
          case: `${phase} long tasks`,
          value: watched.longTasks,
          unit: 'tasks',
          ...(alone ? { baseline: 'engine alone', baselineValue: alone.longTasks } : {}),
        }),
        result({ ...common, case: `${phase} frames`, value: watched.frames, unit: 'frames' }),
      ]),
    ];
  },
});
