/**
 * A meeting decided quickly with the mouse (for tests about what comes after the room: the
 * decision files): the 2023-03-02 meeting made, cases added by number, opened, every member
 * arrived, each case proposed as suggested, voted by the scene's votes, closed and decided.
 */
import type { Locator, Page } from 'playwright-core';
import { playVoteScene } from './room-scene';

export const MEETING_ID = '2023-03-02';
const ALL_MEMBERS = ['m1', 'm2', 'm3', 'm4', 'm5'] as const;

/** One case and what the council decides on it, every voting member approving. */
export interface CaseDecision {
  caseId: string;
  outcome: 'award' | 'reject';
}

async function goToScreen(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

/** From anywhere with the demo council loaded: the 2023-03-02 meeting made, its setup on screen (returned). */
export async function makeMeeting(page: Page): Promise<Locator> {
  await goToScreen(page, '회의');
  const form = page.locator('[data-screen="meeting"]');
  await form.getByLabel('날짜').fill(MEETING_ID);
  await form.getByLabel('시작 시각').fill('14:00');
  await form.getByLabel('장소').fill('협의체 회의실');
  await form.getByRole('button', { name: '회의 만들기' }).click();
  const setup = page.locator('[data-screen="meeting-setup"]');
  await setup.waitFor();
  return setup;
}

/** From the meeting's setup, its agenda made: the meeting opened, and the room. */
export async function openRoom(page: Page, setup: Locator): Promise<void> {
  await setup.getByRole('button', { name: '회의 시작' }).click();
  await setup.getByRole('button', { name: '회의장으로' }).click();
  await page.getByTestId('room-case-name').waitFor();
}

/** From anywhere with the demo council loaded: the meeting made with `cases` on its agenda, opened, in the room. */
export async function openMeetingWith(page: Page, cases: readonly string[]): Promise<void> {
  const setup = await makeMeeting(page);
  const search = setup.getByRole('searchbox', { name: '사건 번호 또는 상호' });
  for (const [i, caseId] of cases.entries()) {
    await search.fill(caseId);
    await search.press('Enter');
    await setup.locator('table tbody tr').nth(i).waitFor();
  }
  await openRoom(page, setup);
}

/** In the room: each case's suggestion (award) or a rejection proposed, approved by all five, closed and decided. */
export async function decideCases(page: Page, decisions: readonly CaseDecision[]): Promise<void> {
  for (const [i, { caseId, outcome }] of decisions.entries()) {
    const propose = outcome === 'award' ? 'suggestion' : 'reject';
    await playVoteScene(page, { caseId, arrive: i === 0 ? ALL_MEMBERS : [], propose, votes: ALL_MEMBERS.map((m) => [m, 'approve'] as const) });
    await page.getByTestId('room-close-vote').click();
    // rejecting a case with a suggested tier needs a rationale
    if (outcome === 'reject') await page.getByTestId('room-decision-form').getByRole('textbox').fill('증빙이 신청 내용과 맞지 않습니다.');
    await page.getByTestId('room-record-decision').click();
    await page.locator(`[data-testid="room-decision"][data-outcome="${outcome}"]`).waitFor();
  }
}
