/**
 * Whether this profile holds data a restore would replace: any case, meeting or audit entry. Members
 * alone come with audit entries; settings alone (the language, "start empty") are no data.
 */
import type { CouncilDb } from '../../db/schema';

export interface ProfileData {
  cases: number;
  meetings: number;
  audit: number;
}

export async function readProfileData(db: CouncilDb): Promise<ProfileData> {
  const [cases, meetings, audit] = await db.transaction('r', [db.cases, db.meetings, db.audit], () => Promise.all([db.cases.count(), db.meetings.count(), db.audit.count()]));
  return { cases, meetings, audit };
}

export function hasData(data: ProfileData): boolean {
  return data.cases > 0 || data.meetings > 0 || data.audit > 0;
}
