/**
 * What the user is looking at: the current screen, the case open for review (within the Cases
 * screen) with the list order that previous and next follow, and the UI language: the one place
 * the current language lives (common/language.ts changes it; the settings table keeps it).
 */
import { create } from 'zustand';
import { DEFAULT_LANGUAGE, type Language } from '../../shared/i18n';

export const SCREENS = ['bundles', 'cases', 'meeting', 'decisions', 'minutes', 'settings'] as const;
export type ScreenId = (typeof SCREENS)[number];

/** Within the Meeting screen: the agenda and setting-up of a meeting, or the room where it is run. */
export type MeetingView = 'setup' | 'room';

interface UiState {
  screen: ScreenId;
  /** The meeting open within the Meeting screen; null: the list of meetings. */
  meetingId: string | null;
  meetingView: MeetingView;
  language: Language;
  /** The case shown by the case review screen; null: the Cases list. */
  reviewCaseId: string | null;
  /** The Cases list's order (filtered and sorted) when the case was opened: previous and next follow it. */
  reviewOrder: readonly string[];
  /** How many cases the list holds before its search and filters (the review says when it shows fewer). */
  reviewListSize: number;
  setScreen(screen: ScreenId): void;
  setLanguage(language: Language): void;
  /**
   * Opens a case for review, on the Cases screen; `order` (and `listSize`, the cases listed before
   * filtering) default to those already held.
   */
  openCase(caseId: string, order?: readonly string[], listSize?: number): void;
  /** Back to the Cases list. */
  closeCase(): void;
  /** Opens a meeting, on the Meeting screen: its setup and agenda, or its room. */
  openMeeting(meetingId: string, view?: MeetingView): void;
  /** Back to the list of meetings. */
  closeMeeting(): void;
}

const initial = {
  screen: 'bundles' as ScreenId,
  language: DEFAULT_LANGUAGE,
  meetingId: null as string | null,
  meetingView: 'setup' as MeetingView,
  reviewCaseId: null as string | null,
  reviewOrder: [] as readonly string[],
  reviewListSize: 0,
};

export const useUiStore = create<UiState>()((set) => ({
  ...initial,
  setScreen: (screen) => set({ screen, reviewCaseId: null }),
  setLanguage: (language) => set({ language }),
  openCase: (caseId, order, listSize) =>
    set((state) => ({
      screen: 'cases',
      reviewCaseId: caseId,
      reviewOrder: order ?? state.reviewOrder,
      reviewListSize: listSize ?? (order ? order.length : state.reviewListSize),
    })),
  closeCase: () => set({ reviewCaseId: null }),
  openMeeting: (meetingId, view = 'setup') => set({ screen: 'meeting', meetingId, meetingView: view }),
  closeMeeting: () => set({ meetingId: null, meetingView: 'setup' }),
}));

export function resetUiStore(): void {
  useUiStore.setState(initial);
}
