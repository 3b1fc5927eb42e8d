/**
 * The next decision file's payload, built from a meeting's plain data: right by the schema and by
 * every check the notary and `verify` make (checkDecisionPayload), with each vote listed at the
 * moment it closed (a recusal with its reason, a present member who did not vote as 'none'), a
 * failed proposal before the passed one, a reopened case's next revision in a later file, and
 * nothing when nothing is new.
 */
import { describe, expect, it } from 'vitest';
import { buildDecisionPayload, type BuildCase, type BuildDecision, type DecisionBuildInput } from '../../shared/decisions/build-payload';
import { decisionFilePayloadSchema, type DecisionFilePayload } from '../../shared/decisions/decision-file-schema';
import { checkDecisionPayload } from '../../shared/decisions/payload-check';
import { DEFAULT_COUNTING_RULES } from '../../shared/meeting/rules';
import type { Tally } from '../../shared/meeting/types';

const A = '1015-000001'; // T1, 30,000 of a 120,000 claim
const B = '1015-000002'; // T2, 50,000 of a 420,000 claim
const FILE1 = 'decisions-2023-03-02-0001.dsse.json';
const SHA1 = 'c'.repeat(64);
const KEYID = 'b'.repeat(64);
const HEAD = 'a'.repeat(64);
const t = (minute: number) => `2023-03-02T14:${String(minute).padStart(2, '0')}:00+09:00`;
const tally = (approve: number, reject: number, abstain: number, recused: number, members: number, present: number, passed: boolean): Tally => ({
  approve,
  reject,
  abstain,
  recused,
  members,
  present,
  quorumMet: true,
  passed,
});
const votes = (no: number, choices: Record<string, 'approve' | 'reject' | 'abstain'>) => Object.entries(choices).map(([memberId, vote]) => ({ proposalNo: no, memberId, vote }));

function decision(caseId: string, revision: number, extra: Partial<BuildDecision>): BuildDecision {
  return {
    caseId,
    revision,
    meetingId: '2023-03-02',
    bundleId: '1015-2023-B07',
    outcome: 'award',
    tier: 'T1',
    award: 30_000,
    rationale: '',
    missingDocuments: [],
    proposalNo: 1,
    decidedAt: t(11),
    reopened: null,
    suggested: { tier: 'T1', award: 30_000, claimedLoss: 120_000, assessedLoss: 120_000 },
    ...extra,
  };
}

/** Case A awarded on proposal 1 (m5 present, not voting); case B rejected on proposal 2 after proposal 1 failed, m3 recused. */
function meetingInput(overrides: Partial<DecisionBuildInput> = {}): DecisionBuildInput {
  const caseA: BuildCase = {
    caseId: A,
    proposals: [{ no: 1, outcome: 'award', amount: 30_000, status: 'passed', closedAt: t(10), tally: tally(4, 0, 0, 0, 5, 5, true) }],
    votes: votes(1, { m1: 'approve', m2: 'approve', m3: 'approve', m4: 'approve' }),
    recusals: [],
  };
  const caseB: BuildCase = {
    caseId: B,
    proposals: [
      { no: 1, outcome: 'award', amount: 50_000, status: 'failed', closedAt: t(15), tally: tally(1, 2, 1, 1, 4, 4, false) },
      { no: 2, outcome: 'reject', amount: null, status: 'passed', closedAt: t(20), tally: tally(3, 0, 1, 1, 4, 4, true) },
    ],
    votes: [...votes(1, { m1: 'approve', m2: 'reject', m3: 'approve', m4: 'reject', m5: 'abstain' }), ...votes(2, { m1: 'approve', m2: 'approve', m4: 'approve', m5: 'abstain' })],
    recusals: [
      { memberId: 'm3', status: 'recused', reason: '신청인과 친족 관계', at: t(12), withdrawnAt: null },
      { memberId: 'm2', status: 'dismissed', reason: '같은 상호의 다른 가게', at: t(12), withdrawnAt: null },
    ],
  };
  return {
    council: '카카오 1015 피해지원 협의체',
    meeting: {
      meetingId: '2023-03-02',
      date: '2023-03-02',
      place: '협의체 회의실',
      rules: DEFAULT_COUNTING_RULES,
      attendance: ['m1', 'm2', 'm3', 'm4', 'm5'].map((memberId) => ({ memberId, present: true, arrivedAt: memberId === 'm5' ? t(5) : t(0), leftAt: null })),
    },
    members: [
      { memberId: 'm1', name: '정한결', role: 'chair' },
      { memberId: 'm2', name: '박서윤', role: 'member' },
      { memberId: 'm3', name: '이도현', role: 'member' },
      { memberId: 'm4', name: '최지아', role: 'member' },
      { memberId: 'm5', name: '강민재', role: 'member' },
      { memberId: 's1', name: '윤하늘', role: 'secretary' },
    ],
    decisions: [
      decision(A, 1, {}),
      decision(B, 1, { outcome: 'reject', tier: null, award: null, proposalNo: 2, decidedAt: t(21), rationale: '증빙된 매출 감소가 없음', suggested: { tier: 'T2', award: 50_000, claimedLoss: 420_000, assessedLoss: 400_000 } }),
    ],
    cases: [caseA, caseB],
    policies: { '1015-2023-B07': '1015-small-business-2022-12' },
    exported: {},
    ledger: { lastSequence: 0, lastPayloadSha256: null },
    signerKeyid: KEYID,
    auditHead: HEAD,
    createdAt: '2023-03-02T17:00:00+09:00',
    ...overrides,
  };
}

/** Case A reopened at 14:30 and awarded again on proposal 2 (everyone approving) as revision 2. */
function reopenedInput(exported: DecisionBuildInput['exported'], ledger: DecisionBuildInput['ledger']): DecisionBuildInput {
  const input = meetingInput({ exported, ledger });
  const [a1, b1] = input.decisions as BuildDecision[];
  const caseA = input.cases[0]!;
  return {
    ...input,
    decisions: [{ ...a1!, reopened: { reason: '청구 금액 정정 서류 접수', at: t(30) } }, b1!, decision(A, 2, { proposalNo: 2, decidedAt: t(36) })],
    cases: [
      {
        ...caseA,
        proposals: [...caseA.proposals, { no: 2, outcome: 'award', amount: 30_000, status: 'passed', closedAt: t(35), tally: tally(5, 0, 0, 0, 5, 5, true) }],
        votes: [...caseA.votes, ...votes(2, { m1: 'approve', m2: 'approve', m3: 'approve', m4: 'approve', m5: 'approve' })],
      },
      input.cases[1]!,
    ],
  };
}

function built(input: DecisionBuildInput): { payload: DecisionFilePayload; decisions: string[] } {
  const result = buildDecisionPayload(input);
  if (result.kind !== 'payload') throw new Error(`expected a payload, got ${JSON.stringify(result)}`);
  expect(decisionFilePayloadSchema.parse(result.payload)).toEqual(result.payload);
  expect(checkDecisionPayload(result.payload)).toEqual([]);
  return result;
}

describe('the next decision file of a meeting', () => {
  it('holds the decisions not exported yet, oldest first, right by every check, as the first file of the meeting', () => {
    const { payload, decisions } = built(meetingInput());
    expect(decisions).toEqual([`${A}@1`, `${B}@1`]);
    expect(payload).toMatchObject({
      council: '카카오 1015 피해지원 협의체',
      policyId: '1015-small-business-2022-12',
      bundleIds: ['1015-2023-B07'],
      sequence: 1,
      previous: null,
      auditHead: HEAD,
      signer: { memberId: 'm1', name: '정한결', role: 'chair', keyid: KEYID },
      totals: { decisions: 2, awarded: 1, rejected: 1, deferred: 0, amount: 30_000 },
    });
    expect(payload.meeting.quorum).toEqual({ required: 3, present: 5, met: true });
    expect(payload.meeting.attendance.map((a) => [a.memberId, a.role])).toEqual([['m1', 'chair'], ['m2', 'member'], ['m3', 'member'], ['m4', 'member'], ['m5', 'member']]);
  });

  it('lists a present member who did not vote as "none", and a recused member with the reason', () => {
    const { payload } = built(meetingInput());
    const [a, b] = payload.decisions;
    expect(a!.votes.at(-1)).toEqual({ memberId: 'm5', vote: 'none' });
    expect(a!.proposal).toEqual({ no: 1, outcome: 'award', amount: 30_000, closedAt: t(10) });
    expect(b!.votes).toEqual([
      { memberId: 'm1', vote: 'approve' },
      { memberId: 'm2', vote: 'approve' },
      { memberId: 'm3', vote: 'recused', reason: '신청인과 친족 관계' },
      { memberId: 'm4', vote: 'approve' },
      { memberId: 'm5', vote: 'abstain' },
    ]);
    expect(b!.tally).toEqual(tally(3, 0, 1, 1, 4, 4, true));
  });

  it('lists the failed proposal before the passed one, with its votes and tally', () => {
    const { payload } = built(meetingInput());
    const b = payload.decisions[1]!;
    expect(b.proposal).toEqual({ no: 2, outcome: 'reject', amount: null, closedAt: t(20) });
    expect(b.earlierProposals).toEqual([
      {
        no: 1,
        outcome: 'award',
        amount: 50_000,
        closedAt: t(15),
        votes: [
          { memberId: 'm1', vote: 'approve' },
          { memberId: 'm2', vote: 'reject' },
          { memberId: 'm3', vote: 'recused', reason: '신청인과 친족 관계' },
          { memberId: 'm4', vote: 'reject' },
          { memberId: 'm5', vote: 'abstain' },
        ],
        tally: tally(1, 2, 1, 1, 4, 4, false),
      },
    ]);
  });

  it('sends a reopened case out as its next revision in a later file, naming the file of the revision before', () => {
    const exported = { [`${A}@1`]: { file: FILE1, payloadSha256: SHA1 }, [`${B}@1`]: { file: FILE1, payloadSha256: SHA1 } };
    const { payload, decisions } = built(reopenedInput(exported, { lastSequence: 1, lastPayloadSha256: SHA1 }));
    expect(decisions).toEqual([`${A}@2`]);
    expect(payload.sequence).toBe(2);
    expect(payload.previous).toBe(SHA1);
    expect(payload.decisions[0]).toMatchObject({
      caseId: A,
      revision: 2,
      proposal: { no: 2 },
      earlierProposals: [],
      reopened: { reason: '청구 금액 정정 서류 접수', previousRevision: { file: FILE1, payloadSha256: SHA1 } },
    });
  });

  it('leaves out a decision reopened before it was exported: only its later revision goes, naming no earlier file', () => {
    const { payload, decisions } = built(reopenedInput({}, { lastSequence: 0, lastPayloadSha256: null }));
    expect(decisions).toEqual([`${B}@1`, `${A}@2`]);
    expect(payload.decisions[1]!.reopened).toEqual({ reason: '청구 금액 정정 서류 접수', previousRevision: null });
  });

  it('says there is nothing to export when every decision is in a file already', () => {
    const exported = { [`${A}@1`]: { file: FILE1, payloadSha256: SHA1 }, [`${B}@1`]: { file: FILE1, payloadSha256: SHA1 } };
    expect(buildDecisionPayload(meetingInput({ exported, ledger: { lastSequence: 1, lastPayloadSha256: SHA1 } }))).toEqual({ kind: 'nothing' });
    expect(buildDecisionPayload(meetingInput({ decisions: [] }))).toEqual({ kind: 'nothing' });
  });

  it('refuses, naming the decision and the field, when the tally the room stored does not recount', () => {
    const input = meetingInput();
    const caseA = input.cases[0]!;
    const wrong = { ...input, cases: [{ ...caseA, proposals: [{ ...caseA.proposals[0]!, tally: tally(5, 0, 0, 0, 5, 5, true) }] }, input.cases[1]!] };
    expect(buildDecisionPayload(wrong)).toEqual({
      kind: 'refused',
      problems: [{ caseId: A, revision: 1, field: 'tally', message: "proposal 1's recorded tally differs from the recount by the counting rules (approve 5 → 4)" }],
    });
  });
});
