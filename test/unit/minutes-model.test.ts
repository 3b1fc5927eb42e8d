/**
 * The minutes model (issue 13): built from the meeting's signed decision files, it says what they
 * say — each case once at its highest revision, every vote by the member's name, recusals with
 * their reasons, failed proposals before the passed one, deferrals with the documents awaited,
 * totals by tier and outcome — and refuses files that do not belong together.
 */
import { describe, expect, it } from 'vitest';
import { checkDecisionPayload } from '../../shared/decisions/payload-check';
import { buildMinutes, type MinutesInput } from '../../shared/minutes/minutes-model';
import { decisionFileInput, sampleMinutesInput } from '../support/sample-minutes';
import { samplePayload } from '../support/decision-payloads';

const caseOf = (input: MinutesInput, caseId: string) => buildMinutes(input).cases.find((c) => c.caseId === caseId)!;

describe('buildMinutes', () => {
  it('is built from decision files that are right by the counting rules', () => {
    for (const f of sampleMinutesInput().decisionFiles) expect(checkDecisionPayload(f.payload)).toEqual([]);
  });

  it('lists a case reopened across two files once, at its highest revision, with the earlier one noted', () => {
    const input = sampleMinutesInput();
    const [first, second] = input.decisionFiles;
    const minutes = buildMinutes(input);
    expect(minutes.cases.map((c) => c.caseId)).toEqual(['1015-000001', '1015-000002', '1015-000003', '1015-000004', '1015-000005']);
    const c = minutes.cases[3]!;
    expect(c).toMatchObject({ revision: 2, outcome: 'award', tier: 'T2', award: 50_000, businessName: '하늘 택시' });
    expect(c.file).toEqual({ fileName: 'decisions-2023-03-02-0002.dsse.json', payloadSha256: second!.payloadSha256, sequence: 2 });
    expect(c.reopened?.previousRevision).toEqual({ file: first!.fileName, payloadSha256: first!.payloadSha256 });
    expect(c.history).toEqual([
      { revision: 1, outcome: 'defer', award: null, decidedAt: first!.payload.decisions[3]!.decidedAt, file: { fileName: first!.fileName, payloadSha256: first!.payloadSha256, sequence: 1 } },
    ]);
    expect(minutes.deferred).toEqual([]);
  });

  it('gives each member’s vote by name, from the attendance, and no vote to the secretary', () => {
    const passed = caseOf(sampleMinutesInput(), '1015-000002').proposals.at(-1)!;
    expect(passed.votes.map((v) => [v.name, v.role, v.vote])).toEqual([
      ['정한결', 'chair', 'approve'],
      ['박서윤', 'member', 'approve'],
      ['이도현', 'member', 'approve'],
      ['최지아', 'member', 'reject'],
      ['강민재', 'member', 'none'],
    ]);
  });

  it('names recused members with their reasons, once each over the proposals', () => {
    const c = caseOf(sampleMinutesInput(), '1015-000004');
    expect(c.recusals).toEqual([{ memberId: 'm3', name: '이도현', reason: '신청인과 친족 관계' }]);
    expect(c.proposals.flatMap((p) => p.votes.filter((v) => v.vote === 'recused').map((v) => v.reason))).toEqual(['신청인과 친족 관계', '신청인과 친족 관계']);
  });

  it('lists the failed proposal before the passed one, each with its tally', () => {
    const { proposals } = caseOf(sampleMinutesInput(), '1015-000004');
    expect(proposals.map((p) => [p.no, p.amount, p.passed, p.tally.approve, p.tally.present])).toEqual([
      [2, 80_000, false, 1, 4],
      [3, 50_000, true, 3, 4],
    ]);
  });

  it('lists a case deferred at its highest revision with the documents it waits for', () => {
    const input = sampleMinutesInput();
    const minutes = buildMinutes({ ...input, decisionFiles: input.decisionFiles.slice(0, 1) });
    expect(minutes.deferred).toEqual([{ caseId: '1015-000004', businessName: '하늘 택시', missingDocuments: ['pos-sales'], decidedAt: input.decisionFiles[0]!.payload.decisions[3]!.decidedAt }]);
    expect(minutes.agenda[3]!.status).toBe('deferred');
  });

  it('totals the cases at their highest revisions by outcome and by awarded tier', () => {
    const { totals } = buildMinutes(sampleMinutesInput());
    expect(totals).toMatchObject({ decisions: 5, awarded: 4, rejected: 1, deferred: 0, amount: 530_000, notDecided: 1 });
    expect(totals.byOutcome).toEqual({ award: { count: 4, amount: 530_000 }, reject: { count: 1, amount: 0 }, defer: { count: 0, amount: 0 } });
    expect(totals.byTier).toEqual([
      { tier: 'T1', count: 1, amount: 30_000 },
      { tier: 'T2', count: 2, amount: 100_000 },
      { tier: 'T3', count: 1, amount: 400_000 },
      { tier: null, count: 1, amount: 0 },
    ]);
  });

  it('keeps the agenda in order, with agenda cases no file decides as not decided', () => {
    const minutes = buildMinutes(sampleMinutesInput());
    expect(minutes.agenda.map((a) => [a.no, a.caseId, a.status])).toEqual([
      [1, '1015-000001', 'awarded'],
      [2, '1015-000002', 'awarded'],
      [3, '1015-000003', 'rejected'],
      [4, '1015-000004', 'awarded'],
      [5, '1015-000005', 'awarded'],
      [6, '1015-000006', 'not-decided'],
    ]);
    expect(minutes.notDecided).toEqual([{ caseId: '1015-000006', businessName: '미결 상회' }]);
  });

  it('carries the suggestion as the file states it, with the agenda’s flags and reasons, and the rationale', () => {
    const c = caseOf(sampleMinutesInput(), '1015-000005');
    expect(c.suggestion).toMatchObject({ tier: 'T3', award: null, claimedLoss: 900_000, assessedLoss: 800_000, flags: ['CLAIM_EXCEEDS_ASSESSED'] });
    expect(c.suggestion.reasons.map((r) => r.code)).toEqual(['SUGGESTION_MIN', 'TIER']);
    expect(c.rationale).toBe('매출 자료로 확인된 손실의 절반 수준으로 정함');
  });

  it('lists every decision file with its name, payload SHA-256 and sequence, and the sign-off lines', () => {
    const input = sampleMinutesInput();
    const minutes = buildMinutes(input);
    expect(minutes.decisionFiles).toEqual(input.decisionFiles.map((f, i) => ({ fileName: f.fileName, payloadSha256: f.payloadSha256, sequence: i + 1 })));
    expect(minutes.signOff).toEqual([
      { role: 'chair', name: '정한결' },
      { role: 'secretary', name: '윤하늘' },
    ]);
    expect(minutes.quorum).toEqual({ required: 3, present: 5, met: true });
    expect(minutes.attendance.find((a) => a.memberId === 'm5')).toMatchObject({ name: '강민재', arrivedAt: '2023-03-02T14:05:00+09:00', leftAt: null });
  });

  describe('refuses files that do not belong together', () => {
    const refuses = (change: (input: MinutesInput) => MinutesInput, message: RegExp) =>
      expect(() => buildMinutes(change(sampleMinutesInput()))).toThrow(expect.objectContaining({ code: 'MINUTES_INVALID', message: expect.stringMatching(message) }));

    it('a file of another meeting', () => {
      refuses((i) => ({ ...i, decisionFiles: [decisionFileInput(samplePayload({ meetingId: '2023-03-09' }))] }), /meeting 2023-03-09, not of meeting 2023-03-02/);
    });
    it('a missing first file', () => {
      refuses((i) => ({ ...i, decisionFiles: i.decisionFiles.slice(1) }), /sequence 2 where sequence 1 was expected/);
    });
    it('a file that names another previous payload', () => {
      refuses((i) => ({ ...i, decisionFiles: [{ ...i.decisionFiles[0]!, payloadSha256: '0'.repeat(64) }, i.decisionFiles[1]!] }), /previous payload/);
    });
    it('the same revision of a case in two files', () => {
      refuses((i) => {
        const [first] = i.decisionFiles;
        const again = decisionFileInput(samplePayload({ sequence: 2, previous: first!.payloadSha256, decisions: 1 }));
        return { ...i, decisionFiles: [first!, again] };
      }, /1015-000001 has revision 1 both in/);
    });
    it('a decided case without its particulars', () => {
      refuses((i) => ({ ...i, cases: Object.fromEntries(Object.entries(i.cases).filter(([id]) => id !== '1015-000003')) }), /1015-000003 is decided in .* particulars/);
    });
  });
});
