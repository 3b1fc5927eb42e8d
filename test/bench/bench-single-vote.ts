/**
 * Chromium half of the single-vote benchmark (issue 11, item 12): in the real meeting room at a
 * 10,000-case agenda, one vote from the operator's key until the tally shows the new count and the
 * next frame is painted, against a raw Dexie put of one vote row plus one painted frame on the
 * same database, alternating runs, medians compared (target: at most 2x).
 */
import path from 'node:path';
import { launchApp } from '../e2e/app-harness';
import type { Figure } from './bench-node';
import { median } from './bench-meeting';
import type { SingleVoteResult } from './page/single-vote-bench';

const TARGET = 2;

export async function singleVoteFigures(runs: number): Promise<Figure[]> {
  const app = await launchApp({ pageDir: path.resolve(__dirname, '../bench-page') });
  try {
    await app.page.waitForFunction(() => 'councilSingleVoteBench' in window);
    const r = (await app.page.evaluate(async (n) => (window as any).councilSingleVoteBench.run(n), runs)) as SingleVoteResult;
    const appMs = median(r.app);
    const baseMs = median(r.base);
    const ratio = appMs / baseMs;
    const ms = (v: number) => `${v.toFixed(1)} ms`;
    const p = r.parts;
    if (app.problems.length > 0) console.warn(`the benchmark page reported: ${app.problems.join('; ')}`);
    return [
      {
        name: `one vote in the meeting room at a ${r.cases.toLocaleString('en')}-case agenda, from the key until the tally repaints (Chromium, median of ${runs})`,
        value: Math.round(ratio * 100) / 100,
        unit: 'x put+frame',
        target: `<= ${TARGET}x raw put + frame`,
        baseline:
          `app ${ms(appMs)} vs raw db.votes.put of one row + one painted frame ${ms(baseMs)} (the put alone ${ms(p.putMs)}); ` +
          `the app's runs in phases (medians): the write until it commits ${ms(r.phases.write)}, a read after it ${ms(r.phases.read)}, React until the tally shows it ${ms(r.phases.render)}, the painted frame ${ms(r.phases.paint)}; ` +
          `timed apart, outside the room: recordVoteAndRead ${ms(p.recordMs)}, the meeting row alone with its ${r.cases.toLocaleString('en')}-case agenda (the write reads it once) ${ms(p.meetingRowMs)}; ` +
          `the room's read after its other changes: loadRoomMeeting ${ms(p.meetingMs)}, loadRoomCase ${ms(p.caseMs)} (of which the case review's loader ${ms(p.reviewMs)}); ` +
          `runs app [${r.app.map((v) => v.toFixed(1)).join(', ')}] base [${r.base.map((v) => v.toFixed(1)).join(', ')}] ms (set-up with the app's functions, untimed: ${(r.seedMs / 1000).toFixed(1)} s)`,
        pass: ratio <= TARGET,
      },
    ];
  } finally {
    await app.close();
  }
}
