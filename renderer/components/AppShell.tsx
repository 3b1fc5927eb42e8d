/** The frame around every screen: header on top, the main menu on the left, the screen beside it. */
import type { ComponentType } from 'react';
import { BundlesScreen } from '../screens/BundlesScreen';
import { CaseReviewScreen } from '../screens/CaseReviewScreen';
import { CasesScreen } from '../screens/CasesScreen';
import { DecisionsScreen } from '../screens/DecisionsScreen';
import { MeetingScreen } from '../screens/MeetingScreen';
import { MinutesScreen } from '../screens/MinutesScreen';
import { SettingsScreen } from '../screens/SettingsScreen';
import { useUiStore, type ScreenId } from '../store/ui-store';
import '../styles/shell.css';
import { AppHeader } from './AppHeader';
import { Sidebar } from './Sidebar';

const SCREEN_COMPONENTS: Record<ScreenId, ComponentType> = {
  bundles: BundlesScreen,
  cases: CasesScreen,
  meeting: MeetingScreen,
  decisions: DecisionsScreen,
  minutes: MinutesScreen,
  settings: SettingsScreen,
};

export function AppShell() {
  const screen = useUiStore((s) => s.screen);
  const reviewCaseId = useUiStore((s) => s.reviewCaseId);
  const Screen = screen === 'cases' && reviewCaseId !== null ? CaseReviewScreen : SCREEN_COMPONENTS[screen];
  return (
    <div className="app-shell">
      <AppHeader />
      <div className="app-shell__body">
        <Sidebar />
        <main className="app-shell__main">
          <Screen key={Screen === CaseReviewScreen ? 'case-review' : screen} />
        </main>
      </div>
    </div>
  );
}
