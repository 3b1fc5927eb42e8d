/** The rule of who may have a vote recorded on a case: the bulk vote's, and the room's single vote's. */
import { describe, expect, it } from 'vitest';
import { caseVoteBar, memberVoteBar, voteBar, type VoteEligibilityInput } from '../../renderer/meeting/bulk/vote-eligibility';

const AT = '2023-03-02T15:00:00+09:00';
const here = (memberId: string, leftAt: string | null = null) => ({ memberId, present: true, arrivedAt: '2023-03-02T14:00:00+09:00', leftAt });
const base: VoteEligibilityInput = {
  meeting: { status: 'open', attendance: [here('m1'), here('m2', '2023-03-02T14:30:00+09:00'), here('s1')] },
  member: { memberId: 'm1', role: 'member', active: true },
  at: AT,
  proposal: { status: 'open' },
  recusal: undefined,
};

describe('vote eligibility', () => {
  it.each([
    ['a present, active voting member on an open proposal', {}, null],
    ['the chair', { member: { memberId: 'm1', role: 'chair', active: true } }, null],
    ['no such meeting', { meeting: undefined }, 'meeting-not-found'],
    ['a planned meeting', { meeting: { ...base.meeting!, status: 'planned' } }, 'meeting-not-open'],
    ['a closed meeting', { meeting: { ...base.meeting!, status: 'closed' } }, 'meeting-not-open'],
    ['no such member', { member: undefined }, 'member-not-found'],
    ['an inactive member', { member: { memberId: 'm1', role: 'member', active: false } }, 'member-inactive'],
    ['the secretary, present', { member: { memberId: 's1', role: 'secretary', active: true } }, 'not-a-voting-member'],
    ['a member who left before now', { member: { memberId: 'm2', role: 'member', active: true } }, 'member-not-present'],
    ['a member never arrived', { member: { memberId: 'm9', role: 'member', active: true } }, 'member-not-present'],
    ['a confirmed recusal', { recusal: { status: 'recused' } }, 'recused'],
    ['a dismissed recusal', { recusal: { status: 'dismissed' } }, null],
    ['a withdrawn recusal', { recusal: { status: 'withdrawn' } }, null],
    ['no proposal', { proposal: undefined }, 'no-open-proposal'],
    ['a closed proposal', { proposal: { status: 'failed' } }, 'no-open-proposal'],
  ] as const)('%s', (_name, change, expected) => {
    expect(voteBar({ ...base, ...(change as Partial<VoteEligibilityInput>) })).toBe(expected);
  });

  it('asks the member first, then the case', () => {
    expect(voteBar({ ...base, meeting: { ...base.meeting!, status: 'closed' }, recusal: { status: 'recused' } })).toBe('meeting-not-open');
    expect(memberVoteBar(base.meeting, base.member, AT)).toBeNull();
    expect(caseVoteBar(undefined, { status: 'recused' })).toBe('no-open-proposal');
  });
});
