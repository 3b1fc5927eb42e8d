/** The backup under way, wherever it was started: a progress bar with what it is doing in words; nothing when none runs. */
import { useTranslation } from 'react-i18next';
import { ProgressBar } from '../../common/ProgressBar';
import { useUiStore } from '../../common/ui-store';
import { useBackupStore } from './backup-store';
import { backupPercent, backupProgressText } from './backup-words';

export function BackupProgressBar() {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const running = useBackupStore((s) => s.running);
  if (!running) return null;
  const text = backupProgressText(t, running.progress, language);
  return (
    <div className="backup__progress" data-testid="backup-progress">
      <ProgressBar label={t('backup.progressLabel')} percent={backupPercent(running.progress)} valueText={text} />
      <p className="choice__hint choice__hint--flush">{text}</p>
    </div>
  );
}
