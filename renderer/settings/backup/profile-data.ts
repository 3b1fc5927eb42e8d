/**
 * Whether this profile holds data a restore would replace: any case, meeting, decision or vote.
 * Audit entries alone are no data: a backup made of an empty profile, a sync folder or trust file
 * chosen in Settings each leave one, and none of them is lost by a restore (the settings live in
 * the main process; the backup stays a file). Settings alone (the language, "start empty") are no
 * data either.
 */
import type { CouncilDb } from '../../db/schema';

export interface ProfileData {
  cases: number;
  meetings: number;
  decisions: number;
  votes: number;
}

export async function readProfileData(db: CouncilDb): Promise<ProfileData> {
  const [cases, meetings, decisions, votes] = await db.transaction('r', [db.cases, db.meetings, db.decisions, db.votes], () =>
    Promise.all([db.cases.count(), db.meetings.count(), db.decisions.count(), db.votes.count()]),
  );
  return { cases, meetings, decisions, votes };
}

export function hasData(data: ProfileData): boolean {
  return data.cases > 0 || data.meetings > 0 || data.decisions > 0 || data.votes > 0;
}

/** What it holds, in a message's words (English: the error's message, not shown as prose of the UI). */
export function profileDataWords(data: ProfileData): string {
  return `${data.cases} cases, ${data.meetings} meetings, ${data.decisions} decisions and ${data.votes} votes`;
}
