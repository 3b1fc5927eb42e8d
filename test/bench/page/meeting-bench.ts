/**
 * The browser half of the bulk vote benchmark (issue 11, item 12): an open meeting with 10,000
 * cases on its agenda, each with an open suggestion proposal; then the app's way, five members'
 * bulk votes (recordBulkVote: reads, eligibility, vote rows, hash-chained audit entries, one
 * transaction each) and the tallies of all 10,000 cases (loadBulkStanding: the rows read back,
 * countVote per case), against the baseline of a raw Dexie bulkPut of the very same vote and
 * audit rows. The baseline's rows, hashes included, are built before its clock starts: the raw
 * write is what the app is compared with, and the hashing is part of the app's cost.
 */
import { DEMO_MEMBERS } from '../../../shared/council';
import { DEFAULT_COUNTING_RULES } from '../../../shared/meeting/rules';
import type { VoteChoice } from '../../../shared/meeting/types';
import { appendAudit, auditEntryHash } from '../../../renderer/db/audit';
import type { AuditRow, CaseRow, MeetingRow, ProposalRow, VoteRow } from '../../../renderer/db/rows';
import { openCouncilDb, type CouncilDb } from '../../../renderer/db/schema';
import { loadBulkStanding, recordBulkVote } from '../../../renderer/meeting/bulk';

const MEETING = 'bench-meeting';
const OPERATOR = 's1';
const ARRIVED = '2023-03-02T14:00:00+09:00';
const VOTERS: [string, VoteChoice][] = [['m1', 'approve'], ['m2', 'approve'], ['m3', 'reject'], ['m4', 'approve'], ['m5', 'abstain']];

export function caseIdOf(i: number): string {
  return `1015-${String(i).padStart(6, '0')}`;
}

/** Deterministic: the same i gives the same row (T1 30,000 or T2 50,000, so every suggestion names an award). */
export function benchCase(i: number): CaseRow {
  const caseId = caseIdOf(i);
  const t1 = i % 2 === 0;
  const claimedLoss = t1 ? 100_000 + (i % 150_000) : 320_000 + (i % 150_000);
  const registrationNo = String(1_000_000_000 + ((i * 7_919) % 8_999_999_999)).slice(0, 10);
  const bankAccountFingerprint = (i * 2_654_435_761).toString(16).padStart(16, '0').slice(-16);
  return {
    caseId,
    bundleId: 'bench-meeting-bundle',
    status: 'undecided',
    revision: 1,
    registrationNo,
    bankAccountFingerprint,
    claimedLoss,
    businessName: `망원 떡볶이 ${i}호점`,
    assessedLoss: claimedLoss,
    suggestedTier: t1 ? 'T1' : 'T2',
    suggestion: { tier: t1 ? 'T1' : 'T2', award: t1 ? 30_000 : 50_000, amount: claimedLoss, basis: 'assessed' },
    flags: [],
    duplicates: [],
    record: {
      caseId,
      receivedAt: '2023-02-03T11:20:00+09:00',
      business: { name: `망원 떡볶이 ${i}호점`, registrationNo, representative: '김민수', category: 'restaurant', region: '서울특별시 마포구' },
      services: ['talk-channel', 'kakaopay'],
      claimedLoss,
      statement: '주문이 토요일부터 끊겼습니다.',
      bankAccountFingerprint,
      dailySales: [],
      documents: [],
    },
    importedAt: '2023-03-01T10:00:00+09:00',
    previousBundleId: null,
  };
}

/** A fresh database holding the council, n cases on the agenda of an open meeting, each with its open proposal. */
async function seed(dbName: string, n: number): Promise<{ db: CouncilDb; caseIds: string[] }> {
  const db = openCouncilDb(dbName);
  await db.open();
  const caseIds = Array.from({ length: n }, (_, i) => caseIdOf(i + 1));
  const cases = caseIds.map((_, i) => benchCase(i + 1));
  const meeting: MeetingRow = {
    meetingId: MEETING,
    date: '2023-03-02',
    place: '협의체 회의실',
    startTime: '14:00',
    rules: DEFAULT_COUNTING_RULES,
    agenda: caseIds,
    attendance: VOTERS.map(([memberId]) => ({ memberId, present: true, arrivedAt: ARRIVED, leftAt: null })),
    status: 'open',
    createdAt: ARRIVED,
    openedAt: ARRIVED,
    closedAt: null,
  };
  const proposals: ProposalRow[] = cases.map((c) => ({
    meetingId: MEETING, caseId: c.caseId, no: 1, outcome: 'award', tier: c.suggestion.tier, amount: c.suggestion.award, fromSuggestion: true,
    missingDocuments: [], status: 'open', openedAt: ARRIVED, closedAt: null, tally: null,
  }));
  await db.transaction('rw', [db.members, db.settings, db.cases, db.meetings, db.proposals, db.audit], async () => {
    await db.members.bulkPut(DEMO_MEMBERS.map((m) => ({ ...m })));
    await db.settings.put({ key: 'operator', value: OPERATOR });
    // the summaries are written by the middleware (case-summary-sync.ts)
    await db.cases.bulkPut(cases);
    await db.meetings.put(meeting);
    await db.proposals.bulkPut(proposals);
    // an audit log with a head, as a real one has
    await appendAudit(db, { entity: 'meeting', entityId: MEETING, action: 'open', detail: { meetingId: MEETING } });
  });
  return { db, caseIds };
}

export interface MeetingAppTiming {
  ms: number;
  recordMs: number;
  talliesMs: number;
  passing: number;
  votes: number;
  auditEntries: number;
}

/** The app: five bulk votes from the confirmation, then the tallies of every case, from the rows read back. */
async function appRun(dbName: string, n: number): Promise<MeetingAppTiming> {
  const { db, caseIds } = await seed(dbName, n);
  const auditBefore = await db.audit.count();
  const started = performance.now();
  for (const [memberId, vote] of VOTERS) {
    const result = await recordBulkVote(db, MEETING, memberId, vote, caseIds);
    if (result.kind !== 'recorded' || result.recorded !== n) throw new Error(`bulk vote of ${memberId} did not record ${n} votes: ${JSON.stringify(result).slice(0, 200)}`);
  }
  const recorded = performance.now();
  const standing = await loadBulkStanding(db, MEETING, caseIds);
  const ms = performance.now() - started;
  if (!standing || standing.counts.size !== n) throw new Error('the tallies do not cover every case');
  const votes = await db.votes.count();
  const auditEntries = (await db.audit.count()) - auditBefore;
  db.close();
  return { ms, recordMs: recorded - started, talliesMs: ms - (recorded - started), passing: standing.passing, votes, auditEntries };
}

/** One member's vote rows and audit rows as the app writes them, the chain hashed from `prevHash`. */
function rowsOf(caseIds: readonly string[], memberId: string, vote: VoteChoice, at: string, prevHash: string | null): { votes: VoteRow[]; audit: Omit<AuditRow, 'sequence'>[] } {
  const votes: VoteRow[] = [];
  const audit: Omit<AuditRow, 'sequence'>[] = [];
  let prev = prevHash;
  for (const caseId of caseIds) {
    votes.push({ meetingId: MEETING, caseId, proposalNo: 1, memberId, vote, recordedBy: OPERATOR, recordedAt: at });
    const body = { at, entity: 'vote' as const, entityId: `${MEETING}/${caseId}/1/${memberId}`, action: 'record', actor: OPERATOR, detail: { meetingId: MEETING, caseId, proposalNo: 1, memberId, vote, bulk: true }, prevHash: prev };
    const hash = auditEntryHash(body);
    audit.push({ ...body, hash });
    prev = hash;
  }
  return { votes, audit };
}

/** The raw write: one transaction, a bulkPut of the vote rows and one of the audit rows. */
async function writeRaw(db: CouncilDb, votes: VoteRow[], audit: Omit<AuditRow, 'sequence'>[]): Promise<void> {
  await db.transaction('rw', [db.votes, db.audit], async () => {
    await db.votes.bulkPut(votes);
    await db.audit.bulkPut(audit as AuditRow[]);
  });
}

export interface MeetingBaseTiming {
  ms: number;
  /** Building the rows and hashing the chain beforehand (not in ms). */
  buildMs: number;
  votes: number;
}

/**
 * The baseline: the same 5 x n vote rows and 5 x n audit rows (the chain hashed from the log's
 * head, as the app's would be) built first, then only the writes are timed: one transaction per
 * member, as the app's, each a bulkPut of its vote rows and its audit rows.
 */
async function baseline(dbName: string, n: number): Promise<MeetingBaseTiming> {
  const { db, caseIds } = await seed(dbName, n);
  const buildStarted = performance.now();
  const at = new Date().toISOString();
  let prevHash = (await db.audit.orderBy('sequence').last())?.hash ?? null;
  const batches = VOTERS.map(([memberId, vote]) => {
    const batch = rowsOf(caseIds, memberId, vote, at, prevHash);
    prevHash = batch.audit[batch.audit.length - 1]?.hash ?? prevHash;
    return batch;
  });
  const buildMs = performance.now() - buildStarted;
  const started = performance.now();
  for (const batch of batches) await writeRaw(db, batch.votes, batch.audit);
  const ms = performance.now() - started;
  const votes = await db.votes.count();
  db.close();
  return { ms, buildMs, votes };
}

export interface MeetingParts {
  /** Canonical JSON + SHA-256 of n audit entries, chained, no database. */
  hashMs: number;
  /** One member's recordBulkVote on a fresh meeting. */
  recordMs: number;
  /** The raw write of the same member's rows (built beforehand), on another fresh meeting. */
  rawMs: number;
}

/** Where the app's time goes, measured apart (one member's share; the rest is the reads and the building of the rows). */
async function parts(dbName: string, n: number): Promise<MeetingParts> {
  const at = new Date().toISOString();
  const hashStarted = performance.now();
  let prevHash: string | null = null;
  for (let i = 1; i <= n; i += 1) {
    const caseId = caseIdOf(i);
    prevHash = auditEntryHash({ at, entity: 'vote', entityId: `${MEETING}/${caseId}/1/m1`, action: 'record', actor: OPERATOR, detail: { meetingId: MEETING, caseId, proposalNo: 1, memberId: 'm1', vote: 'approve', bulk: true }, prevHash });
  }
  const hashMs = performance.now() - hashStarted;

  const first = await seed(`${dbName}-app`, n);
  const recordStarted = performance.now();
  const result = await recordBulkVote(first.db, MEETING, 'm1', 'approve', first.caseIds);
  const recordMs = performance.now() - recordStarted;
  if (result.kind !== 'recorded' || result.recorded !== n) throw new Error('the bulk vote did not record every case');
  first.db.close();
  await drop(`${dbName}-app`);

  const second = await seed(`${dbName}-raw`, n);
  const { votes, audit } = rowsOf(second.caseIds, 'm1', 'approve', at, (await second.db.audit.orderBy('sequence').last())?.hash ?? null);
  const rawStarted = performance.now();
  await writeRaw(second.db, votes, audit);
  const rawMs = performance.now() - rawStarted;
  second.db.close();
  await drop(`${dbName}-raw`);
  return { hashMs, recordMs, rawMs };
}

export async function drop(dbName: string): Promise<void> {
  await new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(dbName);
    req.onsuccess = resolve;
    req.onerror = () => reject(req.error);
  });
}

Object.assign(window, { councilMeetingBench: { appRun, baseline, parts, drop } });
