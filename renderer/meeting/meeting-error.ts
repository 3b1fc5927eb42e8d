/**
 * Why a change to a meeting was refused. The code is stable (tests and the screen switch on it);
 * the screen words it in the UI language (`meeting.errors.<code>`), the message is for logs.
 */
import type { FieldProblem, MeetingField } from './meeting-input';
import type { MeetingStatus } from '../db/rows';

export const MEETING_ERROR_CODES = [
  /** The input failed its checks: `fields` says which and why. */
  'INVALID',
  'NO_SUCH_MEETING',
  /** A closed meeting is read-only. */
  'MEETING_CLOSED',
  /** The details (date, place, start time, rules) change only while the meeting is planned. */
  'NOT_PLANNED',
  /** Only planned -> open -> closed. */
  'BAD_TRANSITION',
  /** A meeting is not closed while a proposal is open. */
  'PROPOSAL_OPEN',
  /** A case is not taken off the agenda once it has a proposal in this meeting. */
  'HAS_PROPOSAL',
  'NOT_ON_AGENDA',
  /** A move's positions are not positions of the agenda. */
  'BAD_POSITION',
] as const;
export type MeetingErrorCode = (typeof MEETING_ERROR_CODES)[number];

export class MeetingError extends Error {
  constructor(
    readonly code: MeetingErrorCode,
    message: string,
    readonly detail: {
      fields?: Partial<Record<MeetingField, FieldProblem>>;
      status?: MeetingStatus;
      caseId?: string;
    } = {},
  ) {
    super(message);
    this.name = 'MeetingError';
  }
}

export function isMeetingError(err: unknown): err is MeetingError {
  return err instanceof MeetingError;
}
