/**
 * The projector view: the case in front of the council, its proposal and the tally, live as votes
 * are recorded, and never a claimant's personal data (representative, registration number, bank
 * account fingerprint, statement).
 */
import { render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../renderer/app/i18n';
import type { CaseRow, MeetingRow } from '../../renderer/db/rows';
import { openCouncilDb, type CouncilDb } from '../../renderer/db/schema';
import { ProjectorView } from '../../renderer/meeting/projector/ProjectorView';
import { projectorMeetingId, projectorUrl, setProjectorFocus } from '../../renderer/meeting/projector';
import { DEFAULT_COUNTING_RULES } from '../../shared/meeting/rules';
import { seedDemoCouncil } from './support/demo-seed';
import { freshDbName } from './support/render-app';

const MEETING = '2023-03-02';
const EARLY = '2023-03-02T13:50:00+09:00';

async function seedMeeting(): Promise<{ db: CouncilDb; row: CaseRow }> {
  const db = openCouncilDb(freshDbName());
  await seedDemoCouncil(db);
  const row = (await db.cases.orderBy('caseId').first())!;
  const voting = ['m1', 'm2', 'm3', 'm4', 'm5'];
  const meeting: MeetingRow = {
    meetingId: MEETING, date: '2023-03-02', place: '서울 중구 협의체 회의실', startTime: '14:00', rules: DEFAULT_COUNTING_RULES,
    agenda: [row.caseId], attendance: voting.map((memberId) => ({ memberId, present: true, arrivedAt: EARLY, leftAt: null })),
    status: 'open', createdAt: EARLY, openedAt: EARLY, closedAt: null,
  };
  await db.meetings.put(meeting);
  await db.proposals.put({ meetingId: MEETING, caseId: row.caseId, no: 1, outcome: 'award', tier: 'T1', amount: 30_000, fromSuggestion: true, missingDocuments: [], status: 'open', openedAt: EARLY, closedAt: null, tally: null });
  return { db, row };
}

function vote(db: CouncilDb, caseId: string, memberId: string, choice: 'approve' | 'reject' | 'abstain') {
  return db.votes.put({ meetingId: MEETING, caseId, proposalNo: 1, memberId, vote: choice, recordedBy: 's1', recordedAt: EARLY });
}

function show(db: CouncilDb) {
  return render(
    <I18nextProvider i18n={i18n}>
      <ProjectorView db={db} meetingId={MEETING} />
    </I18nextProvider>,
  );
}

const tallyText = () => screen.getByTestId('projector-tally').textContent;

describe('projector view', { timeout: 20_000 }, () => {
  it('shows the case with the open proposal, and follows the votes as they are recorded', async () => {
    const { db, row } = await seedMeeting();
    show(db);
    expect((await screen.findByTestId('projector-business')).textContent).toBe(row.record.business.name);
    expect(tallyText()).toBe('찬성0반대0기권0회피0');
    await vote(db, row.caseId, 'm1', 'approve');
    await vote(db, row.caseId, 'm2', 'approve');
    await waitFor(() => expect(tallyText()).toBe('찬성2반대0기권0회피0'));
    expect(screen.getByTestId('projector-verdict').textContent).toBe('현재 가결 요건 미달');
    await vote(db, row.caseId, 'm3', 'approve');
    await waitFor(() => expect(screen.getByTestId('projector-verdict').textContent).toBe('현재 가결 요건 충족'));
    expect(screen.getByText('가결에 찬성 3표 필요 · 출석 5 / 재적 5')).toBeTruthy();
  });

  it('never shows the representative, the registration number, the bank account fingerprint or the statement', async () => {
    const { db, row } = await seedMeeting();
    const { container } = show(db);
    await screen.findByTestId('projector-business');
    const html = container.innerHTML;
    const { business, bankAccountFingerprint, statement } = row.record;
    expect(html).not.toContain(business.representative);
    expect(html).not.toContain(business.registrationNo);
    expect(html).not.toContain(`${business.registrationNo.slice(0, 3)}-${business.registrationNo.slice(3, 5)}-${business.registrationNo.slice(5)}`);
    expect(html).not.toContain(bankAccountFingerprint);
    if (statement.length > 0) expect(html).not.toContain(statement.slice(0, 20));
    expect(html).toContain(business.region);
  });

  it('follows the case the room puts in front of the council', async () => {
    const { db, row } = await seedMeeting();
    const other = (await db.cases.orderBy('caseId').reverse().first())!;
    await db.meetings.update(MEETING, { agenda: [row.caseId, other.caseId] });
    show(db);
    await screen.findByTestId('projector-business');
    await setProjectorFocus(db, { meetingId: MEETING, caseId: other.caseId });
    await waitFor(() => expect(screen.getByTestId('projector-business').textContent).toBe(other.record.business.name));
    expect(screen.queryByTestId('projector-proposal')).toBeNull();
  });

  it('reads its meeting from the route, and makes the route for a meeting', () => {
    expect(projectorMeetingId('#projector=2023-03-02')).toBe('2023-03-02');
    expect(projectorMeetingId('#projector=')).toBeNull();
    expect(projectorMeetingId('')).toBeNull();
    expect(projectorUrl('2023-03-02', 'app://council-desk/index.html')).toBe('app://council-desk/index.html#projector=2023-03-02');
  });
});
