/**
 * Chromium half of the bulk vote benchmark (issue 11, item 12): the bulk vote of 10,000 cases by
 * 5 members, from the confirmation to the tallies of every case, against a raw Dexie bulkPut of
 * the same vote and audit rows (built and hashed before the baseline's clock starts), in the same
 * browser, alternating runs on fresh databases, medians compared (target: at most 1.5x).
 */
import path from 'node:path';
import { launchApp } from '../e2e/app-harness';
import type { Figure } from './bench-node';
import type { MeetingAppTiming, MeetingBaseTiming, MeetingParts } from './page/meeting-bench';

const CASES = 10_000;
const MEMBERS = 5;
const TARGET = 1.5;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function bulkVoteFigures(runs: number): Promise<Figure[]> {
  const app = await launchApp({ pageDir: path.resolve(__dirname, '../bench-page') });
  try {
    await app.page.waitForFunction(() => 'councilMeetingBench' in window);
    const apps: MeetingAppTiming[] = [];
    const bases: MeetingBaseTiming[] = [];
    for (let run = 0; run < runs; run += 1) {
      const appDb = `bench-meeting-app-${run}`;
      const baseDb = `bench-meeting-base-${run}`;
      // alternate which goes first, so neither always meets a warmer (or fuller) browser
      const order = run % 2 === 0 ? (['app', 'base'] as const) : (['base', 'app'] as const);
      for (const which of order) {
        if (which === 'app') apps.push(await app.page.evaluate(async ([db, n]) => (window as any).councilMeetingBench.appRun(db, n), [appDb, CASES] as const));
        else bases.push(await app.page.evaluate(async ([db, n]) => (window as any).councilMeetingBench.baseline(db, n), [baseDb, CASES] as const));
      }
      await app.page.evaluate(async ([a, b]) => {
        await (window as any).councilMeetingBench.drop(a);
        await (window as any).councilMeetingBench.drop(b);
      }, [appDb, baseDb] as const);
    }
    const parts = (await app.page.evaluate(async (n) => {
      const result = await (window as any).councilMeetingBench.parts('bench-meeting-parts', n);
      await (window as any).councilMeetingBench.drop('bench-meeting-parts');
      return result;
    }, CASES)) as MeetingParts;
    for (const a of apps) {
      if (a.votes !== CASES * MEMBERS || a.auditEntries !== CASES * MEMBERS) throw new Error(`the app wrote ${a.votes} votes and ${a.auditEntries} audit entries, not ${CASES * MEMBERS}`);
    }
    const appMs = median(apps.map((a) => a.ms));
    const baseMs = median(bases.map((b) => b.ms));
    const ratio = appMs / baseMs;
    const ms = (v: number) => `${Math.round(v)} ms`;
    if (app.problems.length > 0) console.warn(`the benchmark page reported: ${app.problems.join('; ')}`);
    return [
      {
        name: `bulk vote of ${CASES.toLocaleString('en')} cases by ${MEMBERS} members, from the confirmation to the tallies shown (Chromium, median of ${runs})`,
        value: Math.round(ratio * 100) / 100,
        unit: 'x bulkPut',
        target: `<= ${TARGET}x raw bulkPut`,
        baseline:
          `app ${ms(appMs)} (5 x recordBulkVote ${ms(median(apps.map((a) => a.recordMs)))} + tallies of every case ${ms(median(apps.map((a) => a.talliesMs)))}) ` +
          `vs raw bulkPut of the same ${(CASES * MEMBERS).toLocaleString('en')} vote + ${(CASES * MEMBERS).toLocaleString('en')} audit rows ${ms(baseMs)} ` +
          `(rows built and hashed beforehand, untimed: ${ms(median(bases.map((b) => b.buildMs)))}); ` +
          `one member measured apart: recordBulkVote ${ms(parts.recordMs)} = raw write ${ms(parts.rawMs)} + hashing the chain ${ms(parts.hashMs)} + reads and building the rows ${ms(parts.recordMs - parts.rawMs - parts.hashMs)}; ` +
          `runs app [${apps.map((a) => Math.round(a.ms)).join(', ')}] base [${bases.map((b) => Math.round(b.ms)).join(', ')}] ms`,
        pass: ratio <= TARGET,
      },
    ];
  } finally {
    await app.close();
  }
}
