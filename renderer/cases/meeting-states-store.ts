/**
 * The cases' meeting states (db/case-meeting-state.ts), read each time the Cases screen opens:
 * meetings change them on another screen, and reading them is cheap next to the list itself.
 */
import { create } from 'zustand';
import { loadCaseMeetingStates, type CaseMeetingState } from '../db/case-meeting-state';
import type { CouncilDb } from '../db/schema';

interface MeetingStates {
  states: ReadonlyMap<string, CaseMeetingState>;
  refresh(db: CouncilDb): Promise<void>;
}

let sequence = 0;

export const useMeetingStatesStore = create<MeetingStates>()((set) => ({
  states: new Map(),
  refresh: async (db) => {
    sequence += 1;
    const mine = sequence;
    // A failed read leaves the states as they were: the list still shows each case's status.
    const states = await loadCaseMeetingStates(db).catch(() => null);
    if (states !== null && mine === sequence) set({ states });
  },
}));
