/**
 * Chromium half of the Cases list benchmark (issue 4, item 6): 100,000 case summaries filtered and
 * searched in the app's virtualized list, each timed from the store change until the list's DOM
 * shows the result (target: at most 150 ms), next to the pure filter + count alone and the load.
 */
import path from 'node:path';
import { launchApp } from '../e2e/app-harness';
import type { Figure } from './bench-node';
import type { CasesBenchResult } from './page/cases-bench';

const TARGET_MS = 150;

export async function casesListFigures(runs: number): Promise<Figure[]> {
  const app = await launchApp({ pageDir: path.resolve(__dirname, '../bench-page') });
  try {
    await app.page.waitForFunction(() => 'councilCasesBench' in window);
    const result = (await app.page.evaluate(async (n) => (window as any).councilCasesBench.run(n), runs)) as CasesBenchResult;
    const count = result.cases.toLocaleString('en');
    const figures: Figure[] = [
      {
        name: `load ${count} case summaries from IndexedDB into the Cases list (Chromium, median)`,
        value: Math.round(result.loadMs),
        unit: 'ms',
        target: 'none set (reported)',
        baseline: `reading the rows ${Math.round(result.readMs)} ms + building the search index ${Math.round(result.indexMs)} ms (one run each); writing them with bulkPut took ${Math.round(result.writeMs)} ms`,
        pass: true,
      },
      ...result.scenarios.map((s) => ({
        name: `Cases list, ${count} cases, ${s.name}: until the list shows it (Chromium, median of ${s.runs})`,
        value: Math.round(s.domMs * 10) / 10,
        unit: 'ms',
        target: `<= ${TARGET_MS} ms`,
        baseline: `pure filter + count alone ${s.pureMs.toFixed(1)} ms; ${s.shown.toLocaleString('en')} cases shown`,
        pass: s.domMs <= TARGET_MS,
      })),
    ];
    if (app.problems.length > 0) console.warn(`the benchmark page reported: ${app.problems.join('; ')}`);
    return figures;
  } finally {
    await app.close();
  }
}
