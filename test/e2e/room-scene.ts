/**
 * The meeting room brought to a vote under way through its own controls (by test id and data
 * attribute, so in either language): a case put in front, members arrived, a suggested recusal
 * confirmed, the suggestion proposed and some votes cast. Each step waits for the room to show it.
 */
import type { Page } from 'playwright-core';
import { VOTE_CHOICES, type VoteChoice } from '../../shared/meeting/types';
import type { RunningApp } from './app-harness';

export interface VoteScene {
  caseId: string;
  arrive: readonly string[];
  /** A member whose declared conflict the room suggests a recusal for on the case: confirmed. */
  recuse?: string;
  votes: readonly (readonly [memberId: string, choice: VoteChoice])[];
  /** What is proposed: the suggestion (the default) or a rejection. */
  propose?: 'suggestion' | 'reject';
}

/**
 * The demo council on 1015-000011, the case the demo's one declared conflict meets (m3, 이도현):
 * all five voting members present, m3 recused, two approvals and a rejection, m5 yet to vote.
 */
export const DEMO_VOTE: VoteScene = {
  caseId: '1015-000011',
  arrive: ['m1', 'm2', 'm3', 'm4', 'm5'],
  recuse: 'm3',
  votes: [
    ['m1', 'approve'],
    ['m2', 'approve'],
    ['m4', 'reject'],
  ],
};

/** Steps the room's "next case" until the case is in front (it must be on the agenda). */
async function bringCase(page: Page, caseId: string): Promise<void> {
  const shown = page.locator('[data-screen="meeting-room"] .room-case[data-case-id]');
  for (;;) {
    await shown.waitFor();
    const current = await shown.getAttribute('data-case-id');
    if (current === caseId) return;
    const next = page.getByTestId('room-next');
    if (await next.isDisabled()) throw new Error(`${caseId} is not on the meeting's agenda`);
    await next.click();
    await page.locator(`[data-screen="meeting-room"] .room-case:not([data-case-id="${current}"])`).waitFor();
  }
}

/** A member's vote by the mouse buttons of the vote list, clicked again should the list be drawn again under the click. */
async function castVote(page: Page, memberId: string, choice: VoteChoice): Promise<void> {
  const list = page.getByTestId('room-vote-list');
  const row = list.locator('li', { has: page.locator(`button[data-member-id="${memberId}"]`) });
  const counted = list.locator(`button[data-member-id="${memberId}"][data-state="${choice}"]`);
  for (let attempt = 1; ; attempt++) {
    await row.locator('.room-vote__choices button').nth(VOTE_CHOICES.indexOf(choice)).click();
    try {
      await counted.waitFor({ timeout: 5_000 });
      return;
    } catch (err) {
      if (attempt === 3) throw err;
    }
  }
}

/** From the room (on screen, meeting open): the scene's case, arrivals, recusal, the proposal, the votes. */
export async function playVoteScene(page: Page, scene: VoteScene): Promise<void> {
  await bringCase(page, scene.caseId);
  const attendance = page.getByTestId('room-attendance');
  for (const memberId of scene.arrive) {
    await page.getByTestId(`room-attendance-${memberId}`).click();
    await attendance.locator(`tr[data-member-id="${memberId}"][data-present="true"]`).waitFor();
  }
  if (scene.recuse) {
    await page.getByTestId('room-suggested-recusals').locator(`li[data-member-id="${scene.recuse}"] .button--primary`).click();
    await page.getByTestId('room-recusals').locator(`li[data-member-id="${scene.recuse}"][data-status="recused"]`).waitFor();
  }
  await page.getByTestId(`room-propose-${scene.propose ?? 'suggestion'}`).click();
  await page.getByTestId('room-open-proposal').waitFor();
  for (const [memberId, choice] of scene.votes) await castVote(page, memberId, choice);
  await page.getByTestId('room-tally').waitFor();
}

/**
 * The projector view of a meeting in a page of its own (same profile, so the same database and
 * stored language), its errors added to the app's problems.
 */
export async function openProjectorPage(app: Pick<RunningApp, 'context' | 'url' | 'problems'>, meetingId: string): Promise<Page> {
  const projector = await app.context.newPage();
  projector.on('console', (msg) => {
    if (msg.type() === 'error') app.problems.push(`projector: ${msg.text()}`);
  });
  projector.on('pageerror', (error) => app.problems.push(`projector: ${error.message}`));
  const url = new URL(app.url);
  url.hash = `projector=${encodeURIComponent(meetingId)}`;
  await projector.goto(url.toString());
  await projector.locator('[data-screen="projector"] h1').waitFor();
  return projector;
}
