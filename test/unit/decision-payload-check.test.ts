import { describe, expect, it } from 'vitest';
import { decisionFilePayloadSchema } from '../../shared/decisions/decision-file-schema';
import { checkDecisionPayload } from '../../shared/decisions/payload-check';
import { chainStatuses } from '../../shared/decisions/chain-check';
import { samplePayload } from '../support/decision-payloads';

const codes = (p: ReturnType<typeof samplePayload>) => checkDecisionPayload(p).map((x) => `${x.path} ${x.code}`);

describe('a decision payload checked with nothing but itself', () => {
  it('passes the schema and every check when right', () => {
    const p = samplePayload({ decisions: 10 });
    expect(decisionFilePayloadSchema.safeParse(p).success).toBe(true);
    expect(codes(p)).toEqual([]);
  });

  it('recounts the tally and names the field that disagrees', () => {
    const p = samplePayload();
    p.decisions[0]!.tally.approve += 1;
    expect(codes(p)).toEqual(['decisions[0].tally.approve DECISION_TALLY_MISMATCH']);
  });

  it('catches a vote changed after counting, an absent voter and a present member left out', () => {
    const changed = samplePayload();
    changed.decisions[1]!.votes[3] = { memberId: 'm4', vote: 'approve' };
    expect(codes(changed)).toContain('decisions[1].tally.approve DECISION_TALLY_MISMATCH');
    const early = samplePayload();
    early.decisions[0]!.proposal.closedAt = '2023-03-02T14:02:00+09:00'; // m5 arrived at 14:05
    expect(codes(early)).toContain('decisions[0].votes[4].vote DECISION_VOTER_ABSENT');
    const left = samplePayload();
    left.decisions[0]!.votes.splice(1, 1);
    expect(codes(left)).toContain('decisions[0].votes DECISION_VOTER_MISSING');
  });

  it('refuses an award above the claimed loss, one without its rationale, and totals that do not add up', () => {
    const above = samplePayload({ decisions: 5 });
    above.decisions[4]!.award = 950_000;
    above.decisions[4]!.proposal.amount = 950_000;
    above.totals.amount += 550_000;
    expect(codes(above)).toEqual(['decisions[4].award DECISION_AWARD_ABOVE_CLAIM']);
    const bare = samplePayload({ decisions: 5 });
    bare.decisions[4]!.rationale = ' ';
    expect(codes(bare)).toEqual(['decisions[4].rationale DECISION_RATIONALE_MISSING']);
    const totals = samplePayload();
    totals.totals.amount = 1;
    expect(codes(totals)).toEqual(['totals.amount DECISION_TOTALS_MISMATCH']);
  });
});

describe('a meeting\'s chain of files', () => {
  const link = (sequence: number, previous: string | null, sha: string) => ({ meetingId: 'M', sequence, previous, payloadSha256: sha });
  it('says first, follows, gap, previous-mismatch and duplicate', () => {
    expect(chainStatuses([link(1, null, 'a'), link(2, 'a', 'b'), link(4, 'c', 'd'), link(3, 'x', 'c')])).toEqual(['first', 'follows', 'follows', 'previous-mismatch']);
    expect(chainStatuses([link(1, null, 'a'), link(3, 'b', 'c')])).toEqual(['first', 'gap']);
    expect(chainStatuses([link(1, null, 'a'), link(1, null, 'z')])).toEqual(['duplicate', 'duplicate']);
  });
});
