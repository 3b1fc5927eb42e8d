/**
 * The counting rules of FORMATS.md ("Counting rules"), on rows worked out by hand from its text.
 * The council: m1 the chair and m2..m5 members (V, five voting members), s1 the secretary and x6 an
 * inactive member (neither votes). Majority quorum of five: present > 2.5, so 3 needed.
 * Votes are written "m1:a m2:r m3:x" (approve, reject, abstain).
 */
import { describe, expect, it } from 'vitest';
import { countVote, presentAt, quorumNeeded, tallyOf, votingMembers, type VoteCount } from '../../shared/meeting/counting';
import { DEFAULT_COUNTING_RULES, type CountingRules } from '../../shared/meeting/rules';
import type { AttendanceEntry, CountedMember, VoteChoice } from '../../shared/meeting/types';

const ROSTER: CountedMember[] = [
  { memberId: 'm1', role: 'chair', active: true },
  { memberId: 'm2', role: 'member', active: true },
  { memberId: 'm3', role: 'member', active: true },
  { memberId: 'm4', role: 'member', active: true },
  { memberId: 'm5', role: 'member', active: true },
  { memberId: 's1', role: 'secretary', active: true },
  { memberId: 'x6', role: 'member', active: false },
];

const CHOICE: Record<string, VoteChoice> = { a: 'approve', r: 'reject', x: 'abstain' };

function ids(list: string): Set<string> {
  return new Set(list.split(' ').filter((s) => s !== ''));
}

function votes(list: string): { memberId: string; vote: VoteChoice }[] {
  return [...ids(list)].length === 0
    ? []
    : list.split(' ').map((v) => {
        const [memberId, c] = v.split(':') as [string, string];
        return { memberId, vote: CHOICE[c]! };
      });
}

type Expected = Pick<VoteCount, 'members' | 'present' | 'quorumMet' | 'approvalsNeeded' | 'tie' | 'passed'> & Partial<VoteCount>;

interface Row {
  name: string;
  rules?: Partial<CountingRules>;
  roster?: CountedMember[];
  present: string;
  recused?: string;
  votes: string;
  expect: Expected;
}

const ALL = 'm1 m2 m3 m4 m5';
const MOC = { passing: 'majority-of-cast' } as const;
const TWO_THIRDS = { passing: 'two-thirds-of-present' } as const;
const CHAIR = { tie: 'chair-decides' } as const;

const ROWS: Row[] = [
  // Quorum.
  { name: 'majority quorum, all five present, 4 to 1', present: ALL, votes: 'm1:a m2:a m3:a m4:a m5:r',
    expect: { members: 5, present: 5, quorumMet: true, quorumNeeded: 3, approvalsNeeded: 3, tie: false, passed: true } },
  { name: 'majority quorum, 3 of 5 present (3 > 2.5)', present: 'm1 m2 m3', votes: 'm1:a m2:a m3:r',
    expect: { members: 5, present: 3, quorumMet: true, quorumNeeded: 3, approvalsNeeded: 2, tie: false, passed: true } },
  { name: 'majority quorum, 2 of 5 present: no decision however they vote', present: 'm1 m2', votes: 'm1:a m2:a',
    expect: { members: 5, present: 2, quorumMet: false, quorumNeeded: 3, approvalsNeeded: 2, tie: false, passed: false } },
  { name: 'majority quorum of 4 (m5 recused): 2 present is not more than half', present: 'm1 m2', recused: 'm5', votes: 'm1:a m2:a',
    expect: { members: 4, present: 2, quorumMet: false, quorumNeeded: 3, approvalsNeeded: 2, tie: false, passed: false } },
  { name: 'atLeast 3, 3 present', rules: { quorum: { type: 'atLeast', count: 3 } }, present: 'm1 m2 m3', votes: 'm1:a m2:a m3:a',
    expect: { members: 5, present: 3, quorumMet: true, quorumNeeded: 3, approvalsNeeded: 2, tie: false, passed: true } },
  { name: 'atLeast 4, 3 present: a majority, but short of N', rules: { quorum: { type: 'atLeast', count: 4 } }, present: 'm1 m2 m3', votes: 'm1:a m2:a m3:a',
    expect: { members: 5, present: 3, quorumMet: false, quorumNeeded: 4, approvalsNeeded: 2, tie: false, passed: false } },
  { name: 'atLeast 2, 2 present: met though not a majority', rules: { quorum: { type: 'atLeast', count: 2 } }, present: 'm1 m2', votes: 'm1:a m2:a',
    expect: { members: 5, present: 2, quorumMet: true, quorumNeeded: 2, approvalsNeeded: 2, tie: false, passed: true } },

  // Passing rules; abstentions are not approvals.
  { name: 'majority-of-present, 3 approve, 2 abstain (3 > 2.5)', present: ALL, votes: 'm1:a m2:a m3:a m4:x m5:x',
    expect: { members: 5, present: 5, quorumMet: true, approvalsNeeded: 3, tie: false, passed: true, abstain: 2 } },
  { name: 'majority-of-present, 2 approve, 3 abstain: abstentions count against', present: ALL, votes: 'm1:a m2:a m3:x m4:x m5:x',
    expect: { members: 5, present: 5, quorumMet: true, approvalsNeeded: 3, tie: false, passed: false } },
  { name: 'majority-of-present, 2 approve, 1 reject, 2 abstain fails', present: ALL, votes: 'm1:a m2:a m3:r m4:x m5:x',
    expect: { members: 5, present: 5, quorumMet: true, approvalsNeeded: 3, tie: false, passed: false } },
  { name: 'majority-of-cast, the same votes pass (2 > 1)', rules: MOC, present: ALL, votes: 'm1:a m2:a m3:r m4:x m5:x',
    expect: { members: 5, present: 5, quorumMet: true, approvalsNeeded: 2, tie: false, passed: true } },
  { name: 'majority-of-cast, 1 approve, 4 abstain passes (1 > 0)', rules: MOC, present: ALL, votes: 'm1:a m2:x m3:x m4:x m5:x',
    expect: { members: 5, present: 5, quorumMet: true, approvalsNeeded: 1, tie: false, passed: true } },
  { name: 'majority-of-cast, all abstain: 0 > 0 fails, and no tie to break', rules: { ...MOC, ...CHAIR }, present: ALL, votes: 'm1:x m2:x m3:x m4:x m5:x',
    expect: { members: 5, present: 5, quorumMet: true, approvalsNeeded: 1, tie: false, passed: false, chair: 'abstain' } },
  { name: 'majority-of-cast before anyone votes: 1 needed, no tie', rules: MOC, present: ALL, votes: '',
    expect: { members: 5, present: 5, quorumMet: true, approvalsNeeded: 1, tie: false, passed: false, notVoted: ['m1', 'm2', 'm3', 'm4', 'm5'] } },
  { name: 'two-thirds-of-present, 4 of 5 (12 >= 10)', rules: TWO_THIRDS, present: ALL, votes: 'm1:a m2:a m3:a m4:a m5:r',
    expect: { members: 5, present: 5, quorumMet: true, approvalsNeeded: 4, tie: false, passed: true } },
  { name: 'two-thirds-of-present, 3 of 5 (9 < 10)', rules: TWO_THIRDS, present: ALL, votes: 'm1:a m2:a m3:a m4:r m5:r',
    expect: { members: 5, present: 5, quorumMet: true, approvalsNeeded: 4, tie: false, passed: false } },
  { name: 'two-thirds-of-present, 2 of 3 exactly (6 >= 6)', rules: TWO_THIRDS, present: 'm1 m2 m3', votes: 'm1:a m2:a m3:r',
    expect: { members: 5, present: 3, quorumMet: true, approvalsNeeded: 2, tie: false, passed: true } },
  { name: 'two-thirds-of-present, 3 of 4 (9 >= 8)', rules: TWO_THIRDS, present: 'm1 m2 m3 m4', votes: 'm1:a m2:a m3:a m4:r',
    expect: { members: 5, present: 4, quorumMet: true, approvalsNeeded: 3, tie: false, passed: true } },
  { name: 'two-thirds-of-present, 2 of 4 (6 < 8), never a tie', rules: { ...TWO_THIRDS, ...CHAIR }, present: 'm1 m2 m3 m4', votes: 'm1:a m2:a m3:r m4:r',
    expect: { members: 5, present: 4, quorumMet: true, approvalsNeeded: 3, tie: false, passed: false, chairDecided: false } },

  // Recusals.
  { name: 'recusedInBase false: m5 recused, the others approve (the FORMATS.md example)', present: ALL, recused: 'm5', votes: 'm1:a m2:a m3:a m4:a m5:a',
    expect: { members: 4, present: 4, quorumMet: true, quorumNeeded: 3, approvalsNeeded: 3, tie: false, passed: true, approve: 4, recused: 1, ignored: ['m5'] } },
  { name: 'recusedInBase true: m5 stays in both counts', rules: { recusedInBase: true }, present: ALL, recused: 'm5', votes: 'm1:a m2:a m3:a m4:a',
    expect: { members: 5, present: 5, quorumMet: true, quorumNeeded: 3, approvalsNeeded: 3, tie: false, passed: true, recused: 1, notVoted: [] } },
  { name: 'recusedInBase false, 2 recused, 2 to 1 of 3 passes', present: ALL, recused: 'm4 m5', votes: 'm1:a m2:a m3:r',
    expect: { members: 3, present: 3, quorumMet: true, quorumNeeded: 2, approvalsNeeded: 2, tie: false, passed: true } },
  { name: 'recusedInBase true, the same votes fail (2 of 5 present)', rules: { recusedInBase: true }, present: ALL, recused: 'm4 m5', votes: 'm1:a m2:a m3:r',
    expect: { members: 5, present: 5, quorumMet: true, quorumNeeded: 3, approvalsNeeded: 3, tie: false, passed: false } },
  { name: 'recusedInBase true, a recused member absent counts among members only', rules: { recusedInBase: true }, present: 'm1 m2 m3', recused: 'm5', votes: 'm1:a m2:a m3:a',
    expect: { members: 5, present: 3, quorumMet: true, approvalsNeeded: 2, tie: false, passed: true } },
  { name: 'recusedInBase false, 2 recused and absent: 2 present of 3 members', present: 'm1 m2', recused: 'm4 m5', votes: 'm1:a m2:r',
    expect: { members: 3, present: 2, quorumMet: true, quorumNeeded: 2, approvalsNeeded: 2, tie: true, passed: false } },

  // Ties.
  { name: 'tie fails: 2 of 4 present approve (2 x 2 = 4), the chair among them', present: 'm1 m2 m3 m4', votes: 'm1:a m2:a m3:r m4:r',
    expect: { members: 5, present: 4, quorumMet: true, approvalsNeeded: 3, tie: true, passed: false, chairDecided: false, chair: 'approve' } },
  { name: 'tie fails: 2 approve, 1 reject, 1 abstain of 4 present is a tie of majority-of-present', present: 'm1 m2 m3 m4', votes: 'm1:a m2:a m3:r m4:x',
    expect: { members: 5, present: 4, quorumMet: true, approvalsNeeded: 3, tie: true, passed: false } },
  { name: 'chair-decides: chair present and approving passes', rules: CHAIR, present: 'm1 m2 m3 m4', votes: 'm1:a m2:a m3:r m4:r',
    expect: { members: 5, present: 4, quorumMet: true, approvalsNeeded: 3, tie: true, passed: true, chairDecided: true, chair: 'approve' } },
  { name: 'chair-decides: chair rejecting fails', rules: CHAIR, present: 'm1 m2 m3 m4', votes: 'm1:r m2:a m3:a m4:r',
    expect: { members: 5, present: 4, quorumMet: true, approvalsNeeded: 3, tie: true, passed: false, chairDecided: false, chair: 'reject' } },
  { name: 'chair-decides: chair absent fails', rules: CHAIR, present: 'm2 m3 m4 m5', votes: 'm2:a m3:a m4:r m5:r m1:a',
    expect: { members: 5, present: 4, quorumMet: true, approvalsNeeded: 3, tie: true, passed: false, chairDecided: false, chair: 'absent', ignored: ['m1'] } },
  { name: 'chair-decides: chair recused (present) fails, the vote is ignored', rules: CHAIR, present: ALL, recused: 'm1', votes: 'm1:a m2:a m3:a m4:r m5:r',
    expect: { members: 4, present: 4, quorumMet: true, approvalsNeeded: 3, tie: true, passed: false, chairDecided: false, chair: 'recused', ignored: ['m1'] } },
  { name: 'chair-decides: chair abstaining, majority-of-cast 2 to 2 fails', rules: { ...MOC, ...CHAIR }, present: ALL, votes: 'm1:x m2:a m3:a m4:r m5:r',
    expect: { members: 5, present: 5, quorumMet: true, approvalsNeeded: 3, tie: true, passed: false, chairDecided: false, chair: 'abstain' } },
  { name: 'chair-decides: majority-of-cast 2 to 2, chair approving passes', rules: { ...MOC, ...CHAIR }, present: ALL, votes: 'm1:a m2:a m3:r m4:r m5:x',
    expect: { members: 5, present: 5, quorumMet: true, approvalsNeeded: 3, tie: true, passed: true, chairDecided: true } },
  { name: 'tie fails: majority-of-cast 2 to 2, chair approving still fails', rules: MOC, present: ALL, votes: 'm1:a m2:a m3:r m4:r m5:x',
    expect: { members: 5, present: 5, quorumMet: true, approvalsNeeded: 3, tie: true, passed: false, chairDecided: false } },
  { name: 'chair-decides without quorum: the chair decides nothing', rules: { ...CHAIR, quorum: { type: 'atLeast', count: 5 } }, present: 'm1 m2 m3 m4', votes: 'm1:a m2:a m3:r m4:r',
    expect: { members: 5, present: 4, quorumMet: false, approvalsNeeded: 3, tie: true, passed: false, chairDecided: true } },
  { name: 'chair-decides: the chair\'s second vote is not counted', rules: CHAIR, present: 'm1 m2 m3 m4', votes: 'm1:r m1:a m2:a m3:a m4:r',
    expect: { members: 5, present: 4, quorumMet: true, approvalsNeeded: 3, tie: true, passed: false, chair: 'reject', ignored: ['m1'], approve: 2, reject: 2 } },
  { name: 'chair-decides: chair present but not voted', rules: CHAIR, present: 'm1 m2 m3 m4', votes: 'm2:a m3:a m4:r',
    expect: { members: 5, present: 4, quorumMet: true, approvalsNeeded: 3, tie: true, passed: false, chair: 'none', notVoted: ['m1'] } },

  // Who votes, and whose vote counts.
  { name: 'a present member who did not vote counts as not approving', present: ALL, votes: 'm1:a m2:a m3:r',
    expect: { members: 5, present: 5, quorumMet: true, approvalsNeeded: 3, tie: false, passed: false, notVoted: ['m4', 'm5'] } },
  { name: 'majority-of-cast: members who did not vote do not count', rules: MOC, present: ALL, votes: 'm1:a m2:a m3:r',
    expect: { members: 5, present: 5, quorumMet: true, approvalsNeeded: 2, tie: false, passed: true, notVoted: ['m4', 'm5'] } },
  { name: 'the secretary and an inactive member are present and vote: not voting members', present: 'm1 m2 s1 x6', votes: 'm1:a m2:a s1:a x6:a',
    expect: { members: 5, present: 2, quorumMet: false, approvalsNeeded: 2, tie: false, passed: false, approve: 2, ignored: ['s1', 'x6'] } },
  { name: 'a vote by an absent member is ignored and listed', present: 'm1 m2 m3', votes: 'm1:a m2:r m3:r m5:a m4:a',
    expect: { members: 5, present: 3, quorumMet: true, approvalsNeeded: 2, tie: false, passed: false, approve: 1, ignored: ['m5', 'm4'] } },
  { name: 'an inactive chair: no chair to break a tie', rules: CHAIR,
    roster: [{ memberId: 'm1', role: 'chair', active: false }, ...ROSTER.slice(1, 5)], present: 'm1 m2 m3 m4 m5', votes: 'm1:a m2:a m3:a m4:r m5:r',
    expect: { members: 4, present: 4, quorumMet: true, approvalsNeeded: 3, tie: true, passed: false, chair: 'no-chair', ignored: ['m1'] } },

  // members(c) = 0.
  { name: 'everyone recused: members 0, no quorum', present: ALL, recused: ALL, votes: 'm1:a m2:a',
    expect: { members: 0, present: 0, quorumMet: false, quorumNeeded: 1, approvalsNeeded: 1, tie: false, passed: false, recused: 5 } },
  { name: 'everyone recused, atLeast 1: still no quorum', rules: { ...TWO_THIRDS, quorum: { type: 'atLeast', count: 1 } }, present: ALL, recused: ALL, votes: '',
    expect: { members: 0, present: 0, quorumMet: false, quorumNeeded: 1, approvalsNeeded: 1, tie: false, passed: false } },
  { name: 'an empty roster', roster: [], present: '', votes: 'm1:a',
    expect: { members: 0, present: 0, quorumMet: false, approvalsNeeded: 1, tie: false, passed: false, ignored: ['m1'] } },
  { name: 'everyone recused, recusedInBase true: quorum, but nobody can approve', rules: { recusedInBase: true }, present: ALL, recused: ALL, votes: 'm1:a',
    expect: { members: 5, present: 5, quorumMet: true, approvalsNeeded: 3, tie: false, passed: false, notVoted: [], ignored: ['m1'] } },
];

describe('countVote', () => {
  it.each(ROWS)('$name', (row) => {
    const count = countVote({
      rules: { ...DEFAULT_COUNTING_RULES, ...row.rules },
      roster: row.roster ?? ROSTER,
      present: ids(row.present),
      recused: ids(row.recused ?? ''),
      votes: votes(row.votes),
    });
    expect(count).toMatchObject(row.expect);
  });

  it('gives the tally of the FORMATS.md example decision', () => {
    const count = countVote({ rules: DEFAULT_COUNTING_RULES, roster: ROSTER, present: ids(ALL), recused: ids('m4'), votes: votes('m1:a m2:a m3:a m5:a') });
    expect(tallyOf(count)).toEqual({ approve: 4, reject: 0, abstain: 0, recused: 1, members: 4, present: 4, quorumMet: true, passed: true });
  });

  it('does not count what is not a vote (a file\'s "recused" or "none")', () => {
    const fileVotes = [{ memberId: 'm1', vote: 'approve' }, { memberId: 'm2', vote: 'none' }, { memberId: 'm3', vote: 'recused' }] as { memberId: string; vote: VoteChoice }[];
    const count = countVote({ rules: DEFAULT_COUNTING_RULES, roster: ROSTER, present: ids('m1 m2 m3'), recused: new Set(), votes: fileVotes });
    expect(count).toMatchObject({ approve: 1, reject: 0, abstain: 0, notVoted: ['m2', 'm3'], ignored: ['m2', 'm3'] });
  });
});

describe('votingMembers and quorumNeeded', () => {
  it('leaves out the secretary and inactive members', () => {
    expect(votingMembers(ROSTER).map((m) => m.memberId)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
  });

  it('majority: more than half', () => {
    const majority = DEFAULT_COUNTING_RULES;
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => quorumNeeded(majority, n))).toEqual([1, 1, 2, 2, 3, 3, 4]);
    expect(quorumNeeded({ ...majority, quorum: { type: 'atLeast', count: 4 } }, 9)).toBe(4);
  });
});

describe('presentAt', () => {
  // 14:00 +09:00 is 05:00Z. m3 arrives 14:10 and leaves 15:00, then comes back at 16:00;
  // m4 arrives 15:30 (written in Z); m5 never came; s1 keeps the record.
  const ATTENDANCE: AttendanceEntry[] = [
    { memberId: 'm1', present: true, arrivedAt: '2023-03-02T14:00:00+09:00', leftAt: null },
    { memberId: 'm2', present: true, arrivedAt: '2023-03-02T05:00:00Z', leftAt: null },
    { memberId: 'm3', present: true, arrivedAt: '2023-03-02T05:10:00Z', leftAt: '2023-03-02T15:00:00+09:00' },
    { memberId: 'm3', present: true, arrivedAt: '2023-03-02T16:00:00+09:00', leftAt: null },
    { memberId: 'm4', present: true, arrivedAt: '2023-03-02T06:30:00Z', leftAt: null },
    { memberId: 'm5', present: false, arrivedAt: null, leftAt: null },
    { memberId: 's1', present: true, arrivedAt: '2023-03-02T13:50:00+09:00', leftAt: null },
  ];

  const moments: [string, string, boolean][] = [
    ['2023-03-02T13:59:59+09:00', 's1', false],
    ['2023-03-02T14:05:00+09:00', 'm1 m2 s1', false],
    ['2023-03-02T05:10:00Z', 'm1 m2 m3 s1', true], // m3 arrives at that very instant
    ['2023-03-02T14:59:59+09:00', 'm1 m2 m3 s1', true],
    ['2023-03-02T06:00:00Z', 'm1 m2 s1', false], // m3 left at 15:00 +09:00: quorum lost
    ['2023-03-02T15:30:00+09:00', 'm1 m2 m4 s1', true], // m4 arrives: quorum regained
    ['2023-03-02T16:30:00+09:00', 'm1 m2 m3 m4 s1', true],
  ];

  it.each(moments)('at %s: %s present, quorum %s', (at, expected, quorumMet) => {
    const present = presentAt(ATTENDANCE, at);
    expect([...present].sort()).toEqual([...ids(expected)].sort());
    const count = countVote({ rules: DEFAULT_COUNTING_RULES, roster: ROSTER, present, recused: new Set(), votes: [] });
    expect(count.members).toBe(5);
    expect(count.quorumMet).toBe(quorumMet);
  });

  it('counts nobody whose time does not parse, and nobody at a time that does not parse', () => {
    const odd: AttendanceEntry[] = [
      { memberId: 'm1', present: true, arrivedAt: 'soon', leftAt: null },
      { memberId: 'm2', present: true, arrivedAt: '2023-03-02T14:00:00+09:00', leftAt: 'later' },
      { memberId: 'm3', present: true, arrivedAt: null, leftAt: null },
      { memberId: 'm4', present: true, arrivedAt: '2023-03-02T14:00:00+09:00', leftAt: null },
    ];
    expect([...presentAt(odd, '2023-03-02T15:00:00+09:00')]).toEqual(['m4']);
    expect(presentAt(ATTENDANCE, 'not a time').size).toBe(0);
  });
});

/**
 * Every way three voting members (m1 the chair) can stand, under every rule, recounted by the
 * FORMATS.md sentences as written. countVote reads two things more narrowly, and neither changes
 * `passed`: `tie` needs votes on its sides (see its comment), and approvalsNeeded is at least 1
 * (3 x 0 >= 2 x 0 "wins" when nobody is present, where quorum fails anyway).
 */
describe('countVote agrees with the FORMATS.md formulas as written', () => {
  const voters = ROSTER.slice(0, 3);
  const states = ['approve', 'reject', 'abstain', 'none'].flatMap((vote) => [false, true].flatMap((here) => [false, true].map((out) => ({ vote, here, out }))));
  const rulesList: CountingRules[] = [{ type: 'majority' } as const, { type: 'atLeast', count: 2 } as const].flatMap((quorum) =>
    (['majority-of-present', 'majority-of-cast', 'two-thirds-of-present'] as const).flatMap((passing) =>
      [false, true].flatMap((recusedInBase) => (['fails', 'chair-decides'] as const).map((tie) => ({ quorum, passing, recusedInBase, tie }))),
    ),
  );

  it('on members, present, quorum and passed', () => {
    let checked = 0;
    const mismatches: string[] = [];
    for (const a of states) for (const b of states) for (const c of states) {
      const who = [a, b, c].map((s, i) => ({ ...s, id: voters[i]!.memberId }));
      const present = new Set(who.filter((w) => w.here).map((w) => w.id));
      const recused = new Set(who.filter((w) => w.out).map((w) => w.id));
      const cast = who.filter((w) => w.vote !== 'none').map((w) => ({ memberId: w.id, vote: w.vote as VoteChoice }));
      for (const rules of rulesList) {
        const R = recused.size;
        const members = rules.recusedInBase ? 3 : 3 - R;
        const p = who.filter((w) => w.here && (rules.recusedInBase || !w.out)).length;
        const counts = (v: string) => who.filter((w) => w.here && !w.out && w.vote === v).length;
        const approve = counts('approve');
        const reject = counts('reject');
        const quorum = rules.quorum.type === 'majority' ? p > members / 2 : p >= rules.quorum.count;
        const wins = rules.passing === 'majority-of-present' ? approve > p / 2 : rules.passing === 'majority-of-cast' ? approve > reject : 3 * approve >= 2 * p;
        const tie = rules.passing === 'majority-of-present' ? approve * 2 === p : rules.passing === 'majority-of-cast' && approve === reject;
        const chairApproves = a.here && !a.out && a.vote === 'approve';
        const passed = quorum && (wins || (tie && rules.tie === 'chair-decides' && chairApproves));
        const count = countVote({ rules, roster: voters, present, recused, votes: cast });
        const got = [count.members, count.present, count.quorumMet, count.passed, count.approve, count.reject, count.approve >= count.approvalsNeeded, count.tie && !tie];
        const want = [members, p, quorum, passed, approve, reject, wins && p > 0, false];
        if (got.some((g, i) => g !== want[i])) mismatches.push(`${JSON.stringify({ who, rules })}: got ${got}, want ${want}`);
        checked += 1;
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(checked).toBe(16 ** 3 * 24);
  });
});
