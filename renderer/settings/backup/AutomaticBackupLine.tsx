/**
 * One quiet line for the automatic backups, beside what started them (closing a meeting, exporting
 * decisions): how far one is, the file it made, that none is made without a passphrase (said once
 * a run), or that it failed, with its code. Never a dialog, never in the way; nothing when there
 * is nothing to say of an automatic backup.
 */
import { useTranslation } from 'react-i18next';
import { useBackupStore } from './backup-store';
import { backupPercent } from './backup-words';

export function AutomaticBackupLine() {
  const { t } = useTranslation();
  const running = useBackupStore((s) => s.running);
  const last = useBackupStore((s) => s.last);
  let text: string | null = null;
  if (running && running.kind !== 'manual') text = t('backup.auto.running', { percent: backupPercent(running.progress) });
  else if (last && last.kind !== 'manual') {
    if (last.state === 'written') text = t('backup.auto.written', { name: last.result.name });
    else if (last.state === 'no-passphrase') text = t('backup.auto.noPassphrase');
    else if (last.state === 'failed') text = t('backup.auto.failed', { code: last.error.code });
  }
  return (
    <p role="status" className="screen__note path-text" data-testid="automatic-backup">
      {text}
    </p>
  );
}
