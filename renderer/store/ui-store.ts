/** What the user is looking at: the current screen and the UI language. */
import { create } from 'zustand';
import type { Language } from '../db/settings';
import { DEFAULT_LANGUAGE } from '../i18n';

export const SCREENS = ['bundles', 'cases', 'meeting', 'decisions', 'minutes', 'settings'] as const;
export type ScreenId = (typeof SCREENS)[number];

interface UiState {
  screen: ScreenId;
  language: Language;
  setScreen(screen: ScreenId): void;
  setLanguage(language: Language): void;
}

const initial = { screen: 'bundles' as ScreenId, language: DEFAULT_LANGUAGE };

export const useUiStore = create<UiState>()((set) => ({
  ...initial,
  setScreen: (screen) => set({ screen }),
  setLanguage: (language) => set({ language }),
}));

export function resetUiStore(): void {
  useUiStore.setState(initial);
}
