/**
 * The case the room is on, per meeting: kept outside the room's components so it survives a visit
 * to the evidence (the room gives way to the case review, and comes back on the same case).
 */
import { create } from 'zustand';

interface RoomState {
  caseByMeeting: Record<string, string>;
  setCase(meetingId: string, caseId: string): void;
}

export const useRoomStore = create<RoomState>()((set) => ({
  caseByMeeting: {},
  setCase: (meetingId, caseId) => set((s) => ({ caseByMeeting: { ...s.caseByMeeting, [meetingId]: caseId } })),
}));

export function resetRoomStore(): void {
  useRoomStore.setState({ caseByMeeting: {} });
}

/** The current case of the agenda: the one remembered if still on it, else the first. */
export function currentCaseOf(agenda: readonly string[], remembered: string | undefined): string | null {
  return remembered !== undefined && agenda.includes(remembered) ? remembered : (agenda[0] ?? null);
}

let evidenceOpenedFrom: string | null = null;

/** The room gives way to the case review: remembered so focus comes back to the case on return. */
export function noteEvidenceOpened(caseId: string): void {
  evidenceOpenedFrom = caseId;
}

/** Whether the room is coming back from the evidence (asked once: the answer is then forgotten). */
export function takeEvidenceReturn(): boolean {
  const back = evidenceOpenedFrom !== null;
  evidenceOpenedFrom = null;
  return back;
}
