/**
 * Which case the projector shows: the room names it (setProjectorFocus) whenever the case in
 * front of the council changes; the projector window, another page on the same database, follows
 * it. Kept in the settings table (one row), so a projector opened late shows the case at once.
 */
import type { CouncilDb } from '../../db/schema';

export const PROJECTOR_FOCUS_KEY = 'projectorFocus';

export interface ProjectorFocus {
  meetingId: string;
  caseId: string | null;
}

export async function setProjectorFocus(db: CouncilDb, focus: ProjectorFocus): Promise<void> {
  await db.settings.put({ key: PROJECTOR_FOCUS_KEY, value: focus });
}

export function projectorFocusOf(value: unknown): ProjectorFocus | null {
  if (value === null || typeof value !== 'object') return null;
  const { meetingId, caseId } = value as Partial<ProjectorFocus>;
  if (typeof meetingId !== 'string' || (caseId !== null && typeof caseId !== 'string')) return null;
  return { meetingId, caseId: caseId ?? null };
}
