/**
 * `BENCH_ONLY=evidence` (issue 15): importing evidence, each figure against its floor or baseline
 * measured in the same run.
 * - The 6,000-file bundle (2,000 cases x 3 files of 10 KB) against the fair baseline (bench-browser.ts).
 * - The realistic batch (bench-evidence-bundle.ts: 451 cases x 4 scans and photos, about 1 GB),
 *   imported through the import store with the Bundles screen's panel rendered: its throughput
 *   against the fair baseline; the renderer's JS heap (CDP Runtime.getHeapUsage: used heap plus
 *   ArrayBuffer backing stores) and this Node process's RSS (it serves the import, as the main
 *   process does in the app), both sampled every 100 ms, against their idle values just before;
 *   whether the bar follows the bytes; the time left shown against the real time left; the longest
 *   task; and Cancel pressed at 10, 50 and 90%.
 * - validate of the batch in Node against the floor of inflating and hashing the same entries.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession } from 'playwright-core';
import { launchApp, type RunningApp } from '../e2e/app-harness';
import { BENCH_PAGE_DIR, dropDatabases, fairBaseline, gather, importVersusBulkPut, median, type Gathered } from './bench-browser';
import { barFollowsBytes, paceByTenths, timeLeftError } from './bench-evidence-checks';
import { browserProcess, cpuMark, cpuSince, cpuWords, rssOf } from './bench-evidence-processes';
import { validateAgainstFloor } from './bench-evidence-validate';
import type { Figure } from './bench-node';
import type { UiImportResult } from './page/evidence-bench';

const MiB = 1024 * 1024;
const mb = (bytes: number) => Math.round(bytes / MiB);
const round2 = (value: number) => Math.round(value * 100) / 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface EvidencePaths {
  /** 2,000 cases x 3 evidence files of 10 KB. */
  sixThousand: string;
  /** The realistic batch. */
  batch: string;
  batchBundleId: string;
  trust: string;
}

export async function evidenceFigures(paths: EvidencePaths, runs: number, batchRuns: number): Promise<Figure[]> {
  const figures: Figure[] = [];
  // Node first, while the browser is not running
  figures.push(await validateAgainstFloor(paths.batch, paths.trust, 3));
  figures.push(...(await importVersusBulkPut([{ label: '2,000 cases with 6,000 evidence files (60 MB)', path: paths.sixThousand, fair: true }], runs)));
  figures.push(...(await batchFigures(paths, batchRuns)));
  return figures;
}

// ---------------------------------------------------------------------------------------------
// the realistic batch in Chromium

interface MemorySamples {
  heapIdle: number;
  heapPeak: number;
  rssIdle: number;
  rssPeak: number;
  /** Chromium's browser process, which holds the Blobs and IndexedDB (in the desktop app it is the main process). */
  browserIdle: number;
  browserPeak: number;
}

async function heapBytes(cdp: CDPSession): Promise<number> {
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
  return usage.usedSize + (usage.backingStorageSize ?? 0);
}

/** Runs `work` while sampling the renderer's heap and this process's RSS every 100 ms. */
async function sampled<T>(cdp: CDPSession, work: () => Promise<T>): Promise<{ result: T; memory: MemorySamples }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const browser = browserProcess();
  const memory: MemorySamples = { heapIdle: await heapBytes(cdp), heapPeak: 0, rssIdle: process.memoryUsage.rss(), rssPeak: 0, browserIdle: rssOf(browser), browserPeak: 0 };
  let running = true;
  const sampler = (async () => {
    while (running) {
      memory.rssPeak = Math.max(memory.rssPeak, process.memoryUsage.rss());
      memory.browserPeak = Math.max(memory.browserPeak, rssOf(browser));
      memory.heapPeak = Math.max(memory.heapPeak, await heapBytes(cdp));
      await sleep(100);
    }
  })();
  try {
    return { result: await work(), memory };
  } finally {
    running = false;
    await sampler;
  }
}

function uiImport(app: RunningApp, bundlePath: string, dbName: string, bundleId: string, cancelAtPercent: number | null): Promise<UiImportResult> {
  return app.page.evaluate(
    async ([p, db, id, at]) => (window as any).councilEvidenceBench.uiImport(p, db, id, at),
    [bundlePath, dbName, bundleId, cancelAtPercent] as const,
  );
}

/**
 * BENCH_RECORD=<folder>: each import of the batch, as the page recorded it (the chunks' arrivals,
 * the progress, what the screen showed), written there, to replay estimates of the time left against.
 */
function record(result: UiImportResult, run: number): void {
  const folder = process.env.BENCH_RECORD;
  if (!folder) return;
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, `batch-${new Date().toISOString().replace(/[:.]/g, '-')}-${run}.json`), JSON.stringify(result));
}

async function batchFigures(paths: EvidencePaths, runs: number): Promise<Figure[]> {
  // on disk, as the desktop app keeps IndexedDB: an in-memory profile holds a gigabyte of Blobs
  // within its memory limit and deletes them slowly
  const app = await launchApp({ pageDir: BENCH_PAGE_DIR, profileOnDisk: true });
  try {
    await app.page.waitForFunction(() => 'councilEvidenceBench' in window);
    const cdp = await app.context.newCDPSession(app.page);
    const imports: AppRun[] = [];
    const fair: FairRun[] = [];
    for (let run = 0; run < runs; run += 1) {
      const appDb = `bench-batch-app-${run}`;
      const appCpu = cpuMark();
      const { result, memory } = await sampled(cdp, () => uiImport(app, paths.batch, appDb, paths.batchBundleId, null));
      if (result.outcome !== 'imported') throw new Error(`the app did not import the realistic batch: ${result.outcome}`);
      record(result, run);
      imports.push({ run: result, memory, cpu: cpuSince(appCpu) });
      await dropDatabases(app, appDb);
      await cdp.send('HeapProfiler.collectGarbage'); // the import's Blobs go before the baseline makes its own
      const fairDb = `bench-batch-fair-${run}`;
      const read = await gather(app, paths.batch);
      const fairCpu = cpuMark();
      const written = await fairBaseline(app, fairDb);
      fair.push({ ...written, read, cpu: cpuSince(fairCpu) });
      await dropDatabases(app, fairDb);
      await cdp.send('HeapProfiler.collectGarbage');
    }
    const cancels: UiImportResult[] = [];
    for (const percent of [10, 50, 90]) {
      const db = `bench-batch-cancel-${percent}`;
      cancels.push(await uiImport(app, paths.batch, db, paths.batchBundleId, percent));
      await dropDatabases(app, db);
      await cdp.send('HeapProfiler.collectGarbage');
    }
    if (app.problems.length > 0) console.warn(`the benchmark page reported: ${app.problems.join('; ')}`);
    return summarize(imports, fair, cancels);
  } finally {
    await app.close();
  }
}

interface AppRun {
  run: UiImportResult;
  memory: MemorySamples;
  /** CPU seconds by kind of process. */
  cpu: Record<string, number>;
}

interface FairRun {
  ms: number;
  blobMs: number;
  /** Gathering the rows beforehand (not timed as the baseline): reading, checking and handing over alone. */
  read: Gathered;
  cpu: Record<string, number>;
}

function summarize(imports: AppRun[], fair: FairRun[], cancels: UiImportResult[]): Figure[] {
  const runs = imports.length;
  const { bytes, chunks } = fair[0]!.read;
  const appMs = median(imports.map((i) => i.run.shownAt - i.run.startedAt));
  const fairMs = median(fair.map((f) => f.ms));
  const rate = (ms: number) => Math.round(mb(bytes) / (ms / 1000));
  const throughput = fairMs / appMs;
  const heapGrowth = Math.max(...imports.map((i) => i.memory.heapPeak - i.memory.heapIdle));
  const rssGrowth = Math.max(...imports.map((i) => i.memory.rssPeak - i.memory.rssIdle));
  const worstOf = <T>(values: T[], key: (v: T) => number) => values.reduce((a, b) => (key(b) > key(a) ? b : a));
  const bar = worstOf(imports.map((i) => barFollowsBytes(i.run)), (b) => b.worstPoints);
  const still = Math.max(...imports.map((i) => barFollowsBytes(i.run).longestStillMs));
  const eta = worstOf(imports.map((i) => timeLeftError(i.run)), (e) => e.worst);
  const longest = Math.max(...imports.map((i) => i.run.longestTaskMs));
  const longTasks = Math.max(...imports.map((i) => i.run.longTasks.length));
  const cancelMs = cancels.map((c) => (c.cancelledAt === null ? Infinity : c.shownAt - c.cancelledAt));
  const leftovers = cancels.map((c) => Object.values(c.leftover).reduce((a, b) => a + b, 0));
  const label = `the realistic batch (451 cases, 1,804 scans and photos, ${mb(bytes).toLocaleString('en')} MiB)`;
  return [
    {
      name: `import ${label} in Chromium through the Bundles screen's import (median of ${runs})`,
      value: round2(throughput),
      unit: 'x fair baseline',
      target: '>= 0.7x the fair baseline\'s throughput',
      baseline:
        `app ${(appMs / 1000).toFixed(1)} s (${rate(appMs)} MiB/s) vs fair baseline ${(fairMs / 1000).toFixed(1)} s (${rate(fairMs)} MiB/s; Blobs from the bytes ${Math.round(median(fair.map((f) => f.blobMs)))} ms, ` +
        `in the app's ${chunks} chunks); reading, checking and handing over alone, no writes: ${(median(fair.map((f) => f.read.ms)) / 1000).toFixed(1)} s. ` +
        `CPU: the app ${imports.map((i) => cpuWords(i.cpu)).join(' / ')}; the fair baseline ${fair.map((f) => cpuWords(f.cpu)).join(' / ')} (2 cores)`,
      pass: throughput >= 0.7,
    },
    {
      name: `renderer JS heap during the import of ${label}, above idle (used + ArrayBuffers, CDP, every 100 ms; worst of ${runs})`,
      value: mb(heapGrowth),
      unit: 'MB',
      target: '<= 300 MB above idle',
      baseline: imports.map((i) => `idle ${mb(i.memory.heapIdle)} MB, peak ${mb(i.memory.heapPeak)} MB`).join('; '),
      pass: mb(heapGrowth) <= 300,
    },
    {
      name: `main side's RSS during the import of ${label}, above idle (the Node process serving it, every 100 ms; worst of ${runs})`,
      value: mb(rssGrowth),
      unit: 'MB',
      target: '<= 300 MB above idle',
      baseline:
        imports.map((i) => `idle ${mb(i.memory.rssIdle)} MB, peak ${mb(i.memory.rssPeak)} MB`).join('; ') +
        `. Chromium's browser process, which holds the Blobs and IndexedDB (the main process in the desktop app): ` +
        imports.map((i) => `idle ${mb(i.memory.browserIdle)} MB, peak ${mb(i.memory.browserPeak)} MB`).join('; '),
      pass: mb(rssGrowth) <= 300,
    },
    {
      name: `progress bar against the bytes received and written, ${label} (worst of ${runs})`,
      value: bar.worstPoints,
      unit: 'points off',
      target: '<= 0 points outside [bytes written, bytes received], and 100% reached',
      baseline: `the bar's last value ${bar.lastPercent}%; longest the bar stood still ${Math.round(still)} ms`,
      pass: bar.worstPoints <= 0 && bar.lastPercent >= 99,
    },
    {
      name: `time left shown against the real time left, after the first 10% (while >= 3 s left), ${label} (worst of ${runs})`,
      value: Math.round(eta.worst * 100),
      unit: '% off',
      target: '<= 25%',
      baseline:
        `${eta.samples} looks; worst: ${eta.at || 'none'}; largest error in seconds over all looks after 10%: ${eta.worstAbsS.toFixed(1)} s. ` +
        `The import's own pace, ms for each tenth of the bytes: ${imports.map((i) => paceByTenths(i.run).join(' ')).join(' / ')}`,
      pass: eta.worst <= 0.25,
    },
    {
      name: `longest task on the renderer's main thread during the import of ${label} (PerformanceObserver 'longtask'; worst of ${runs})`,
      value: Math.round(longest),
      unit: 'ms',
      target: '<= 100 ms',
      baseline: `${longTasks} tasks over 50 ms`,
      pass: longest <= 100,
    },
    {
      name: `Cancel pressed at ${cancels.map((c) => `${c.cancelPercent ?? '?'}%`).join(' / ')} of ${label}, until the screen says cancelled`,
      value: Math.round(Math.max(...cancelMs)),
      unit: 'ms',
      target: '<= 1,000 ms each, nothing left stored, the main side\'s session closed',
      baseline: `${cancelMs.map((m) => `${Math.round(m)} ms`).join(' / ')}; rows left under the bundle: ${leftovers.join(' / ')}; session still open: ${cancels.map((c) => (c.sessionOpen ? 'yes' : 'no')).join(' / ')}; outcomes ${cancels.map((c) => c.outcome).join(' / ')}`,
      pass: cancelMs.every((m) => m <= 1000) && leftovers.every((n) => n === 0) && cancels.every((c) => !c.sessionOpen && c.outcome === 'cancelled'),
    },
  ];
}
