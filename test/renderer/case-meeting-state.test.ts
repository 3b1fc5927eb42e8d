/** Where a case stands in the meetings, read from the meeting tables: what the Cases list and the review show. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_COUNTING_RULES } from '../../shared/meeting/rules';
import { caseMeetingStates, standingDecision } from '../../renderer/db/case-meeting-state';
import type { DecisionRow, MeetingRow, ProposalRow } from '../../renderer/db/rows';

const tally = { approve: 4, reject: 0, abstain: 0, recused: 0, members: 5, present: 4, quorumMet: true, passed: true };

function meeting(meetingId: string, status: MeetingRow['status'], agenda: string[]): MeetingRow {
  return { meetingId, date: '2023-03-02', place: '회의실', startTime: '14:00', rules: DEFAULT_COUNTING_RULES, agenda, attendance: [], status, createdAt: '2023-03-01T09:00:00+09:00', openedAt: null, closedAt: null };
}

function decision(caseId: string, revision: number, outcome: DecisionRow['outcome'], extra: Partial<DecisionRow> = {}): DecisionRow {
  return {
    caseId, revision, meetingId: 'M1', bundleId: 'B1', caseRevision: 1, outcome, tier: outcome === 'award' ? 'T2' : null, award: outcome === 'award' ? 50_000 : null,
    rationale: '', missingDocuments: outcome === 'defer' ? ['sales-proof', 'small-business-certificate'] : [], proposalNo: 1, tally,
    decidedAt: '2023-03-02T15:00:00+09:00', decidedBy: 's1', reopened: null, ...extra,
  };
}

function proposal(meetingId: string, caseId: string, no: number, status: ProposalRow['status']): ProposalRow {
  return { meetingId, caseId, no, outcome: 'award', tier: 'T1', amount: 30_000, fromSuggestion: true, missingDocuments: [], status, openedAt: '2023-03-02T14:10:00+09:00', closedAt: null, tally: null };
}

describe('case meeting states', () => {
  it('says on the agenda, vote open, decided with the award, rejected, deferred with the documents awaited', () => {
    const states = caseMeetingStates(
      [meeting('M1', 'open', ['c1', 'c2', 'c3', 'c4', 'c5'])],
      [proposal('M1', 'c2', 2, 'open'), proposal('M1', 'c3', 1, 'passed')],
      [decision('c3', 1, 'award'), decision('c4', 1, 'reject'), decision('c5', 1, 'defer')],
    );
    expect(states.get('c1')).toEqual({ kind: 'agenda', meetingId: 'M1' });
    expect(states.get('c2')).toEqual({ kind: 'proposal-open', meetingId: 'M1', no: 2 });
    expect(states.get('c3')).toMatchObject({ kind: 'decided', outcome: 'award', award: 50_000 });
    expect(states.get('c4')).toMatchObject({ kind: 'decided', outcome: 'reject', award: null });
    expect(states.get('c5')).toMatchObject({ kind: 'deferred', missingDocuments: ['sales-proof', 'small-business-certificate'], onAgenda: null });
    expect(states.has('c6')).toBe(false);
  });

  it('follows the highest revision, and a reopened decision no longer settles the case', () => {
    expect(standingDecision([decision('c1', 1, 'reject', { reopened: { reason: '서류 보완', at: '2023-03-03T10:00:00+09:00' } }), decision('c1', 2, 'award')])?.revision).toBe(2);
    expect(standingDecision([decision('c1', 1, 'award', { reopened: { reason: '오기', at: '2023-03-03T10:00:00+09:00' } })])).toBeNull();
    const states = caseMeetingStates([meeting('M2', 'planned', ['c1'])], [], [decision('c1', 1, 'award', { reopened: { reason: '오기', at: '2023-03-03T10:00:00+09:00' } })]);
    expect(states.get('c1')).toEqual({ kind: 'agenda', meetingId: 'M2' });
  });

  it('shows a deferred case back on a later agenda, and being voted on there', () => {
    const later = caseMeetingStates([meeting('M2', 'planned', ['c5'])], [], [decision('c5', 1, 'defer')]);
    expect(later.get('c5')).toMatchObject({ kind: 'deferred', onAgenda: 'M2' });
    const voting = caseMeetingStates([meeting('M2', 'open', ['c5'])], [proposal('M2', 'c5', 1, 'open')], [decision('c5', 1, 'defer')]);
    expect(voting.get('c5')).toEqual({ kind: 'proposal-open', meetingId: 'M2', no: 1 });
  });

  it('ignores the agenda of a closed meeting', () => {
    expect(caseMeetingStates([meeting('M0', 'closed', ['c1'])], [], []).has('c1')).toBe(false);
  });
});
