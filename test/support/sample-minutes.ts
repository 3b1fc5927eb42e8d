/**
 * A meeting's minutes input for tests (the minutes model, the PDF, DOCX and payment list): two
 * decision files of meeting 2023-03-02 made from decision-payloads.ts, right by the counting rules.
 * - file 1 (sequence 1): cases 1015-000001 to -000005: award 30,000 (T1), award 50,000 (T2),
 *   reject, defer awaiting 'pos-sales' (이도현 recused), award 400,000 (T3, case by case);
 * - file 2 (sequence 2): case 1015-000004 again, revision 2 (reopened, naming file 1): a first
 *   proposal of 80,000 failed, the second, 50,000 (T2), passed;
 * - the agenda also holds 1015-000006, which no file decides.
 * Case 1015-000002's business name holds a comma, a double quote and a line break.
 */
import { canonicalJsonBytes } from '../../shared/canonical-json';
import { decisionFileName } from '../../shared/decisions/decision-file-name';
import type { DecisionFilePayload, ListedVoteEntry } from '../../shared/decisions/decision-file-schema';
import { totalsOf } from '../../shared/decisions/payload-check';
import type { CaseParticulars, MinutesDecisionFileInput, MinutesInput } from '../../shared/minutes/minutes-model';
import { sha256Hex } from '../../shared/sha256';
import { SAMPLE_ATTENDANCE, at, samplePayload, tallyFor } from './decision-payloads';

export const MEETING_ID = '2023-03-02';

export function decisionFileInput(payload: DecisionFilePayload): MinutesDecisionFileInput {
  return { fileName: decisionFileName(payload.meeting.meetingId, payload.sequence), payloadSha256: sha256Hex(canonicalJsonBytes(payload)), payload };
}

/** File 2: case 1015-000004 reopened and awarded on its second proposal. */
function reopenedFile(first: MinutesDecisionFileInput): DecisionFilePayload {
  const base = samplePayload({ sequence: 2, previous: first.payloadSha256, decisions: 1, firstCase: 4 });
  const d = base.decisions[0]!;
  const failedVotes: ListedVoteEntry[] = [
    { memberId: 'm1', vote: 'approve' },
    { memberId: 'm2', vote: 'reject' },
    { memberId: 'm3', vote: 'recused', reason: '신청인과 친족 관계' },
    { memberId: 'm4', vote: 'reject' },
    { memberId: 'm5', vote: 'abstain' },
  ];
  const passedVotes: ListedVoteEntry[] = [
    { memberId: 'm1', vote: 'approve' },
    { memberId: 'm2', vote: 'approve' },
    { memberId: 'm3', vote: 'recused', reason: '신청인과 친족 관계' },
    { memberId: 'm4', vote: 'approve' },
    { memberId: 'm5', vote: 'reject' },
  ];
  const suggested = { tier: 'T2', award: 50_000, claimedLoss: 380_000, assessedLoss: 380_000 };
  const decision = {
    ...d,
    caseId: '1015-000004',
    revision: 2,
    outcome: 'award' as const,
    tier: 'T2',
    award: 50_000,
    suggested,
    proposal: { no: 3, outcome: 'award' as const, amount: 50_000, closedAt: at(120) },
    votes: passedVotes,
    tally: tallyFor(base, passedVotes, at(120)),
    earlierProposals: [{ no: 2, outcome: 'award' as const, amount: 80_000, closedAt: at(110), votes: failedVotes, tally: tallyFor(base, failedVotes, at(110)) }],
    rationale: '',
    missingDocuments: [],
    decidedAt: at(121),
    reopened: { reason: '보완 서류(POS 매출)가 회의 중 제출됨', previousRevision: { file: first.fileName, payloadSha256: first.payloadSha256 } },
  };
  return { ...base, decisions: [decision], totals: totalsOf([decision]) };
}

export const SAMPLE_CASES: Record<string, CaseParticulars> = {
  '1015-000001': { businessName: '한결 꽃집', registrationNo: '1208147521', representative: '김민수', bankAccountFingerprint: 'f'.repeat(64), bundleId: '1015-2023-B07' },
  '1015-000002': { businessName: '카페 "1015", 본점\n2층', registrationNo: '2208162517', representative: '이수진', bankAccountFingerprint: 'e'.repeat(64), bundleId: '1015-2023-B07' },
  '1015-000003': { businessName: '서울 분식', registrationNo: '3128185730', representative: '박영호', bankAccountFingerprint: 'd'.repeat(64), bundleId: '1015-2023-B07' },
  '1015-000004': { businessName: '하늘 택시', registrationNo: '1148632585', representative: '최은영', bankAccountFingerprint: 'c'.repeat(64), bundleId: '1015-2023-B07' },
  '1015-000005': { businessName: '강남 공방', registrationNo: '2118709934', representative: '정다은', bankAccountFingerprint: 'b'.repeat(64), bundleId: '1015-2023-B07' },
  '1015-000006': { businessName: '미결 상회', registrationNo: '1018211113', representative: '오세훈', bankAccountFingerprint: 'a'.repeat(64), bundleId: '1015-2023-B07' },
};

/** The two files of the meeting, in sequence order. */
export function sampleDecisionFiles(): MinutesDecisionFileInput[] {
  const first = decisionFileInput(samplePayload({ decisions: 5 }));
  return [first, decisionFileInput(reopenedFile(first))];
}

export function sampleMinutesInput(): MinutesInput {
  const files = sampleDecisionFiles();
  const suggestion = (tier: string | null, award: number | null, claimedLoss: number, assessedLoss: number | null) => ({
    tier,
    award,
    claimedLoss,
    assessedLoss,
    flags: assessedLoss !== null && claimedLoss > assessedLoss ? ['CLAIM_EXCEEDS_ASSESSED'] : [],
    reasons: [
      assessedLoss === null
        ? { code: 'SUGGESTION_CLAIMED' as const, claimedLoss }
        : { code: 'SUGGESTION_MIN' as const, claimedLoss, assessedLoss, amount: Math.min(claimedLoss, assessedLoss), basis: claimedLoss > assessedLoss ? ('assessed' as const) : ('claimed' as const) },
      tier === null
        ? { code: 'NO_TIER' as const, amount: Math.min(claimedLoss, assessedLoss ?? claimedLoss), firstTierMin: 100_000 }
        : { code: 'TIER' as const, amount: Math.min(claimedLoss, assessedLoss ?? claimedLoss), tierId: tier, minLoss: 100_000, maxLoss: null, award },
    ],
  });
  return {
    council: files[0]!.payload.council,
    meeting: {
      meetingId: MEETING_ID,
      date: '2023-03-02',
      place: files[0]!.payload.meeting.place,
      startedAt: '2023-03-02T14:00:00+09:00',
      closedAt: '2023-03-02T17:00:00+09:00',
      rules: files[0]!.payload.meeting.rules,
      attendance: SAMPLE_ATTENDANCE.map((a) => ({ ...a })),
    },
    agenda: [
      { caseId: '1015-000001', suggestion: suggestion('T1', 30_000, 250_000, 250_000) },
      { caseId: '1015-000002', suggestion: suggestion('T2', 50_000, 420_000, 420_000) },
      { caseId: '1015-000003', suggestion: suggestion('T1', 30_000, 120_000, 100_000) },
      { caseId: '1015-000004', suggestion: suggestion('T2', 50_000, 380_000, null) },
      { caseId: '1015-000005', suggestion: suggestion('T3', null, 900_000, 800_000) },
      { caseId: '1015-000006', suggestion: suggestion(null, null, 50_000, 40_000) },
    ],
    decisionFiles: files,
    cases: SAMPLE_CASES,
    signers: { chairName: '정한결', secretaryName: '윤하늘' },
  };
}
