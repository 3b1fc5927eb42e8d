/**
 * The frame around every screen: a "skip to content" link first (visible when focused), header on
 * top, the main menu on the left, the screen beside it in the main landmark, and the live regions
 * the whole app speaks through (common/announcer.ts), and an import's question whether to go on
 * when the bundle will not fit in the storage left. Above the screen, once, what start-up found of
 * a restore left unfinished.
 */
import { useRef, type ComponentType, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BundlesScreen, ImportAnnouncements, ImportSpaceQuestion } from '../bundles';
import { Announcer } from '../common/Announcer';
import { CaseReviewScreen } from '../review';
import { CasesScreen } from '../cases';
import { DecisionsScreen } from '../decisions';
import { MeetingScreen } from '../meeting';
import { MinutesScreen } from '../minutes';
import { SettingsScreen } from '../settings';
import { RestoreInterruptedNotice } from '../settings/backup';
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

export const MAIN_ID = 'main-content';

export function AppShell() {
  const { t } = useTranslation();
  const mainRef = useRef<HTMLElement>(null);
  const screen = useUiStore((s) => s.screen);
  const reviewCaseId = useUiStore((s) => s.reviewCaseId);
  const Screen = screen === 'cases' && reviewCaseId !== null ? CaseReviewScreen : SCREEN_COMPONENTS[screen];
  // The screen's heading when it has one (it names where the user landed), else the landmark itself.
  function skip(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    const main = mainRef.current;
    const heading = main?.querySelector<HTMLElement>('h1[tabindex="-1"]');
    (heading ?? main)?.focus();
  }

  return (
    <div className="app-shell">
      <a className="skip-link" href={`#${MAIN_ID}`} onClick={skip}>
        {t('shell.skipToContent')}
      </a>
      <AppHeader />
      <div className="app-shell__body">
        <Sidebar />
        <main id={MAIN_ID} ref={mainRef} tabIndex={-1} className="app-shell__main">
          <RestoreInterruptedNotice />
          <Screen key={Screen === CaseReviewScreen ? 'case-review' : screen} />
        </main>
      </div>
      <Announcer />
      <ImportAnnouncements />
      <ImportSpaceQuestion />
    </div>
  );
}
