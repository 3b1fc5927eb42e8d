/** The top bar: the app, the council it serves, and the language switch. */
import { useTranslation } from 'react-i18next';
import { useCouncilStore } from '../common/council-store';
import { LanguageSwitch } from '../common/LanguageSwitch';

export function AppHeader() {
  const { t } = useTranslation();
  const councilName = useCouncilStore((s) => s.settings.councilName);
  return (
    <header className="app-header">
      <div className="app-header__titles">
        <span className="app-header__app">{t('app.name')}</span>
        <span className="app-header__council" data-testid="council-name">
          {councilName || t('header.noCouncil')}
        </span>
      </div>
      <LanguageSwitch />
    </header>
  );
}
