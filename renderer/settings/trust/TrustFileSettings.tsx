/**
 * Which trust file is in use (chosen, or the built-in demo trust file), and buttons to choose
 * another or go back to the built-in one. The main process keeps the choice, and asks the user to
 * confirm either change (security-preferences.ts audits it).
 */
import { useTranslation } from 'react-i18next';
import { chooseTrustFile } from '../security-preferences';
import { SecurityChangeNotice, useSecurityChange } from '../SecurityChangeNotice';
import { choosePath } from '../../common/file-picker';
import { useServices } from '../../common/services';

export function TrustFileSettings({ trustFile }: { trustFile: string | null }) {
  const { t } = useTranslation();
  const { db, api } = useServices();
  const { problem, run } = useSecurityChange();

  const choose = () =>
    run(async () => {
      const path = await choosePath(api, 'trust');
      if (path !== null) await chooseTrustFile(db, api, path);
    });

  return (
    <>
      <p data-testid="trust-in-use" className="path-text">
        {trustFile === null ? t('trust.builtIn') : t('trust.chosen', { path: trustFile })}
      </p>
      <div className="settings-actions">
        <button type="button" className="button button--quiet" onClick={() => void choose()}>
          {t('trust.choose')}
        </button>
        <button type="button" className="button button--quiet" disabled={trustFile === null} onClick={() => void run(() => chooseTrustFile(db, api, null))}>
          {t('trust.useBuiltIn')}
        </button>
      </div>
      <SecurityChangeNotice problem={problem} />
    </>
  );
}
