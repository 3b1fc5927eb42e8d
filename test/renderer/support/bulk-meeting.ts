/**
 * A meeting for the bulk vote tests: the demo council (seedDemoCouncil) with twelve more cases
 * like its first two, all fifteen on the agenda of an open meeting whose five voting members
 * arrived in the past; m3 recused on three of the cases, m4's suggested recusal on one dismissed.
 */
import { DEFAULT_COUNTING_RULES } from '../../../shared/meeting/rules';
import type { CaseRow, MeetingRow, RecusalRow } from '../../../renderer/db/rows';
import type { CouncilDb } from '../../../renderer/db/schema';
import { seedDemoCouncil } from './demo-seed';

export const MEETING = '2023-03-02';
export const NOW = '2023-03-02T15:00:00+09:00';
export const ARRIVED = '2023-03-02T14:00:00+09:00';
/** The demo's case-by-case case (연남꽃집, 900,000 claimed: tier T3, award decided case by case). */
export const CASE_BY_CASE = '1015-000003';
export const EXTRA = Array.from({ length: 12 }, (_, i) => `1015-0001${String(i).padStart(2, '0')}`);
export const AGENDA = ['1015-000001', '1015-000002', CASE_BY_CASE, ...EXTRA];
/** The agenda cases whose suggestion names an award (T1 30,000 or T2 50,000). */
export const VOTABLE = AGENDA.filter((id) => id !== CASE_BY_CASE);
export const RECUSED_M3 = [EXTRA[0]!, EXTRA[4]!, EXTRA[8]!];

/** The award the suggestion of an agenda case names (T1 for the first demo case and even EXTRA). */
export function suggestedAward(caseId: string): number {
  return caseId === '1015-000001' || EXTRA.indexOf(caseId) % 2 === 0 ? 30_000 : 50_000;
}

export function bulkMeeting(extra: Partial<MeetingRow> = {}): MeetingRow {
  return {
    meetingId: MEETING,
    date: MEETING,
    place: '협의체 회의실',
    startTime: '14:00',
    rules: DEFAULT_COUNTING_RULES,
    agenda: AGENDA,
    attendance: ['m1', 'm2', 'm3', 'm4', 'm5'].map((memberId) => ({ memberId, present: true, arrivedAt: ARRIVED, leftAt: null })),
    status: 'open',
    createdAt: '2023-03-01T09:00:00+09:00',
    openedAt: ARRIVED,
    closedAt: null,
    ...extra,
  };
}

export function recusal(caseId: string, memberId: string, status: RecusalRow['status'] = 'recused'): RecusalRow {
  return { meetingId: MEETING, caseId, memberId, status, reason: '해당 사업자와 거래 관계', conflictId: null, confirmedBy: 's1', at: ARRIVED, withdrawal: null };
}

export async function seedBulkMeeting(db: CouncilDb): Promise<void> {
  await seedDemoCouncil(db, { timestamp: '2023-03-01T10:00:00+09:00' });
  const [first, second] = (await db.cases.bulkGet(['1015-000001', '1015-000002'])) as CaseRow[];
  await db.cases.bulkPut(EXTRA.map((caseId, i) => ({ ...(i % 2 === 0 ? first! : second!), caseId })));
  await db.meetings.put(bulkMeeting());
  await db.recusals.bulkPut([...RECUSED_M3.map((c) => recusal(c, 'm3')), recusal(EXTRA[1]!, 'm4', 'dismissed')]);
}
