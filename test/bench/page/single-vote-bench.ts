/**
 * The browser half of the single-vote benchmark (issue 11, item 12): an open meeting whose agenda
 * holds 10,000 cases, set up with the app's own functions (createMeeting, addToAgenda,
 * openMeeting, markArrived, openProposal), the real meeting room rendered with React against it;
 * then one vote from the keystroke (a KeyboardEvent 'a', 'r' or 's' on the focused member's row of
 * the vote list, as the operator types it) until the tally panel's DOM shows the new count and the
 * next frame is painted (requestAnimationFrame, then a task after the frame's rendering), against
 * the baseline of a raw `db.votes.put` of one vote row plus one painted frame the same way, on the
 * same database, runs alternating.
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { DEMO_COUNCIL_NAME, DEMO_MEMBERS } from '../../../shared/council';
import { kakao1015IncidentAndPolicy } from '../../../shared/kakao-1015';
import { MANIFEST_FORMAT, MANIFEST_VERSION } from '../../../shared/schemas/bundle-manifest';
import type { VoteChoice } from '../../../shared/meeting/types';
import { i18n } from '../../../renderer/app/i18n';
import { storeDemoMembers } from '../../../renderer/bundles/demo-import';
import { createCouncilApi } from '../../../renderer/common/council-api';
import { ServicesProvider } from '../../../renderer/common/services';
import { useUiStore } from '../../../renderer/common/ui-store';
import type { BundleRow, VoteRow } from '../../../renderer/db/rows';
import { openCouncilDb, type CouncilDb } from '../../../renderer/db/schema';
import { loadCaseReview } from '../../../renderer/review';
import { addToAgenda, createMeeting, openMeeting } from '../../../renderer/meeting/meetings-db';
import { MeetingRoom } from '../../../renderer/meeting/room';
import { markArrived } from '../../../renderer/meeting/room/attendance-db';
import { openProposal } from '../../../renderer/meeting/room/proposal-db';
import { loadRoomCase, loadRoomMeeting } from '../../../renderer/meeting/room/room-load';
import { resetRoomStore } from '../../../renderer/meeting/room/room-store';
import { recordVoteAndRead } from '../../../renderer/meeting/room/vote-db';
import { domShows } from './dom-shows';
import { benchCase, caseIdOf, drop } from './meeting-bench';

const MEETING = 'bench-single-vote';
const BUNDLE = 'bench-meeting-bundle';
const VOTERS = ['m1', 'm2', 'm3', 'm4', 'm5'];
const CHOICES: [VoteChoice, string, string][] = [['approve', 'a', 'KeyA'], ['reject', 'r', 'KeyR'], ['abstain', 's', 'KeyS']];

function bundleRow(n: number): BundleRow {
  const { incident, policy } = kakao1015IncidentAndPolicy();
  return {
    bundleId: BUNDLE,
    status: 'ready',
    importedAt: '2023-03-01T10:00:00+09:00',
    fileName: 'bench.cdbundle',
    manifest: { format: MANIFEST_FORMAT, version: MANIFEST_VERSION, bundleId: BUNDLE, title: 'bench', createdAt: '2023-03-01T09:00:00+09:00', issuer: 'bench', incident, policy, caseCount: n, files: {} },
    manifestSha256: '0'.repeat(64),
    signature: { state: 'unsigned' },
    planned: { cases: n, evidence: 0, bytes: 0 },
    counts: { cases: n, documents: 0, evidenceBytes: 0, revised: 0 },
  };
}

/**
 * The council, n cases of one bundle, a meeting made, given the n cases as its agenda and opened,
 * every voting member arrived, a suggestion proposal open on the first case (the room's) and on
 * the second (the baseline's rows go there, out of the room's sight).
 */
async function seed(db: CouncilDb, n: number): Promise<string[]> {
  await storeDemoMembers(db, { councilName: DEMO_COUNCIL_NAME, members: DEMO_MEMBERS.map((m) => ({ ...m, conflicts: m.conflicts.map((c) => ({ ...c })) })) });
  const caseIds = Array.from({ length: n }, (_, i) => caseIdOf(i + 1));
  // the summaries are written by the middleware (case-summary-sync.ts)
  await db.transaction('rw', [db.bundles, db.cases], async () => {
    await db.bundles.put(bundleRow(n));
    await db.cases.bulkPut(caseIds.map((_, i) => benchCase(i + 1)));
  });
  await createMeeting(db, { meetingId: MEETING, date: '2023-03-02', place: '협의체 회의실', startTime: '14:00' });
  const added = await addToAgenda(db, MEETING, caseIds);
  if (added.agenda.length !== n) throw new Error(`the agenda holds ${added.agenda.length} cases, not ${n}`);
  await openMeeting(db, MEETING);
  for (const memberId of VOTERS) await markArrived(db, MEETING, memberId);
  for (const caseId of caseIds.slice(0, 2)) await openProposal(db, { meetingId: MEETING, caseId, proposal: { kind: 'suggestion' } });
  return caseIds;
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
/**
 * The next frame painted: requestAnimationFrame runs before the frame's style, layout and paint,
 * so a task posted from it runs once they are done (a message: no timer clamping).
 */
const painted = () =>
  new Promise<void>((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    }),
  );
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Lets what follows a vote (focus moving on, the tally said) run out before the next run. */
const settle = async () => {
  await frame();
  await frame();
  await sleep(30);
};

/**
 * When the app's last read-write and read transactions settled: seen from the database's own
 * `transaction` (the room's writes and reads all go through it), to split a vote into its phases.
 */
function watchTransactions(db: CouncilDb): { lastWrite: number; lastRead: number } {
  const seen = { lastWrite: 0, lastRead: 0 };
  const transaction = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
  (db as unknown as { transaction: (...args: unknown[]) => Promise<unknown> }).transaction = (...args) => {
    const done = transaction(...args);
    const write = args[0] === 'rw';
    void done.then(
      () => (write ? (seen.lastWrite = performance.now()) : (seen.lastRead = performance.now())),
      () => undefined,
    );
    return done;
  };
  return seen;
}

function tallyOf(host: HTMLElement): Record<string, string | null> {
  const figure = (name: string) => host.querySelector(`[data-testid="room-tally"] [data-figure="${name}"] dd`)?.textContent ?? null;
  return { approve: figure('approve'), reject: figure('reject'), abstain: figure('abstain'), notVoted: figure('notVoted') };
}

function expectedTally(votes: ReadonlyMap<string, VoteChoice>): Record<string, string> {
  const of = (choice: VoteChoice) => String([...votes.values()].filter((v) => v === choice).length);
  return { approve: of('approve'), reject: of('reject'), abstain: of('abstain'), notVoted: String(VOTERS.length - votes.size) };
}

export interface SingleVoteResult {
  cases: number;
  /** Untimed: the database set up with the app's functions, the room rendered. */
  seedMs: number;
  app: number[];
  base: number[];
  /** The app's runs in phases (medians, ms): to the write's commit, to a read after it (0: the room shows what the write returned), to the tally's DOM, to the painted frame. */
  phases: { write: number; read: number; render: number; paint: number };
  parts: SingleVoteParts;
}

/** `runs` app votes and `runs` baseline puts, alternating which goes first. */
async function run(runs: number, n = 10_000, dbName = 'bench-single-vote'): Promise<SingleVoteResult> {
  await drop(dbName);
  const seedStarted = performance.now();
  const db = openCouncilDb(dbName);
  await db.open();
  const caseIds = await seed(db, n);
  resetRoomStore();
  useUiStore.getState().openMeeting(MEETING, 'room');
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  const room = createElement(ServicesProvider, { services: { db, api: createCouncilApi() }, children: createElement(MeetingRoom) });
  root.render(createElement(I18nextProvider, { i18n, children: room }));
  await domShows(host, () => host.querySelector('[data-testid="room-vote-list"] button[data-member-id="m1"]') !== null && tallyOf(host).notVoted === '5');
  await settle();
  const seedMs = performance.now() - seedStarted;

  const votes = new Map<string, VoteChoice>();
  const recordedBy = (await db.settings.get('operator'))?.value as string;
  const app: number[] = [];
  const base: number[] = [];
  const seen = watchTransactions(db);
  const phases: SingleVoteResult['phases'][] = [];

  const appRun = async (k: number) => {
    const memberId = VOTERS[k % VOTERS.length]!;
    // each pass over the members takes the next choice: every vote writes a row that changes the tally
    const [choice, key, code] = CHOICES[Math.floor(k / VOTERS.length) % CHOICES.length]!;
    const button = host.querySelector<HTMLButtonElement>(`[data-testid="room-vote-list"] button[data-member-id="${memberId}"]`);
    if (!button) throw new Error(`no vote row for ${memberId}`);
    button.focus();
    votes.set(memberId, choice);
    const want = JSON.stringify(expectedTally(votes));
    const shown = domShows(host, () => JSON.stringify(tallyOf(host)) === want);
    const started = performance.now();
    button.dispatchEvent(new KeyboardEvent('keydown', { key, code, bubbles: true, cancelable: true }));
    await shown;
    const shownAt = performance.now();
    await painted();
    const paintedAt = performance.now();
    app.push(paintedAt - started);
    // the vote committed before the tally showed it (and any read after the write, before that too)
    const readAt = Math.max(seen.lastWrite, seen.lastRead);
    if (!(started < seen.lastWrite && readAt < shownAt)) throw new Error('the tally showed the vote before its write committed');
    phases.push({ write: seen.lastWrite - started, read: readAt - seen.lastWrite, render: shownAt - readAt, paint: paintedAt - shownAt });
    if (document.activeElement === document.body) throw new Error('the vote lost the focus');
  };
  const baseRun = async (k: number) => {
    const row: VoteRow = {
      meetingId: MEETING,
      caseId: caseIds[1]!,
      proposalNo: 1,
      memberId: VOTERS[k % VOTERS.length]!,
      vote: CHOICES[Math.floor(k / VOTERS.length) % CHOICES.length]![0],
      recordedBy,
      recordedAt: new Date().toISOString(),
    };
    const started = performance.now();
    await db.votes.put(row);
    await painted();
    base.push(performance.now() - started);
  };
  // A key comes at any moment of a frame: pair k starts both its runs the same time after a
  // frame, the pairs spread over the frame (16.7 ms at 60 Hz; golden-ratio steps, even for any
  // number of runs), so the wait for the next frame weighs alike on both sides.
  const offsets = Array.from({ length: runs }, (_, k) => ((k * 0.618_034) % 1) * 16.7);
  for (let k = 0; k < runs; k += 1) {
    for (const which of k % 2 === 0 ? [appRun, baseRun] : [baseRun, appRun]) {
      await settle();
      await frame();
      await sleep(offsets[k]!);
      await which(k);
    }
  }
  const problems = (host.querySelector('[data-testid="room-problem"]')?.textContent ?? '').trim();
  if (problems !== '') throw new Error(`the room refused a vote: ${problems}`);
  const stored = await db.votes.where('[meetingId+caseId]').equals([MEETING, caseIds[0]!]).toArray();
  if (stored.length !== Math.min(runs, VOTERS.length) || stored.some((v) => v.vote !== votes.get(v.memberId))) throw new Error('the stored votes are not the ones typed');

  root.unmount();
  host.remove();
  const parts = await partsOf(db, caseIds[1]!, runs);
  db.close();
  await drop(dbName);
  const phase = (name: keyof SingleVoteResult['phases']) => median(phases.map((p) => p[name]));
  return { cases: n, seedMs, app, base, phases: { write: phase('write'), read: phase('read'), render: phase('render'), paint: phase('paint') }, parts };
}

export interface SingleVoteParts {
  /** recordVoteAndRead (the room's vote): the guarded read-write transaction with the vote row, its audit entry and the case's votes as they stand. */
  recordMs: number;
  /** The room's read after its other changes (a vote shows the votes its write returns): loadRoomMeeting (the meeting row, its agenda, the roster) ... */
  meetingMs: number;
  /** ... and loadRoomCase, of which ... */
  caseMs: number;
  /** ... the case review's own loader (the row, bundle, documents, assessment and the case's place in the meetings). */
  reviewMs: number;
  /** The meeting row alone, with its agenda (read once a vote, by the write's checks). */
  meetingRowMs: number;
  /** The baseline's put without a frame. */
  putMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The app's path in parts, each timed apart on the same database (on the baseline's case), interleaved, medians. */
async function partsOf(db: CouncilDb, caseId: string, runs: number): Promise<SingleVoteParts> {
  const members = (await loadRoomMeeting(db, MEETING)).members;
  const parts: [keyof SingleVoteParts, (k: number) => Promise<unknown>][] = [
    ['recordMs', (k) => recordVoteAndRead(db, { meetingId: MEETING, caseId, proposalNo: 1, memberId: VOTERS[k % VOTERS.length]!, vote: CHOICES[k % CHOICES.length]![0] })],
    ['meetingMs', () => loadRoomMeeting(db, MEETING)],
    ['caseMs', () => loadRoomCase(db, MEETING, caseId, members)],
    ['reviewMs', () => loadCaseReview(db, caseId)],
    ['meetingRowMs', () => db.meetings.get(MEETING)],
    ['putMs', (k) => db.votes.put({ meetingId: MEETING, caseId, proposalNo: 1, memberId: VOTERS[k % VOTERS.length]!, vote: CHOICES[(k + 1) % CHOICES.length]![0], recordedBy: 's1', recordedAt: new Date().toISOString() })],
  ];
  const times = new Map<keyof SingleVoteParts, number[]>(parts.map(([name]) => [name, []]));
  for (let k = 0; k < Math.max(runs, 9); k += 1) {
    for (const [name, work] of parts) {
      const started = performance.now();
      await work(k);
      times.get(name)!.push(performance.now() - started);
    }
  }
  return Object.fromEntries([...times].map(([name, values]) => [name, median(values)])) as unknown as SingleVoteParts;
}

Object.assign(window, { councilSingleVoteBench: { run } });
