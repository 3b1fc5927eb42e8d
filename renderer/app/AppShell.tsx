/** The frame around every screen: header on top, the main menu on the left, the screen beside it. */
import type { ComponentType } from 'react';
import { BundlesScreen } from '../bundles';
import { CaseReviewScreen } from '../review';
import { CasesScreen } from '../cases';
import { DecisionsScreen } from '../decisions';
import { MeetingScreen } from '../meeting';
import { MinutesScreen } from '../minutes';
import { SettingsScreen } from '../settings';
import { useUiStore, type ScreenId } from '../common/ui-store';
import './shell.css';
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
