/**
 * The test demo council with more cases for the meeting's agenda: its three cases (T1, T2, T3,
 * all flagged) and four more made from the first (T1, T2 and T3 unflagged, and one with no tier),
 * so the agenda's filters and presets each pick a different set. Decisions are written as the
 * room would leave them.
 */
import type { CaseRow, DecisionRow } from '../../../renderer/db/rows';
import type { CouncilDb } from '../../../renderer/db/schema';
import { seedDemoCouncil } from './demo-seed';
import { BUNDLE_ID } from './demo-council';

export { BUNDLE_ID };

const EXTRA: { n: number; tier: string | null; award: number | null; claimed: number }[] = [
  { n: 4, tier: 'T1', award: 30_000, claimed: 200_000 },
  { n: 5, tier: 'T2', award: 50_000, claimed: 450_000 },
  { n: 6, tier: 'T3', award: null, claimed: 800_000 },
  { n: 7, tier: null, award: null, claimed: 0 },
];

export const caseIdOf = (n: number) => `1015-00000${n}`;

export async function seedMeetingCouncil(db: CouncilDb): Promise<void> {
  await seedDemoCouncil(db);
  const first = (await db.cases.get(caseIdOf(1)))!;
  const extra: CaseRow[] = EXTRA.map(({ n, tier, award, claimed }) => ({
    ...structuredClone(first),
    caseId: caseIdOf(n),
    businessName: `가게 ${n}`,
    claimedLoss: claimed,
    suggestedTier: tier,
    suggestion: { tier, award, amount: claimed, basis: 'claimed' },
    flags: [],
    duplicates: [],
    record: { ...structuredClone(first.record), caseId: caseIdOf(n), claimedLoss: claimed },
  }));
  await db.cases.bulkPut(extra);
}

export function decision(caseId: string, outcome: DecisionRow['outcome'], extra: Partial<DecisionRow> = {}): DecisionRow {
  return {
    caseId,
    revision: 1,
    meetingId: 'earlier',
    bundleId: BUNDLE_ID,
    caseRevision: 1,
    outcome,
    tier: null,
    award: outcome === 'award' ? 30_000 : null,
    rationale: '',
    missingDocuments: outcome === 'defer' ? ['bank-account'] : [],
    proposalNo: 1,
    tally: { approve: 3, reject: 0, abstain: 0, recused: 0, members: 5, present: 3, quorumMet: true, passed: true },
    decidedAt: '2023-02-01T15:00:00+09:00',
    decidedBy: 'm1',
    reopened: null,
    ...extra,
  };
}
