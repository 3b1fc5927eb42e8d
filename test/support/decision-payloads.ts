/**
 * Decision-file payloads for tests and the benchmark: right by the counting rules (each tally
 * made with shared/meeting/counting.ts from the votes listed), so a test can bend one field and
 * see it caught. Five voting members (m1 the chair), one secretary; everyone present from 14:00.
 */
import { countVote, presentAt, tallyOf } from '../../shared/meeting/counting';
import { DEFAULT_COUNTING_RULES } from '../../shared/meeting/rules';
import type { DecisionEntry, DecisionFilePayload, ListedVoteEntry } from '../../shared/decisions/decision-file-schema';
import { rosterOfAttendance, totalsOf } from '../../shared/decisions/payload-check';

export const SAMPLE_ATTENDANCE: DecisionFilePayload['meeting']['attendance'] = [
  { memberId: 'm1', name: '정한결', role: 'chair', present: true, arrivedAt: '2023-03-02T14:00:00+09:00', leftAt: null },
  { memberId: 'm2', name: '박서윤', role: 'member', present: true, arrivedAt: '2023-03-02T14:00:00+09:00', leftAt: null },
  { memberId: 'm3', name: '이도현', role: 'member', present: true, arrivedAt: '2023-03-02T14:00:00+09:00', leftAt: null },
  { memberId: 'm4', name: '최지아', role: 'member', present: true, arrivedAt: '2023-03-02T14:00:00+09:00', leftAt: null },
  { memberId: 'm5', name: '강민재', role: 'member', present: true, arrivedAt: '2023-03-02T14:05:00+09:00', leftAt: null },
  { memberId: 's1', name: '윤하늘', role: 'secretary', present: true, arrivedAt: '2023-03-02T14:00:00+09:00', leftAt: null },
];

const DAY = '2023-03-02';

/** 14:00 + minutes on the sample day, as an ISO date-time. */
export function at(minutes: number): string {
  const h = 14 + Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${DAY}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00+09:00`;
}

/** The tally the counting rules give these listed votes at `closedAt`. */
export function tallyFor(payload: Pick<DecisionFilePayload, 'meeting'>, votes: readonly ListedVoteEntry[], closedAt: string) {
  return tallyOf(
    countVote({
      rules: payload.meeting.rules,
      roster: rosterOfAttendance(payload),
      present: presentAt(payload.meeting.attendance, closedAt),
      recused: new Set(votes.filter((v) => v.vote === 'recused').map((v) => v.memberId)),
      votes: votes.flatMap((v) => (v.vote === 'approve' || v.vote === 'reject' || v.vote === 'abstain' ? [{ memberId: v.memberId, vote: v.vote }] : [])),
    }),
  );
}

export interface SamplePayloadOptions {
  meetingId?: string;
  sequence?: number;
  previous?: string | null;
  /** How many decisions (default 3): awards of 30,000 and 50,000, a rejection, a deferral, a case-by-case award, in turn. */
  decisions?: number;
  /** The chair key's keyid the payload names as its signer. */
  keyid?: string;
  /** The first case's number (cases are 1015-<6 digits>). */
  firstCase?: number;
  auditHead?: string;
}

/** The i-th sample decision (its kind cycles through five). */
function sampleDecision(meta: Pick<DecisionFilePayload, 'meeting'>, i: number, caseNo: number): DecisionEntry {
  const kind = i % 5;
  const closedAt = at(10 + (i % 200));
  const recusal = kind === 3;
  const votes: ListedVoteEntry[] = [
    { memberId: 'm1', vote: 'approve' },
    { memberId: 'm2', vote: 'approve' },
    recusal ? { memberId: 'm3', vote: 'recused', reason: '신청인과 친족 관계' } : { memberId: 'm3', vote: 'approve' },
    { memberId: 'm4', vote: kind === 2 || kind === 3 ? 'approve' : 'reject' },
    { memberId: 'm5', vote: kind === 1 ? 'none' : 'abstain' },
  ];
  const claimedLoss = [250_000, 420_000, 120_000, 380_000, 900_000][kind]!;
  const suggested = [
    { tier: 'T1', award: 30_000, claimedLoss, assessedLoss: claimedLoss },
    { tier: 'T2', award: 50_000, claimedLoss, assessedLoss: claimedLoss },
    { tier: 'T1', award: 30_000, claimedLoss, assessedLoss: 100_000 },
    { tier: 'T2', award: 50_000, claimedLoss, assessedLoss: null },
    { tier: 'T3', award: null, claimedLoss, assessedLoss: 800_000 },
  ][kind]!;
  const outcome = kind === 2 ? 'reject' : kind === 3 ? 'defer' : 'award';
  const award = outcome !== 'award' ? null : kind === 4 ? 400_000 : suggested.award;
  return {
    caseId: `1015-${String(caseNo).padStart(6, '0')}`,
    bundleId: '1015-2023-B07',
    revision: 1,
    outcome,
    tier: outcome === 'award' ? suggested.tier : null,
    award,
    suggested,
    proposal: { no: 1, outcome, amount: award, closedAt },
    votes,
    tally: tallyFor(meta, votes, closedAt),
    earlierProposals: [],
    rationale: kind === 4 ? '매출 자료로 확인된 손실의 절반 수준으로 정함' : kind === 2 ? '증빙된 매출 감소가 없음' : '',
    missingDocuments: kind === 3 ? ['pos-sales'] : [],
    decidedAt: at(11 + (i % 200)),
  };
}

/** A payload right in every field the notary and `verify` check. */
export function samplePayload(opts: SamplePayloadOptions = {}): DecisionFilePayload {
  const meetingId = opts.meetingId ?? DAY;
  const meta: Pick<DecisionFilePayload, 'meeting'> = {
    meeting: {
      meetingId,
      date: DAY,
      place: '서울 중구 소상공인회관 3층 회의실',
      rules: DEFAULT_COUNTING_RULES,
      attendance: SAMPLE_ATTENDANCE.map((a) => ({ ...a })),
      quorum: { required: 3, present: 5, met: true },
    },
  };
  const first = opts.firstCase ?? 1;
  const decisions = Array.from({ length: opts.decisions ?? 3 }, (_, i) => sampleDecision(meta, i, first + i));
  return {
    format: 'council-desk/decisions',
    version: 1,
    council: 'Kakao 1015 damage support council',
    ...meta,
    policyId: '1015-small-business-2022-12',
    bundleIds: ['1015-2023-B07'],
    sequence: opts.sequence ?? 1,
    previous: opts.previous ?? null,
    decisions,
    totals: totalsOf(decisions),
    auditHead: opts.auditHead ?? 'a'.repeat(64),
    signer: { memberId: 'm1', name: '정한결', role: 'chair', keyid: opts.keyid ?? 'b'.repeat(64) },
    createdAt: `${DAY}T17:00:00+09:00`,
  };
}

/** The decision again at its next revision, reopened after the file that held it (`previous`: that file's name and payload hash). */
export function reopenedDecision(d: DecisionEntry, previous: { fileName: string; payloadSha256: string }, reason = '추가 증빙 제출'): DecisionEntry {
  return { ...d, revision: d.revision + 1, reopened: { reason, previousRevision: { file: previous.fileName, payloadSha256: previous.payloadSha256 } } };
}
