/**
 * A decision file's name (FORMATS.md): `decisions-<meetingId>-<sequence, 4 digits>.dsse.json`,
 * written into `<sync>/outbox/`. meetingId: 1 to 64 of A-Z a-z 0-9 - _ .
 */
/** A meeting id: names its decision files, so no path characters. */
export const MEETING_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

export const DECISION_FILE_SUFFIX = '.dsse.json';

export function decisionFileName(meetingId: string, sequence: number): string {
  return `decisions-${meetingId}-${String(sequence).padStart(4, '0')}${DECISION_FILE_SUFFIX}`;
}

/** The meeting and sequence a decision file's name gives; null for any other name. */
export function parseDecisionFileName(name: string): { meetingId: string; sequence: number } | null {
  const m = /^decisions-([A-Za-z0-9._-]{1,64})-(\d{4})\.dsse\.json$/.exec(name);
  if (m === null || Number(m[2]) < 1) return null;
  return { meetingId: m[1]!, sequence: Number(m[2]) };
}
