/**
 * Why the room refused a change. Every write of the room checks the meeting, the case and the
 * counting rules itself (the screen disables what it can, but the data is the guard), and says
 * no with one of these codes; the screen words it from `room.refusals.<code>` with the params.
 */
export const REFUSAL_CODES = [
  'MEETING_NOT_FOUND',
  'MEETING_NOT_OPEN',
  'CASE_NOT_FOUND',
  'CASE_NOT_ON_AGENDA',
  'CASE_LOCKED',
  'NOT_A_VOTING_MEMBER',
  'MEMBER_ALREADY_PRESENT',
  'MEMBER_NOT_PRESENT',
  'MEMBER_RECUSED',
  'ALREADY_RECUSED',
  'NOT_RECUSED',
  'CONFLICT_NOT_FOUND',
  'REASON_REQUIRED',
  'PROPOSAL_ALREADY_OPEN',
  'PROPOSAL_AWAITS_DECISION',
  'PROPOSAL_NOT_FOUND',
  'PROPOSAL_NOT_OPEN',
  'PROPOSAL_NOT_PASSED',
  'PROPOSAL_ALREADY_DECIDED',
  'SUGGESTION_HAS_NO_AWARD',
  'AMOUNT_INVALID',
  'AWARD_ABOVE_CLAIM',
  'DOCUMENTS_REQUIRED',
  'DOCUMENT_KIND_UNKNOWN',
  'NO_QUORUM',
  'RATIONALE_REQUIRED',
  'NO_DECISION_TO_REOPEN',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export type RefusalParams = Record<string, string | number>;

export class RoomRefusal extends Error {
  override readonly name = 'RoomRefusal';
  constructor(
    readonly code: RefusalCode,
    readonly params: RefusalParams = {},
    message: string = code,
  ) {
    super(message);
  }
}

export function isRoomRefusal(err: unknown): err is RoomRefusal {
  return err instanceof RoomRefusal;
}
