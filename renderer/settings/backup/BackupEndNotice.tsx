/**
 * How the last backup of this run ended, said in Settings → Backup: the file made (its size, where
 * it was saved, the automatic backups the keeping rule removed), no folder chosen, or what stopped
 * it in an alert with plain words and its code.
 */
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../common/ErrorNotice';
import { formatBytes } from '../../common/format/bytes';
import { formatCount } from '../../common/format/numbers';
import { useUiStore } from '../../common/ui-store';
import type { BackupEnd } from './backup-store';
import { backupErrorTitle } from './backup-words';

export function BackupEndNotice({ end }: { end: BackupEnd | null }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  return (
    <>
      <div role="status" data-testid="backup-outcome" className="backup__outcome">
        {end?.state === 'written' && (
          <>
            <p>{t('backup.written', { name: end.result.name, size: formatBytes(end.result.bytes, language) })}</p>
            <p className="path-text">{t('backup.writtenTo', { paths: end.result.paths.join(', ') })}</p>
            {end.result.removed.length > 0 && <p className="path-text">{t('backup.removed', { count: formatCount(end.result.removed.length, language), names: end.result.removed.join(', ') })}</p>}
          </>
        )}
        {end?.state === 'cancelled' && <p>{t('backup.cancelled')}</p>}
        {end?.state === 'no-passphrase' && <p>{t('backup.auto.noPassphrase')}</p>}
      </div>
      {end?.state === 'failed' && <ErrorNotice title={backupErrorTitle(t, end.error)} error={end.error} />}
    </>
  );
}
