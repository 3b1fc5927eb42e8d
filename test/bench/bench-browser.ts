/**
 * Chromium half of `npm run bench`: the app's import pipeline against a raw Dexie bulkPut of the
 * same rows, in the same browser, alternating runs on fresh databases, medians compared.
 */
import path from 'node:path';
import { launchApp } from '../e2e/app-harness';
import type { Figure } from './bench-node';

interface Timing {
  ms: number;
  readMs?: number;
  blobMs?: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function importVersusBulkPut(bundles: { label: string; path: string }[], runs: number): Promise<Figure[]> {
  const app = await launchApp({ pageDir: path.resolve(__dirname, '../bench-page') });
  const figures: Figure[] = [];
  try {
    await app.page.waitForFunction(() => 'councilBench' in window);
    for (const bundle of bundles) {
      const appTimes: number[] = [];
      const baseTimes: number[] = [];
      const readTimes: number[] = [];
      const blobTimes: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        const appDb = `bench-app-${run}`;
        const baseDb = `bench-base-${run}`;
        const result = await app.page.evaluate(async ([p, db]) => (window as any).councilBench.appImport(p, db), [bundle.path, appDb] as const);
        if (result.outcome !== 'imported') throw new Error(`the app did not import ${bundle.path}: ${result.outcome}`);
        appTimes.push((result as Timing).ms);
        const base = await app.page.evaluate(async ([p, db]) => (window as any).councilBench.baseline(p, db), [bundle.path, baseDb] as const);
        baseTimes.push((base as Timing).ms);
        readTimes.push((base as Timing).readMs ?? 0);
        blobTimes.push((base as Timing).blobMs ?? 0);
        await app.page.evaluate(async ([a, b]) => {
          await (window as any).councilBench.drop(a);
          await (window as any).councilBench.drop(b);
        }, [appDb, baseDb] as const);
      }
      const ratio = median(appTimes) / median(baseTimes);
      figures.push({
        name: `import ${bundle.label} in Chromium (median of ${runs})`,
        value: Math.round(ratio * 100) / 100,
        unit: 'x bulkPut',
        target: '<= 1.5x raw bulkPut',
        baseline: `app ${Math.round(median(appTimes))} ms vs raw bulkPut ${Math.round(median(baseTimes))} ms (reading, checking and handing over alone, no writes: ${Math.round(median(readTimes))} ms, of which turning the evidence bytes into Blobs: ${Math.round(median(blobTimes))} ms)`,
        pass: ratio <= 1.5,
      });
    }
    if (app.problems.length > 0) console.warn(`the benchmark page reported: ${app.problems.join('; ')}`);
  } finally {
    await app.close();
  }
  return figures;
}
