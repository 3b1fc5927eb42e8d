/** "Open bundle file…", the drop hint, and why the last attempt did not start, if it did not. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleOpener } from './use-bundle-opener';
import { ErrorNotice } from '../common/ErrorNotice';
import { useAppMode } from '../common/use-app-mode';
import { AFTER_IMPORT_FOCUS } from './ImportProgressPanel';

export function BundleOpenActions({ opener }: { opener: BundleOpener }) {
  const { t } = useTranslation();
  const { problem, running } = opener;
  const busyId = useId();
  // the desktop app only: in browser mode a dropped file has no known location
  const dropping = useAppMode() === 'electron';
  return (
    <div className="open-actions">
      <div className="open-actions__row">
        {/* aria-disabled, not disabled, while an import runs: the button keeps the keyboard's focus
            (a disabled one drops it to the page) and says why it does nothing */}
        <button
          type="button"
          className="button button--primary"
          aria-disabled={running}
          aria-describedby={running ? busyId : undefined}
          {...{ [AFTER_IMPORT_FOCUS]: '' }}
          onClick={() => running || void opener.openWithDialog()}
        >
          {t('open.button')}
        </button>
        {(running || dropping) && <p id={busyId} className="open-actions__hint">{running ? t('open.busy') : t('open.dropHint')}</p>}
      </div>
      {problem?.key === 'open.chooseFailed' && <ErrorNotice title={t('open.chooseFailed')} error={problem.error} />}
      {problem && problem.key !== 'open.chooseFailed' && (
        <p role="alert" className="notice notice--error">
          {'name' in problem ? t(problem.key, { name: problem.name }) : t(problem.key)}
        </p>
      )}
    </div>
  );
}
