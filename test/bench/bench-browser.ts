/**
 * Chromium half of `npm run bench`: the app's import pipeline against raw Dexie bulkPuts of the
 * same rows, in the same browser, alternating runs on fresh databases, medians compared
 * (test/bench/page/bench-page.ts gathers the rows and writes them).
 *
 * Two baselines. The old one writes every row in one transaction with its Blobs made beforehand.
 * The fair one (issue 15) starts from the evidence bytes as they crossed into the renderer
 * (Uint8Arrays) and, chunk by chunk in the app's own chunks, makes each document's Blob and writes
 * the chunk's rows: what any importer must do once the bytes are there. A bundle with evidence is
 * judged against the fair one, a bundle of cases alone against the old one.
 *
 * A bundle with evidence is also judged against the floor of any importer on this machine: the
 * fair baseline's writes while the same bundle is read, checked and handed over at the same time.
 * On two cores the reading (Node) and the writing (the page and the browser process) share them,
 * so that floor is above the fair baseline by what the reading costs in CPU.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { launchApp, type RunningApp } from '../e2e/app-harness';
import type { Figure } from './bench-node';
import { cpuMark, cpuSince, cpuWords } from './bench-evidence-processes';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export const BENCH_PAGE_DIR = path.resolve(__dirname, '../bench-page');

export interface Gathered {
  ms: number;
  chunks: number;
  cases: number;
  documents: number;
  bytes: number;
}

/** Gathers the bundle's rows in the page (not timed as a baseline), in the app's chunks. */
export function gather(app: RunningApp, bundlePath: string): Promise<Gathered> {
  return app.page.evaluate(async (p) => (window as any).councilBench.gather(p), bundlePath);
}

/** The fair baseline over what gather() kept: Blobs from the bytes and bulkPuts, chunk by chunk. */
export function fairBaseline(app: RunningApp, dbName: string): Promise<{ ms: number; blobMs: number }> {
  return app.page.evaluate(async (db) => (window as any).councilBench.fairBaseline(db), dbName);
}

export function dropDatabases(app: RunningApp, ...names: string[]): Promise<void> {
  return app.page.evaluate(async (dbs) => {
    (window as any).councilBench.forget();
    for (const db of dbs) await (window as any).councilBench.drop(db);
  }, names);
}

export interface ImportBundle {
  label: string;
  path: string;
  /** Judged against the fair baseline (bundles with evidence); otherwise against the old one. */
  fair: boolean;
}

const cpus = availableParallelism();
const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;

export async function importVersusBulkPut(bundles: ImportBundle[], runs: number): Promise<Figure[]> {
  const app = await launchApp({ pageDir: BENCH_PAGE_DIR });
  const figures: Figure[] = [];
  try {
    await app.page.waitForFunction(() => 'councilBench' in window);
    for (const bundle of bundles) {
      const times = { app: [] as number[], fair: [] as number[], fairBlobs: [] as number[], old: [] as number[], oldBlobs: [] as number[], read: [] as number[], floor: [] as number[] };
      const cpu = { app: [] as string[], fair: [] as string[] };
      let chunks = 0;
      for (let run = 0; run < runs; run += 1) {
        const [appDb, fairDb, oldDb, floorDb] = [`bench-app-${run}`, `bench-fair-${run}`, `bench-old-${run}`, `bench-floor-${run}`];
        const appCpu = cpuMark();
        const result = await app.page.evaluate(async ([p, db]) => (window as any).councilBench.appImport(p, db), [bundle.path, appDb] as const);
        cpu.app.push(cpuWords(cpuSince(appCpu)));
        if (result.outcome !== 'imported') throw new Error(`the app did not import ${bundle.path}: ${result.outcome}`);
        times.app.push(result.ms);
        const read = await gather(app, bundle.path);
        times.read.push(read.ms);
        chunks = read.chunks;
        const fairCpu = cpuMark();
        const fair = await fairBaseline(app, fairDb);
        cpu.fair.push(cpuWords(cpuSince(fairCpu)));
        times.fair.push(fair.ms);
        times.fairBlobs.push(fair.blobMs);
        const old = await app.page.evaluate(async (db) => (window as any).councilBench.oldBaseline(db), oldDb);
        times.old.push(old.ms);
        times.oldBlobs.push(old.blobMs);
        if (bundle.fair) {
          const floor = await app.page.evaluate(async ([p, db]) => (window as any).councilBench.fairWhileReading(p, db), [bundle.path, floorDb] as const);
          times.floor.push(floor.ms);
        }
        await dropDatabases(app, appDb, fairDb, oldDb, floorDb);
      }
      const appMs = median(times.app);
      const [fairMs, oldMs] = [median(times.fair), median(times.old)];
      const ratio = appMs / (bundle.fair ? fairMs : oldMs);
      const target = bundle.fair ? 1.2 : 1.5;
      figures.push({
        name: `import ${bundle.label} in Chromium (median of ${runs})`,
        value: Math.round(ratio * 100) / 100,
        unit: bundle.fair ? 'x fair bulkPut' : 'x bulkPut',
        target: bundle.fair ? `<= ${target}x the fair baseline (Blobs made from the bytes, written in the app's ${chunks} chunks)` : `<= ${target}x raw bulkPut`,
        baseline:
          `app ${ms(appMs)}; fair baseline ${ms(fairMs)} (of which making the Blobs ${ms(median(times.fairBlobs))}); ` +
          `old baseline, one bulkPut with the Blobs made beforehand, ${ms(oldMs)} (app ${(appMs / oldMs).toFixed(2)}x it; making its Blobs ${ms(median(times.oldBlobs))} more); ` +
          `reading, checking and handing over alone, no writes: ${ms(median(times.read))}. ` +
          `CPU: the app ${cpu.app.join(' / ')}; the fair baseline ${cpu.fair.join(' / ')} (${cpus} cores)`,
        pass: ratio <= target,
      });
      if (bundle.fair) {
        const floorMs = median(times.floor);
        figures.push({
          name: `import ${bundle.label}: the app against this machine's floor, the fair baseline's writes while the same bundle is read, checked and handed over at the same time (median of ${runs})`,
          value: Math.round((appMs / floorMs) * 100) / 100,
          unit: 'x floor',
          target: `<= 1.1x the floor (the floor itself ${(floorMs / fairMs).toFixed(2)}x the fair baseline on ${cpus} cores)`,
          baseline: `app ${ms(appMs)}; floor ${ms(floorMs)}, runs ${times.floor.map(ms).join(', ')}; fair baseline ${ms(fairMs)}; reading alone ${ms(median(times.read))}`,
          pass: appMs / floorMs <= 1.1,
        });
      }
    }
    if (app.problems.length > 0) console.warn(`the benchmark page reported: ${app.problems.join('; ')}`);
  } finally {
    await app.close();
  }
  return figures;
}
